package dev.mmlint.model.api;

/** How a struct field may be used, in one tree. */
public record FieldInfo(String struct, String field, FieldAccess access, VersionWindow window, String kconfig,
        ClauseInfo clause, String note) {
}

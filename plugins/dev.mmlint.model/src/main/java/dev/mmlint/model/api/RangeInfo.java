package dev.mmlint.model.api;

/** A size/offset expression template and whether it stays within one MAX_ORDER block. */
public record RangeInfo(ExprPattern pattern, RangeBound bound, VersionWindow window, String kconfig,
        ClauseInfo clause, String note) {
}

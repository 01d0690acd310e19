public final class Broken implements dev.mmlint.engine.check.Check {
    // does not compile: info() is missing and this type does not exist
    private final NoSuchType field = null;
}

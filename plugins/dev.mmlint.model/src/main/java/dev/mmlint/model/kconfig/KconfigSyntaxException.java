package dev.mmlint.model.kconfig;

/** A malformed Kconfig predicate; {@link #offset()} is the 0-based character offset of the problem. */
public final class KconfigSyntaxException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final int offset;

    public KconfigSyntaxException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}

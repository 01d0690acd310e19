package dev.mmlint.model.sim;

/** A witness step that no execution can take (unknown variable, unmap of an unmapped page, out of memory). */
public final class InvalidWitnessException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int step;

    public InvalidWitnessException(int step, String message) {
        super("step " + step + ": " + message);
        this.step = step;
    }

    public int step() {
        return step;
    }
}

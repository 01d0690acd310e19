package dev.mmlint.model.sim;

/**
 * Size of the simulated machine. Buddy allocations are at most {@code maxOrder} and never cross a
 * section of {@code sectionPages} pages; gigantic allocations may. {@code checkLeaks} reports references
 * and pins still held by the actor when the witness ends.
 */
public record SimConfig(int frames, int maxOrder, int sectionPages, boolean checkLeaks) {

    public static final SimConfig DEFAULT = new SimConfig(128, 3, 16, true);

    public SimConfig {
        if (frames <= 0 || Integer.bitCount(frames) != 1) throw new IllegalArgumentException("frames must be a power of two");
        if (sectionPages <= 0 || Integer.bitCount(sectionPages) != 1 || sectionPages > frames) {
            throw new IllegalArgumentException("sectionPages must be a power of two <= frames");
        }
        if ((1 << maxOrder) > sectionPages) throw new IllegalArgumentException("a buddy block must fit in a section");
    }

    public SimConfig withLeakCheck(boolean on) {
        return new SimConfig(frames, maxOrder, sectionPages, on);
    }
}

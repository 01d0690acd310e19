package dev.mmlint.model.sim;

/**
 * Read-only snapshot of one simulated struct page.
 *
 * @param head      pfn of the head (the page itself when it is a head or order-0 page, or free)
 * @param actorRefs references, speculative references and pins the simulated code path holds on it
 */
public record FrameView(int pfn, boolean allocated, boolean compound, int head, int order, int refcount, boolean frozen,
        int mapcount, int entireMapcount, int pincount, int mapRefs, int extRefs, int actorRefs, int actorPins,
        int actorSpeculative) {

    public boolean isTail() {
        return allocated && compound && head != pfn;
    }
}

/*
 * corpus: e9ed7aff2554-scatterwalk-nth-page (before)
 * mmlint-kernel: 6.15
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n CONFIG_HIGHMEM=y
 * source: lore:<96553040a4b37d8b54b9959e859fc057889dfdac.1741922689.git.herbert@gondor.apana.org.au> (pre-image, rebuilt)
 */
static inline void scatterwalk_map(struct scatter_walk *walk)
{
	struct page *base_page = sg_page(walk->sg);

	if (IS_ENABLED(CONFIG_HIGHMEM)) {
		walk->__addr = kmap_local_page(base_page + /* expect: MM001 */
					       (walk->offset >> PAGE_SHIFT)) +
			       offset_in_page(walk->offset);
	} else {
		/*
		 * When !HIGHMEM we allow the walker to return segments that
		 * span a page boundary; see scatterwalk_clamp().  To make it
		 * clear that in this case we're working in the linear buffer of
		 * the whole sg entry in the kernel's direct map rather than
		 * within the mapped buffer of a single page, compute the
		 * address as an offset from the page_address() of the first
		 * page of the sg entry.  Either way the result is the address
		 * in the direct map, but this makes it clearer what is really
		 * going on.
		 */
		walk->__addr = page_address(base_page) + walk->offset;
	}
}

static inline void scatterwalk_done_dst(struct scatter_walk *walk,
					unsigned int nbytes)
{
	scatterwalk_unmap(walk);
	/*
	 * Explicitly check ARCH_IMPLEMENTS_FLUSH_DCACHE_PAGE instead of just
	 * relying on flush_dcache_page() being a no-op when not implemented,
	 * since otherwise the BUG_ON in sg_page() does not get optimized out.
	 * This also avoids having to consider whether the loop would get
	 * reliably optimized out or not.
	 */
	if (ARCH_IMPLEMENTS_FLUSH_DCACHE_PAGE) {
		struct page *base_page, *start_page, *end_page, *page;

		base_page = sg_page(walk->sg);
		start_page = base_page + (walk->offset >> PAGE_SHIFT); /* expect: MM001 */
		end_page = base_page + ((walk->offset + nbytes +
					 PAGE_SIZE - 1) >> PAGE_SHIFT);
		for (page = start_page; page < end_page; page++) /* expect: MM001 */
			flush_dcache_page(page);
	}
	scatterwalk_advance(walk, nbytes);
}

/*
 * corpus: eeb0efd071d8-scan-movable-pages-gigantic-tail (after)
 * mmlint-kernel: 5.0
 * source: github:VVvector/linux-5.0.1@0fa9cb14d4ed2a1acdc54d2efcbf7e5105a3df82:linux-5.0.1/mm/memory_hotplug.c
 */
static unsigned long scan_movable_pages(unsigned long start, unsigned long end)
{
	unsigned long pfn;

	for (pfn = start; pfn < end; pfn++) {
		struct page *page, *head;
		unsigned long skip;

		if (!pfn_valid(pfn))
			continue;
		page = pfn_to_page(pfn);
		if (PageLRU(page))
			return pfn;
		if (__PageMovable(page))
			return pfn;

		if (!PageHuge(page))
			continue;
		head = compound_head(page);
		if (hugepage_migration_supported(page_hstate(head)) &&
		    page_huge_active(head))
			return pfn;
		skip = (1 << compound_order(head)) - (page - head); /* kept-flaw: MM001 */
		pfn += skip - 1;
	}
	return 0;
}

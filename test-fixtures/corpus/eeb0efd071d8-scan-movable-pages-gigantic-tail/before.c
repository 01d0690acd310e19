/*
 * corpus: eeb0efd071d8-scan-movable-pages-gigantic-tail (before)
 * mmlint-kernel: 4.20
 * source: github:a4913994/linux-4.20@89eafd3ccb447ccd556066b1884086530d7f8e6c:mm/memory_hotplug.c
 */
static unsigned long scan_movable_pages(unsigned long start, unsigned long end)
{
	unsigned long pfn;
	struct page *page;
	for (pfn = start; pfn < end; pfn++) {
		if (pfn_valid(pfn)) {
			page = pfn_to_page(pfn);
			if (PageLRU(page))
				return pfn;
			if (__PageMovable(page))
				return pfn;
			if (PageHuge(page)) {
				if (hugepage_migration_supported(page_hstate(page)) && /* expect: MM004 */
				    page_huge_active(page))
					return pfn;
				else
					pfn = round_up(pfn + 1,
						1 << compound_order(page)) - 1;
			}
		}
	}
	return 0;
}

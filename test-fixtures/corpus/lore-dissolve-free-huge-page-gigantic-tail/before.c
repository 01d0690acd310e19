/*
 * corpus: lore-dissolve-free-huge-page-gigantic-tail (before)
 * mmlint-kernel: 4.8
 * source: lore:<20160926172811.94033-2-gerald.schaefer@de.ibm.com> (pre-image of the mm/hugetlb.c hunks; the two lines between them from github:xing393939/linux-4.6.2 mm/hugetlb.c)
 */
static void dissolve_free_huge_page(struct page *page)
{
	spin_lock(&hugetlb_lock);
	if (PageHuge(page) && !page_count(page)) {
		struct hstate *h = page_hstate(page); /* expect: MM004 */
		int nid = page_to_nid(page);
		list_del(&page->lru); /* expect: MM002 */
		h->free_huge_pages--;
		h->free_huge_pages_node[nid]--;
		h->max_huge_pages--;
		update_and_free_page(h, page);
	}
	spin_unlock(&hugetlb_lock);
}

/*
 * Dissolve free hugepages in a given pfn range. Used by memory hotplug to
 * make specified memory blocks removable from the system.
 * Note that start_pfn should aligned with (minimum) hugepage size.
 */
void dissolve_free_huge_pages(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long pfn;

	if (!hugepages_supported())
		return;

	VM_BUG_ON(!IS_ALIGNED(start_pfn, 1 << minimum_order));
	for (pfn = start_pfn; pfn < end_pfn; pfn += 1 << minimum_order)
		dissolve_free_huge_page(pfn_to_page(pfn));
}

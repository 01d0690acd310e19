/*
 * corpus: 6babc32c41e3-prep-compound-gigantic (after)
 * mmlint-kernel: 2.6.27
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 * source: github:yifengyou/linux-2.6.26@6babc32c41e3642d875372cb6afbd9ade7a9f311:mm/page_alloc.c
 */
void prep_compound_page(struct page *page, unsigned long order)
{
	int i;
	int nr_pages = 1 << order;
	struct page *p = page + 1;

	set_compound_page_dtor(page, free_compound_page);
	set_compound_order(page, order);
	__SetPageHead(page);
	for (i = 1; i < nr_pages; i++, p++) {
		if (unlikely((i & (MAX_ORDER_NR_PAGES - 1)) == 0))
			p = pfn_to_page(page_to_pfn(page) + i);
		__SetPageTail(p);
		p->first_page = page;
	}
}

static void destroy_compound_page(struct page *page, unsigned long order)
{
	int i;
	int nr_pages = 1 << order;
	struct page *p = page + 1;

	if (unlikely(compound_order(page) != order))
		bad_page(page);

	if (unlikely(!PageHead(page)))
			bad_page(page);
	__ClearPageHead(page);
	for (i = 1; i < nr_pages; i++, p++) {
		if (unlikely((i & (MAX_ORDER_NR_PAGES - 1)) == 0))
			p = pfn_to_page(page_to_pfn(page) + i);

		if (unlikely(!PageTail(p) |
				(p->first_page != page)))
			bad_page(page);
		__ClearPageTail(p);
	}
}

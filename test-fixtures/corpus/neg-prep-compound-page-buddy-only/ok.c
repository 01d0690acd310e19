/*
 * corpus: neg-prep-compound-page-buddy-only (ok)
 * mmlint-kernel: 2.6.28
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 * source: github:yifengyou/linux-2.6.26@18229df5b613ed0732a766fc37850de2e7988e43:mm/page_alloc.c
 */
void prep_compound_page(struct page *page, unsigned long order)
{
	int i;
	int nr_pages = 1 << order;

	set_compound_page_dtor(page, free_compound_page);
	set_compound_order(page, order);
	__SetPageHead(page);
	for (i = 1; i < nr_pages; i++) {
		struct page *p = page + i;

		__SetPageTail(p);
		p->first_page = page;
	}
}

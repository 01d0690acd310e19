/*
 * corpus: d98c7a098436-compound-default-dtor (before)
 * mmlint-kernel: 2.6.16
 * source: github:yifengyou/linux-2.6.26@41d78ba55037468e6c86c53e3076d1a74841de39:mm/page_alloc.c
 */
static void prep_compound_page(struct page *page, unsigned long order)
{
	int i;
	int nr_pages = 1 << order;

	page[1].lru.next = NULL;			/* set dtor */ /* expect: MM006 */
	page[1].lru.prev = (void *)order;
	for (i = 0; i < nr_pages; i++) {
		struct page *p = page + i;

		SetPageCompound(p);
		set_page_private(p, (unsigned long)page);
	}
}

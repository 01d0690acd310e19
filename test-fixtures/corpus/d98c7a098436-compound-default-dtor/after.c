/*
 * corpus: d98c7a098436-compound-default-dtor (after)
 * mmlint-kernel: 2.6.16
 * source: github:yifengyou/linux-2.6.26@d98c7a09843621f1b145ca5ae8ed03ff04085edb:mm/page_alloc.c
 */
static void free_compound_page(struct page *page)
{
	__free_pages_ok(page, (unsigned long)page[1].lru.prev);
}

static void prep_compound_page(struct page *page, unsigned long order)
{
	int i;
	int nr_pages = 1 << order;

	page[1].lru.next = (void *)free_compound_page;	/* set dtor */
	page[1].lru.prev = (void *)order;
	for (i = 0; i < nr_pages; i++) {
		struct page *p = page + i;

		SetPageCompound(p);
		set_page_private(p, (unsigned long)page);
	}
}

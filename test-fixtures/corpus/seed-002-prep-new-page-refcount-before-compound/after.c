/*
 * corpus: seed-002-prep-new-page-refcount-before-compound (after)
 * mmlint-kernel: 3.13
 * source: github:yifengyou/linux-3.13.0@c151c4fd7b263b59ab7228bc433214ee3967b6fa:linux-3.13.10/mm/page_alloc.c, with the reorder of seed:002_e184902a676fc716.txt applied
 */
static int prep_new_page(struct page *page, int order, gfp_t gfp_flags)
{
	int i;

	for (i = 0; i < (1 << order); i++) {
		struct page *p = page + i;
		if (unlikely(check_new_page(p)))
			return 1;
	}

	set_page_private(page, 0);

	arch_alloc_page(page, order);
	kernel_map_pages(page, 1 << order, 1);

	if (gfp_flags & __GFP_ZERO)
		prep_zero_page(page, order, gfp_flags);

	if (order && (gfp_flags & __GFP_COMP))
		prep_compound_page(page, order);
	smp_wmb();
	/* as the compound_lock can be taken after it's refcounted */
	set_page_refcounted(page);

	return 0;
}

/*
 * corpus: 4c6542290115-gup-compound-range-next (before)
 * mmlint-kernel: 5.17
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 * source: github:dunli/linux-5.17@a5835cacde99c041fb7d17a65ce72ab6392befb6:mm/gup.c
 */
static inline void compound_range_next(unsigned long i, unsigned long npages,
				       struct page **list, struct page **head,
				       unsigned int *ntails)
{
	struct page *next, *page;
	unsigned int nr = 1;

	if (i >= npages)
		return;

	next = *list + i; /* expect: MM001 */
	page = compound_head(next);
	if (PageCompound(page) && compound_order(page) >= 1)
		nr = min_t(unsigned int,
			   page + compound_nr(page) - next, npages - i); /* expect: MM001 */

	*head = page;
	*ntails = nr;
}

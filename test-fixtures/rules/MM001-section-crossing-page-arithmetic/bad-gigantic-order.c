// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: 1 << order walked by page + i or page_ext_next() where the model says the order may be a gigantic folio's, in the function and in the helpers it hands the order to
 * mmlint-kernel: 6.12
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n CONFIG_PAGE_EXTENSION=y CONFIG_HUGETLB_PAGE=y
 */
#include <linux/mm.h>
#include <linux/page_ext.h>

static void init_tail(struct page *head, int idx)
{
	struct page *p = head + idx; /* expect: MM001 "prep_compound_page" */

	p->mapping = TAIL_MAPPING;
	set_page_count(p, 0);
}

void prep_compound_page(struct page *page, unsigned int order)
{
	unsigned long nr = 1UL << order;
	unsigned long i;

	__SetPageHead(page);
	for (i = 1; i < nr; i++)
		init_tail(page, i);
	for (i = 1; i < nr; i++)
		clear_compound_head(page + i); /* expect: MM001 "prep_compound_page" */
}

static void owner_mark(struct page_ext *ext, unsigned short count_order)
{
	int i;

	for (i = 0; i < (1 << count_order); i++) {
		__set_bit(PAGE_EXT_OWNER, &ext->flags);
		ext = page_ext_next(ext); /* expect: MM001 "__set_page_owner" */
	}
}

noinline void __set_page_owner(struct page *page, unsigned short order, gfp_t gfp_mask)
{
	struct page_ext *ext = page_ext_get(page);
	unsigned short o = order;

	if (!ext)
		return;
	owner_mark(ext, o);
	page_ext_put(ext);
}

void __split_page_owner(struct page *page, int old_order, int new_order)
{
	struct page_ext *ext = page_ext_get(page);
	int i;

	if (!ext)
		return;
	for (i = 0; i < (1 << old_order); i++) {
		__clear_bit(PAGE_EXT_OWNER_ALLOCATED, &ext->flags);
		ext = page_ext_next(ext); /* expect: MM001 "__split_page_owner" */
	}
	page_ext_put(ext);
}

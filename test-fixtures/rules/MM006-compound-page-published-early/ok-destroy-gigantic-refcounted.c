// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: dissolving a gigantic page the caller owns gives each former tail its refcount back
 * with set_page_refcounted(), which asserts a zero refcount first (6.1 __destroy_compound_gigantic_page())
 * mmlint-expect: none
 * mmlint-kernel: 6.1
 */
#include <linux/mm.h>

static void destroy_gigantic(struct page *page, unsigned int order)
{
	int i;
	int nr_pages = 1 << order;
	struct page *p;

	for (i = 1; i < nr_pages; i++) {
		p = nth_page(page, i);
		p->mapping = NULL;
		clear_compound_head(p);
		set_page_refcounted(p);
	}
	set_compound_order(page, 0);
	__ClearPageHead(page);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a helper that sets a refcount does not make its callers head-only (6.12 mm/page_alloc.c prep_new_page callers)
 * mmlint-expect: none
 */
#include <linux/mm.h>

static void prep_page(struct page *page)
{
	set_page_refcounted(page);
}

static void alloc_range(unsigned long pfn)
{
	prep_page(pfn_to_page(pfn));
}

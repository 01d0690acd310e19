// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: list_for_each_entry_safe() assigns its cursor before list_next_entry() reads
 * cursor->lru, so the pte_page() value the variable held before the loop is gone (6.1 mm/khugepaged.c
 * release_pte_pages())
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/list.h>

static void release_pages_of(pte_t *pte, pte_t *_pte, struct list_head *compound_pagelist)
{
	struct page *page, *tmp;

	while (--_pte >= pte) {
		pte_t pteval = *_pte;

		page = pte_page(pteval);
		if (!pte_none(pteval) && !PageCompound(page))
			put_page(page);
	}

	list_for_each_entry_safe(page, tmp, compound_pagelist, lru) {
		list_del(&page->lru);
		put_page(page);
	}
}

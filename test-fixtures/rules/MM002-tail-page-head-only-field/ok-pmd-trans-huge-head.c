// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: pmd_page() of a pmd that pmd_trans_huge() accepted is the head of a PMD-mapped THP,
 * as in madvise_cold_or_pageout_pte_range()
 * mmlint-expect: none
 * mmlint-kernel: 6.1
 */
#include <linux/mm.h>
#include <linux/huge_mm.h>

static int cold_huge_pmd(struct vm_area_struct *vma, pmd_t *pmd, struct list_head *page_list)
{
	pmd_t orig_pmd = *pmd;
	struct page *page;

	if (!pmd_trans_huge(orig_pmd))
		return 0;
	page = pmd_page(orig_pmd);
	if (!trylock_page(page))
		return 0;
	if (isolate_lru_page(page)) {
		unlock_page(page);
		return 0;
	}
	list_add(&page->lru, page_list);
	unlock_page(page);
	return 1;
}

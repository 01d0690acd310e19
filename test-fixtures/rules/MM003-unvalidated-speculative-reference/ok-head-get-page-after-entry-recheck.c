// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: 4.6's gup_pte_range() after the THP refcounting fix: the reference is taken on the head, the pte is re-read, and the subpage is stored with its head only asserted (GUP-fast runs with interrupts off: a split cannot complete under it once the entry is unchanged)
 * mmlint-kernel: 4.6
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

static int gup_pte_range(pmd_t pmd, unsigned long addr, unsigned long end,
			 int write, struct page **pages, int *nr)
{
	pte_t *ptep = pte_offset_map(&pmd, addr);

	do {
		pte_t pte = READ_ONCE(*ptep);
		struct page *head, *page;

		if (!pte_present(pte))
			break;
		page = pte_page(pte);
		head = compound_head(page);
		if (!page_cache_get_speculative(head))
			break;
		if (unlikely(pte_val(pte) != pte_val(*ptep))) {
			put_page(head);
			break;
		}
		VM_BUG_ON_PAGE(compound_head(page) != head, page);
		pages[*nr] = page;
		(*nr)++;
	} while (ptep++, addr += PAGE_SIZE, addr != end);
	return 1;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: PUD-level GUP computing the subpage with pointer arithmetic from pud_page()
 */
#include <linux/mm.h>
#include <linux/pgtable.h>

static int gup_huge_pud(pud_t orig, pud_t *pudp, unsigned long addr,
			unsigned long end, unsigned int flags,
			struct page **pages, int *nr)
{
	struct page *page;

	if (!pud_access_permitted(orig, flags & FOLL_WRITE))
		return 0;

	page = pud_page(orig) + ((addr & ~PUD_MASK) >> PAGE_SHIFT); /* expect: MM001 */
	return record_subpages(page, addr, end, pages + *nr);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: pte_page() of a PTE-mapped THP is a tail page; its ->index is not the file offset
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

static pgoff_t pte_file_offset(pte_t *ptep)
{
	pte_t pte = ptep_get(ptep);
	struct page *page;

	if (!pte_present(pte))
		return 0;
	page = pte_page(pte);
	return page->index; /* expect: MM002 */
}


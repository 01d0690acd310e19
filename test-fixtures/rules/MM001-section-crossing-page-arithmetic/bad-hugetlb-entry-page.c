// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the page a hugetlb entry maps, advanced by an offset of unknown range inside the (possibly gigantic) folio
 * mmlint-kernel: 6.1
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n CONFIG_HUGETLB_PAGE=y
 */
#include <linux/mm.h>
#include <linux/hugetlb.h>

struct page *hugepd_subpage(pte_t *ptep, unsigned long sz, unsigned long addr)
{
	pte_t entry = huge_ptep_get(ptep);
	struct page *first;

	if (!pte_present(entry))
		return NULL;
	first = pte_page(entry);
	return first + ((addr & (sz - 1)) >> PAGE_SHIFT); /* expect: MM001 "hugetlb folio" */
}

struct page *hugepte_subpage(pte_t *ptep, unsigned long idx)
{
	return pte_page(huge_ptep_get(ptep)) + idx; /* expect: MM001 "hugetlb folio" */
}

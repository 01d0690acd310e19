// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the page a hugetlb entry maps reached through the pfn; a plain pte's page is one page, not a range
 * mmlint-kernel: 6.1
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n CONFIG_HUGETLB_PAGE=y
 * mmlint-expect: none
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
	return nth_page(first, (addr & (sz - 1)) >> PAGE_SHIFT);
}

struct page *hugepte_first_tail(pte_t *ptep)
{
	return pte_page(huge_ptep_get(ptep)) + 1;
}

struct page *pte_neighbour(pte_t *ptep, unsigned long idx)
{
	pte_t entry = ptep_get(ptep);

	return pte_page(entry) + idx;
}

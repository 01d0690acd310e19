// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: from 5.13 basepage_index() is the hugetlb pages' accessor and PageReserved() of a boot-time
 * huge page's tail agrees with its head: neither is a head-state read of the page given in 6.1
 * mmlint-kernel: 6.1
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

pgoff_t basepage_index(struct page *page);

static pgoff_t pte_key(pte_t *ptep)
{
	pte_t pte = ptep_get(ptep);

	if (!pte_present(pte))
		return 0;
	return basepage_index(pte_page(pte));
}

static bool pfn_is_reserved(unsigned long pfn)
{
	return pfn_valid(pfn) && PageReserved(pfn_to_page(pfn));
}

// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the subpage of a hugetlb mapping found with nth_page() and the offset under huge_page_mask(h)
 * mmlint-kernel: 6.1
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n CONFIG_HUGETLB_PAGE=y
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/hugetlb.h>

struct page *hugetlb_subpage_at(struct hstate *h, pte_t entry, unsigned long address)
{
	return nth_page(pte_page(entry), (address & ~huge_page_mask(h)) >> PAGE_SHIFT);
}

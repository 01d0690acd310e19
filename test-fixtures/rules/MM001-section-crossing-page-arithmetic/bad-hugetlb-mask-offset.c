// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the subpage of a hugetlb mapping found by adding the offset under huge_page_mask(h) to its head
 * mmlint-kernel: 6.1
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n CONFIG_HUGETLB_PAGE=y
 */
#include <linux/mm.h>
#include <linux/hugetlb.h>

struct page *hugetlb_subpage_at(struct hstate *h, pte_t entry, unsigned long address)
{
	struct page *page = pte_page(entry);

	return page + ((address & ~huge_page_mask(h)) >> PAGE_SHIFT); /* expect: MM001 "huge_page_mask" */
}

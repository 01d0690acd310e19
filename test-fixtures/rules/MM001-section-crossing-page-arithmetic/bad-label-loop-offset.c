// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a subpage index inside a hugetlb page, re-entered through a label while it stays below the page's size
 * mmlint-kernel: 6.1
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n CONFIG_HUGETLB_PAGE=y
 */
#include <linux/mm.h>
#include <linux/hugetlb.h>

long collect_subpages(struct hstate *h, struct page *head, unsigned long addr,
		      unsigned long end, struct page **out)
{
	unsigned long idx = (addr & ~huge_page_mask(h)) >> PAGE_SHIFT;
	long n = 0;

next:
	out[n++] = head + idx; /* expect: MM001 "huge_page_mask" */
	addr += PAGE_SIZE;
	idx++;
	if (addr < end && idx < pages_per_huge_page(h))
		goto next;
	return n;
}

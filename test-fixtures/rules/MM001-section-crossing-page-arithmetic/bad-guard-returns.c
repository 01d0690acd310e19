// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: an index checked by 'if (idx >= nr) return' is below nr, which is a hugetlb page's size
 * mmlint-kernel: 6.1
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n CONFIG_HUGETLB_PAGE=y
 */
#include <linux/mm.h>
#include <linux/hugetlb.h>

static struct page *hugetlb_subpage(struct hstate *h, struct page *head, unsigned long idx)
{
	unsigned long nr = pages_per_huge_page(h);

	if (idx >= nr)
		return NULL;
	return head + idx; /* expect: MM001 "pages_per_huge_page" */
}

struct page *hugetlb_nth(struct hstate *h, struct page *head, unsigned long idx)
{
	return hugetlb_subpage(h, head, idx);
}

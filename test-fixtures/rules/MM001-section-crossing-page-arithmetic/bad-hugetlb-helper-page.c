// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a page handed to a hugetlb-only helper lies in a (possibly gigantic) hugetlb folio: stepping it page by page over an unknown count may cross a section
 * mmlint-kernel: 6.6
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n CONFIG_HUGETLB_PAGE=y
 */
#include <linux/mm.h>
#include <linux/hugetlb.h>

unsigned long count_clean_subpages(struct page *page, unsigned long nr)
{
	unsigned long n = 0;

	while (n < nr) {
		if (is_raw_hwpoison_page_in_hugepage(page))
			break;
		n++;
		page++; /* expect: MM001 "is_raw_hwpoison_page_in_hugepage" */
	}
	return n;
}

void zero_tail_range(struct page *page, unsigned long first, unsigned long nr)
{
	struct hstate *h = page_hstate(page);
	unsigned long i;

	if (!hstate_is_gigantic(h))
		return;
	for (i = first; i < nr; i++)
		clear_highpage(page + i); /* expect: MM001 "page_hstate" */
}

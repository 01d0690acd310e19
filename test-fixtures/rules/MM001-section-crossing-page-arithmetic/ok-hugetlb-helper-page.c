// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: pages handed to hugetlb-only helpers stepped with nth_page(); a page no hugetlb helper saw
 * mmlint-kernel: 6.6
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n CONFIG_HUGETLB_PAGE=y
 * mmlint-expect: none
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
		page = nth_page(page, 1);
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
		clear_highpage(nth_page(page, i));
}

void zero_small_range(struct page *page, unsigned long nr)
{
	unsigned long i;

	for (i = 0; i < nr; i++)
		clear_highpage(page + i);
}

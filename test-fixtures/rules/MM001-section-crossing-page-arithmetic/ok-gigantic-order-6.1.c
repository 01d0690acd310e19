// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: before 6.12 prep_compound_page() is given buddy orders only (hugetlb prepares gigantic folios itself), so its 1 << order walk stays in one block
 * mmlint-kernel: 6.1
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n CONFIG_HUGETLB_PAGE=y
 * mmlint-expect: none
 */
#include <linux/mm.h>

void prep_compound_page(struct page *page, unsigned int order)
{
	int i;
	int nr_pages = 1 << order;

	__SetPageHead(page);
	for (i = 1; i < nr_pages; i++) {
		struct page *p = page + i;

		set_page_count(p, 0);
	}
}

// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: from 5.19 total_mapcount() is folio_mapcount(page_folio(page)) and takes any
 * subpage; isolate_huge_page() tests PageHeadHuge() itself since 5.11
 * mmlint-kernel: 5.19
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/hugetlb.h>

static int pte_thp_mapcount(pte_t pte)
{
	struct page *page = pte_page(pte);

	return total_mapcount(page);
}

static bool offline_isolate_hugetlb(unsigned long pfn, struct list_head *list)
{
	struct page *page = pfn_to_page(pfn);

	return PageHuge(page) && isolate_huge_page(page, list);
}

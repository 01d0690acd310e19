// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a hugetlb isolation helper handed a head page found by a pfn walker without a
 * reference asks page_huge_active(), which asserts PageHuge(), before anything tested under
 * hugetlb_lock that the page is still a hugetlb page: freed meanwhile, the assertion fires
 * mmlint-kernel: 5.10
 */
#include <linux/mm.h>
#include <linux/hugetlb.h>

bool hpage_isolate_for_offline(struct page *hpage, struct list_head *list)
{
	bool ok = false;

	spin_lock(&hugetlb_lock);
	if (page_huge_active(hpage) && get_page_unless_zero(hpage)) { /* expect: MM003 "asserts that 'hpage' is a hugetlb page" */
		list_move_tail(&hpage->lru, list);
		ok = true;
	}
	spin_unlock(&hugetlb_lock);
	return ok;
}

static int count_active_in_range(unsigned long start_pfn, unsigned long nr)
{
	unsigned long pfn;
	int active = 0;

	for (pfn = start_pfn; pfn < start_pfn + nr; pfn++) {
		struct page *page = pfn_to_page(pfn);

		if (PageCompound(page)) {
			if (page_huge_active(compound_head(page))) /* expect: MM003 "asserts" */
				active++;
		}
	}
	return active;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: page_huge_active() asked only of pages a hugetlb test found true on the way (under
 * hugetlb_lock), of the head of such a page, and from 5.11 on, where it tests PageHeadHuge() itself
 * mmlint-expect: none
 * mmlint-kernel: 5.10
 */
#include <linux/mm.h>
#include <linux/hugetlb.h>

bool hpage_isolate_for_offline(struct page *hpage, struct list_head *list)
{
	bool ok = false;

	spin_lock(&hugetlb_lock);
	if (PageHuge(hpage) && page_huge_active(hpage) && get_page_unless_zero(hpage)) {
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
		struct page *head;

		if (!PageHuge(page))
			continue;
		head = compound_head(page);
		if (page_huge_active(head))
			active++;
	}
	return active;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * cli golden fixture (from the rule fixtures): a gigantic hugetlb page cleared with page + i, as hugetlb did before nth_page()
 */
#include <linux/mm.h>
#include <linux/hugetlb.h>
#include <linux/highmem.h>

static void clear_gigantic_page(struct page *page, unsigned long addr,
				struct hstate *h)
{
	int i;
	unsigned int pages_per_huge = pages_per_huge_page(h);

	might_sleep();
	for (i = 0; i < pages_per_huge; i++) {
		cond_resched();
		clear_user_highpage(page + i, addr + i * PAGE_SIZE); 
	}
}

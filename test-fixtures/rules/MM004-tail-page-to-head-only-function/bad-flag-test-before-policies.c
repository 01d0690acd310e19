// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: before the page flag policies of 4.5, PageSlab() and set_page_dirty() of a tail
 * page looked at the tail itself: a pfn walker's page and a GUP page must be resolved to the head
 * mmlint-kernel: 4.4
 */
#include <linux/mm.h>

static unsigned long count_slab_pfns(unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long pfn, nr = 0;

	for (pfn = start_pfn; pfn < end_pfn; pfn++) {
		struct page *page;

		if (!pfn_valid(pfn))
			continue;
		page = pfn_to_page(pfn);
		if (PageSlab(page)) /* expect: MM004 "requires a head page" */
			nr++;
	}
	return nr;
}

static void dirty_user_pages(struct task_struct *tsk, struct mm_struct *mm,
			     unsigned long start, int nr)
{
	struct page *pages[8];
	long got, i;

	down_read(&mm->mmap_sem);
	got = get_user_pages(tsk, mm, start, nr, 1, 0, pages, NULL);
	up_read(&mm->mmap_sem);
	for (i = 0; i < got; i++) {
		set_page_dirty_lock(pages[i]); /* expect: MM004 "requires a head page" */
		page_cache_release(pages[i]);
	}
}

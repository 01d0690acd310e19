// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: since 4.6 PageSlab() (PF_NO_TAIL) and set_page_dirty() (page_mapping() of the head,
 * PF_HEAD) resolve the head themselves: the same pfn walker and GUP user are fine
 * mmlint-kernel: 4.6
 * mmlint-expect: none
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
		if (PageSlab(page))
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
	got = get_user_pages_remote(tsk, mm, start, nr, 1, 0, pages, NULL);
	up_read(&mm->mmap_sem);
	for (i = 0; i < got; i++) {
		set_page_dirty_lock(pages[i]);
		put_page(pages[i]);
	}
}

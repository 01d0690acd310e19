// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: before 4.6 page_cache_release() was put_page(): GUP references of the 4.4
 * signatures released with it, or with put_page(), on every path
 * mmlint-kernel: 4.4
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

static long read_user_pages(struct task_struct *tsk, struct mm_struct *mm, unsigned long start,
			    unsigned long nr)
{
	struct page *pages[16];
	long got, i;

	down_read(&mm->mmap_sem);
	got = get_user_pages(tsk, mm, start, nr, 0, 0, pages, NULL);
	up_read(&mm->mmap_sem);
	if (got <= 0)
		return got;
	if (got != nr) {
		for (i = 0; i < got; i++)
			page_cache_release(pages[i]);
		return -EFAULT;
	}
	consume(pages, nr);
	for (i = 0; i < got; i++)
		put_page(pages[i]);
	return got;
}

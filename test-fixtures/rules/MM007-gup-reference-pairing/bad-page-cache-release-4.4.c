// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a 4.4 get_user_pages_locked() user that drops its references with
 * page_cache_release() on one path and forgets them on the short-count path
 * mmlint-kernel: 4.4
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

static long read_user_pages(struct task_struct *tsk, struct mm_struct *mm, unsigned long start,
			    unsigned long nr)
{
	struct page *pages[16];
	int locked = 1;
	long got, i;

	down_read(&mm->mmap_sem);
	got = get_user_pages_locked(tsk, mm, start, nr, 0, 0, pages, &locked);
	if (locked)
		up_read(&mm->mmap_sem);
	if (got <= 0)
		return got;
	if (got != nr)
		return -EFAULT; /* expect: MM007 "leak on this return path" */
	consume(pages, nr);
	for (i = 0; i < got; i++)
		page_cache_release(pages[i]);
	return got;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: get_user_pages_locked() and __get_user_pages_fast() take references like every
 * GUP variant: a short count still holds what was taken
 * mmlint-kernel: 5.4
 */
#include <linux/mm.h>

static int grab_locked(struct mm_struct *mm, unsigned long start, unsigned long nr)
{
	struct page *pages[16];
	int locked = 1;
	long got;

	down_read(&mm->mmap_sem);
	got = get_user_pages_locked(start, nr, FOLL_WRITE, pages, &locked);
	if (locked)
		up_read(&mm->mmap_sem);
	if (got <= 0)
		return got ? got : -EFAULT;
	if (got != nr)
		return -EFAULT; /* expect: MM007 "leak on this return path" */
	consume(pages, nr);
	release_pages(pages, got);
	return 0;
}

static int grab_fast_irq(unsigned long start, int nr)
{
	struct page *pages[16];
	int got = __get_user_pages_fast(start, nr, 1, pages);

	if (got < nr)
		return -EAGAIN; /* expect: MM007 "leak on this return path" */
	consume(pages, nr);
	release_pages(pages, got);
	return 0;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the GUP variants of 5.8 and later (get_user_pages_fast_only(),
 * get_user_pages_locked(), pin_user_pages_locked()) released with the matching call on every path
 * mmlint-kernel: 5.10
 * mmlint-expect: none
 */
#include <linux/mm.h>

static int grab_fast_only(unsigned long start, int nr)
{
	struct page *pages[16];
	int got = get_user_pages_fast_only(start, nr, FOLL_WRITE, pages);

	if (got < nr) {
		if (got > 0)
			release_pages(pages, got);
		return -EAGAIN;
	}
	consume(pages, nr);
	release_pages(pages, got);
	return 0;
}

static int grab_locked(struct mm_struct *mm, unsigned long start, unsigned long nr)
{
	struct page *pages[16];
	int locked = 1;
	long got, i;

	mmap_read_lock(mm);
	got = get_user_pages_locked(start, nr, FOLL_WRITE, pages, &locked);
	if (locked)
		mmap_read_unlock(mm);
	if (got <= 0)
		return got ? got : -EFAULT;
	for (i = 0; i < got; i++)
		put_page(pages[i]);
	return 0;
}

static int pin_locked(struct mm_struct *mm, unsigned long start, unsigned long nr)
{
	struct page *pages[16];
	int locked = 1;
	long got;

	mmap_read_lock(mm);
	got = pin_user_pages_locked(start, nr, FOLL_WRITE, pages, &locked);
	if (locked)
		mmap_read_unlock(mm);
	if (got <= 0)
		return got ? got : -EFAULT;
	if (got != nr) {
		unpin_user_pages(pages, got);
		return -EFAULT;
	}
	consume(pages, nr);
	unpin_user_pages_dirty_lock(pages, got, true);
	return 0;
}

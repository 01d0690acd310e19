// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: pages from the internal GUP call released as the gup_flags that filled them say
 * mmlint-kernel: 6.1
 * mmlint-expect: none
 */
#include <linux/mm.h>

/* the post-fix shape of 96e1fac162cc: the release tests FOLL_PIN */
static long longterm_locked(struct mm_struct *mm, unsigned long start, unsigned long nr_pages,
			    struct page **pages, struct vm_area_struct **vmas, unsigned int gup_flags)
{
	long rc, i;

	rc = __get_user_pages_locked(mm, start, nr_pages, pages, vmas, NULL, gup_flags);
	if (rc <= 0)
		return rc;
	if (refuse_vmas(vmas, rc)) {
		if (gup_flags & FOLL_PIN)
			unpin_user_pages(pages, rc);
		else
			for (i = 0; i < rc; i++)
				put_page(pages[i]);
		return -EOPNOTSUPP;
	}
	return rc;
}

/* tested the other way round, ahead of the refusal */
static long longterm_not_pin(struct mm_struct *mm, unsigned long start, unsigned long nr_pages,
			     struct page **pages, struct vm_area_struct **vmas, unsigned int gup_flags)
{
	long rc, i;

	rc = __gup_longterm_locked(mm, start, nr_pages, pages, vmas, gup_flags);
	if (rc <= 0)
		return rc;
	if (!(gup_flags & FOLL_PIN)) {
		if (refuse_vmas(vmas, rc)) {
			for (i = 0; i < rc; i++)
				put_page(pages[i]);
			return -EOPNOTSUPP;
		}
		return rc;
	}
	if (refuse_vmas(vmas, rc)) {
		unpin_user_pages(pages, rc);
		return -EOPNOTSUPP;
	}
	return rc;
}

/* the flags are written at the call: the kind is known */
static long pin_one(struct mm_struct *mm, unsigned long addr, struct page **pages)
{
	long rc;

	rc = __get_user_pages_locked(mm, addr, 1, pages, NULL, NULL, FOLL_PIN | FOLL_WRITE);
	if (rc == 1 && refuse_page(pages[0])) {
		unpin_user_page(pages[0]);
		return -EFAULT;
	}
	return rc;
}

/* FOLL_GET written at the call, with a flags variable beside it: still no FOLL_PIN there */
static long get_one(struct mm_struct *mm, unsigned long addr, struct page **pages)
{
	long rc;

	rc = __get_user_pages_locked(mm, addr, 1, pages, NULL, NULL, FOLL_GET | FOLL_WRITE);
	if (rc == 1 && refuse_page(pages[0])) {
		put_page(pages[0]);
		return -EFAULT;
	}
	return rc;
}

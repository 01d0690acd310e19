// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: pages from the internal GUP call, pinned or referenced as the caller's gup_flags say, released one way only
 * mmlint-kernel: 6.1
 */
#include <linux/mm.h>

/* a longterm wrapper that refuses some mappings after taking the pages */
static long longterm_locked(struct mm_struct *mm, unsigned long start, unsigned long nr_pages,
			    struct page **pages, struct vm_area_struct **vmas, unsigned int gup_flags)
{
	long rc, i;

	rc = __get_user_pages_locked(mm, start, nr_pages, pages, vmas, NULL, gup_flags);
	if (rc <= 0)
		return rc;
	if (refuse_vmas(vmas, rc)) {
		for (i = 0; i < rc; i++)
			put_page(pages[i]); /* expect: MM007 "has FOLL_PIN set" */
		return -EOPNOTSUPP;
	}
	return rc;
}

/* the same with the unpin half only: wrong for the get_user_pages() callers */
static long longterm_unpin(struct mm_struct *mm, unsigned long start, unsigned long nr_pages,
			   struct page **pages, struct vm_area_struct **vmas, unsigned int gup_flags)
{
	long rc;

	rc = __gup_longterm_locked(mm, start, nr_pages, pages, vmas, gup_flags | FOLL_LONGTERM);
	if (rc > 0 && refuse_vmas(vmas, rc)) {
		unpin_user_pages(pages, rc); /* expect: MM007 "released with unpin_user_pages()" */
		return -EOPNOTSUPP;
	}
	return rc;
}

/* the flag is tested, but the variable was changed in between: the test says nothing of the call */
static long longterm_retested(struct mm_struct *mm, unsigned long start, unsigned long nr_pages,
			      struct page **pages, struct vm_area_struct **vmas, unsigned int gup_flags)
{
	long rc;

	rc = __get_user_pages_locked(mm, start, nr_pages, pages, vmas, NULL, gup_flags);
	if (rc <= 0)
		return rc;
	gup_flags = next_flags(gup_flags);
	if (gup_flags & FOLL_PIN)
		unpin_user_pages(pages, rc); /* expect: MM007 "on a path that does not test it" */
	return 0;
}

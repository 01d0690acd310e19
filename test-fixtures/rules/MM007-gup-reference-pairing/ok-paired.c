// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: GUP references released with the matching call on every path
 * mmlint-expect: none
 */
#include <linux/mm.h>

static int pin_exact(unsigned long uaddr, int nr)
{
	struct page *pages[16];
	int ret;

	ret = pin_user_pages_fast(uaddr, nr, FOLL_WRITE, pages);
	if (ret < 0)
		return ret;
	if (ret != nr) {
		unpin_user_pages(pages, ret);
		return -EFAULT;
	}
	consume(pages, nr);
	unpin_user_pages_dirty_lock(pages, ret, true);
	return 0;
}

static int single_page(unsigned long addr)
{
	struct page *page;

	if (get_user_pages_fast(addr, 1, 0, &page) != 1)
		return -EFAULT;
	put_page(page);
	return 0;
}

static long get_and_put(struct mm_struct *mm, unsigned long start, unsigned long nr)
{
	struct page *pages[8];
	long got, i;

	got = get_user_pages(start, nr, 0, pages);
	if (got <= 0)
		return got;
	for (i = 0; i < got; i++)
		put_page(pages[i]);
	return got;
}

/* the pages are handed over to the caller's table: not a leak here */
static int pin_into_table(struct sg_table *sgt, unsigned long uaddr, int nr, struct page **pages)
{
	int ret = pin_user_pages_fast(uaddr, nr, FOLL_WRITE, pages);

	if (ret < 0)
		return ret;
	return sg_alloc_table_from_pages(sgt, pages, ret, 0, ret * PAGE_SIZE, GFP_KERNEL);
}

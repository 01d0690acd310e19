// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a short pin returns an error without unpinning what was pinned
 */
#include <linux/mm.h>

static int pin_exact(unsigned long uaddr, int nr)
{
	struct page *pages[16];
	int ret;

	ret = pin_user_pages_fast(uaddr, nr, FOLL_WRITE, pages);
	if (ret < 0)
		return ret;
	if (ret != nr)
		return -EFAULT; /* expect: MM007 "leak on this return path" */
	consume(pages, nr);
	unpin_user_pages(pages, ret);
	return 0;
}

static int release_when_none(unsigned long uaddr)
{
	struct page *pages[4];
	int ret;

	ret = get_user_pages_fast(uaddr, 4, 0, pages);
	if (ret <= 0) {
		put_page(pages[0]); /* expect: MM007 "took no references" */
		return -EFAULT;
	}
	release_pages(pages, ret);
	return 0;
}

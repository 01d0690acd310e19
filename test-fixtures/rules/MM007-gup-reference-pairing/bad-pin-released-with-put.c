// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: pages pinned with FOLL_PIN are dropped with put_page()
 */
#include <linux/mm.h>

static int dma_map_user(unsigned long uaddr, int nr)
{
	struct page *pages[16];
	int i, ret;

	ret = pin_user_pages_fast(uaddr, nr, FOLL_WRITE | FOLL_LONGTERM, pages);
	if (ret <= 0)
		return ret ? ret : -EFAULT;
	do_dma(pages, ret);
	for (i = 0; i < ret; i++)
		put_page(pages[i]); /* expect: MM007 "released with put_page()" */
	return 0;
}

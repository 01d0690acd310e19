// SPDX-License-Identifier: GPL-2.0
/*
 * mm/page_check.c - mmlint review fixture: a helper and its GUP caller
 */
#include <linux/mm.h>

static bool page_is_file(struct page *page)
{
	return page_folio(page)->mapping != NULL;
}

int user_page_check(unsigned long addr)
{
	struct page *page;
	int ret;

	if (get_user_pages_fast(addr, 1, FOLL_WRITE, &page) != 1)
		return -EFAULT;
	ret = page_is_file(page);
	put_page(page);
	return ret;
}

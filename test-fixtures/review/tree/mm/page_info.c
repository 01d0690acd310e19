// SPDX-License-Identifier: GPL-2.0
/*
 * mm/page_info.c - mmlint review fixture: what a user address maps
 */
#include <linux/mm.h>

static int user_page_is_file_backed(unsigned long addr)
{
	struct page *page;
	struct address_space *mapping;
	int ret;

	ret = get_user_pages_fast(addr, 1, FOLL_WRITE, &page);
	if (ret != 1)
		return -EFAULT;

	mapping = page_folio(page)->mapping;
	put_page(page);
	return mapping && !((unsigned long)mapping & PAGE_MAPPING_ANON);
}

int page_info_file_backed(unsigned long addr)
{
	return user_page_is_file_backed(addr);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a page from get_user_pages_fast() may be a tail of a THP: ->mapping is head-only
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

static int user_page_is_file_backed(unsigned long addr)
{
	struct page *page;
	struct address_space *mapping;
	int ret;

	ret = get_user_pages_fast(addr, 1, FOLL_WRITE, &page);
	if (ret != 1)
		return -EFAULT;

	mapping = page->mapping; /* expect: MM002 "read through a page that may be a tail" */
	put_page(page);
	return mapping && !((unsigned long)mapping & PAGE_MAPPING_ANON);
}

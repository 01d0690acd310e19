// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a page taken with get_user_pages() in a loop is released before every if (!ok) goto out
 * to an exit path that never names it. The fragment names types and functions it does not define.
 * mmlint-kernel: 2.6.21
 * mmlint-expect: none
 */
#include <linux/mm.h>

static int dump_user_range(struct file *file, unsigned long start, unsigned long end)
{
	unsigned long addr;

	for (addr = start; addr < end; addr += PAGE_SIZE) {
		struct page *page;
		struct vm_area_struct *vma;

		if (get_user_pages(current, current->mm, addr, 1, 0, 1, &page, &vma) <= 0)
			continue;
		if (page == ZERO_PAGE(addr)) {
			if (!dump_skip(file, PAGE_SIZE)) {
				page_cache_release(page);
				goto out;
			}
		} else if (!dump_page(file, page)) {
			page_cache_release(page);
			goto out;
		}
		page_cache_release(page);
	}
	return 1;
out:
	return 0;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a helper that asserts !PageTail() and one that reads ->mapping, both given a GUP page: the
 * assertion is the caller's to keep (reported at the call), the static helper's read is judged where it reads
 */
#include <linux/mm.h>
#include <linux/mmdebug.h>

static void move_anon_page(struct page *page, struct vm_area_struct *vma)
{
	VM_BUG_ON_PAGE(PageTail(page), page);
	set_anon_vma(page, vma);
}

static bool page_is_shmem(struct page *page)
{
	return page->mapping && shmem_mapping(page->mapping); /* expect: MM002 "passed as page to page_is_shmem() by pin_and_move()", MM002 "by pin_and_move()" */
}

static int pin_and_move(unsigned long addr, struct vm_area_struct *vma)
{
	struct page *page;

	if (get_user_pages_fast(addr, 1, FOLL_WRITE, &page) != 1)
		return -EFAULT;
	if (page_is_shmem(page)) {
		put_page(page);
		return -EINVAL;
	}
	move_anon_page(page, vma); /* expect: MM004 "asserts it is not a tail" */
	put_page(page);
	return 0;
}

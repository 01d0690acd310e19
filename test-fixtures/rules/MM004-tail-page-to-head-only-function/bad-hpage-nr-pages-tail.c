// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: before 5.9 hpage_nr_pages() is PageTransHuge() ? HPAGE_PMD_NR : 1, and
 * PageTransHuge() asserts its page is no tail: counting a PTE-mapped page by it wants the head
 * mmlint-kernel: 5.4
 */
#include <linux/mm.h>

static int count_mapped(struct vm_area_struct *vma, unsigned long addr, pte_t pte)
{
	struct page *page = vm_normal_page(vma, addr, pte);

	if (!page)
		return 0;
	return hpage_nr_pages(page); /* expect: MM004 "requires a head page" */
}

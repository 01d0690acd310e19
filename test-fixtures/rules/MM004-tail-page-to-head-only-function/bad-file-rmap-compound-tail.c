// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the twin of page_remove_file_rmap()'s callers (Linux 6.1 mm/rmap.c): passing compound true with a page that may be a tail reaches the head-only PageTransHuge()/thp_nr_pages(), directly or through a function that passes the mode on
 * mmlint-kernel: 6.1
 */
#include <linux/mm.h>

static void page_remove_file_rmap(struct page *page, bool compound)
{
	int nr = 0;

	if (compound && PageTransHuge(page))
		nr = thp_nr_pages(page);
	else if (atomic_add_negative(-1, &page->_mapcount))
		nr++;
}

static void remove_file_rmap(struct page *page, struct vm_area_struct *vma, bool compound)
{
	page_remove_file_rmap(page, compound);
}

static void zap_file_pmd_wrongly(struct vm_area_struct *vma, unsigned long addr, pte_t pte)
{
	struct page *page = vm_normal_page(vma, addr, pte);

	if (!page)
		return;
	remove_file_rmap(page, vma, true); /* expect: MM004 "requires a head page" */
	page_remove_file_rmap(page, true); /* expect: MM004 "requires a head page" */
}

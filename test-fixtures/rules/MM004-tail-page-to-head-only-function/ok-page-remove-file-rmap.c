// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a head-only use learned from a body under 'if (compound && ...)' binds callers only when they pass compound true (Linux 6.1 mm/rmap.c page_remove_file_rmap(), called through page_remove_rmap(page, vma, compound))
 * mmlint-kernel: 6.1
 * mmlint-expect: none
 */
#include <linux/mm.h>

static void page_remove_file_rmap(struct page *page, bool compound)
{
	int i, nr = 0;

	/* Hugepages are not counted in NR_FILE_MAPPED for now. */
	if (unlikely(PageHuge(page)))
		return;

	/* page still mapped by someone else? */
	if (compound && PageTransHuge(page)) {
		int nr_pages = thp_nr_pages(page);

		for (i = 0; i < nr_pages; i++) {
			if (atomic_add_negative(-1, &page[i]._mapcount))
				nr++;
		}
	} else {
		if (atomic_add_negative(-1, &page->_mapcount))
			nr++;
	}
}

/* the shape of page_remove_rmap(): the mode is passed on */
static void remove_file_rmap(struct page *page, struct vm_area_struct *vma, bool compound)
{
	page_remove_file_rmap(page, compound);
}

static void zap_file_pte(struct vm_area_struct *vma, unsigned long addr, pte_t pte)
{
	struct page *page = vm_normal_page(vma, addr, pte);

	if (!page)
		return;
	remove_file_rmap(page, vma, false);
	page_remove_file_rmap(page, false);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: page_ext entries walked with page_ext_next() over a count no buddy order bounds, or over a PUD; page_ext arrays are per section even with VMEMMAP
 * mmlint-kernel: 6.12
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=y CONFIG_PAGE_EXTENSION=y
 */
#include <linux/mm.h>
#include <linux/page_ext.h>

void mark_pfn_range_idle(unsigned long pfn, unsigned long nr)
{
	struct page *page = pfn_to_page(pfn);
	struct page_ext *page_ext = page_ext_get(page);
	unsigned long i;

	if (!page_ext)
		return;
	for (i = 0; i < nr; i++) {
		__set_bit(PAGE_EXT_IDLE, &page_ext->flags);
		page_ext = page_ext_next(page_ext); /* expect: MM001 "page_ext_next" */
	}
	page_ext_put(page_ext);
}

void clear_pud_range_idle(struct page *page)
{
	struct page_ext *page_ext = page_ext_get(page);
	unsigned long i;

	if (!page_ext)
		return;
	for (i = 0; i < (PUD_SIZE >> PAGE_SHIFT); i++) {
		__clear_bit(PAGE_EXT_IDLE, &page_ext->flags);
		page_ext = page_ext_next(page_ext); /* expect: MM001 "PUD_SIZE" */
	}
	page_ext_put(page_ext);
}

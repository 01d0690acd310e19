// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a page the function hands to __free_pages(page, order) or __free_pages_core() is one buddy block of that order: walking it up to compound_nr(page) never crosses a section, before the free as after it (6.1 free_pages_prepare() callers, __free_pages_core())
 * mmlint-kernel: 6.1
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/highmem.h>

void release_zeroed(struct page *page, unsigned int order)
{
	unsigned long i;

	for (i = 0; i < compound_nr(page); i++)
		clear_highpage(page + i);
	__free_pages(page, order);
}

void release_found(unsigned long pfn, unsigned int order)
{
	struct page *page = pfn_to_page(pfn);
	unsigned long i;

	for (i = 0; i < compound_nr(page); i++)
		ClearPageReserved(page + i);
	__free_pages_core(page, order);
}

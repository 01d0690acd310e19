// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a byte length converted to pages walked through the pfn, or bounded by a buddy allocation or a mask
 * mmlint-kernel: 6.6
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/highmem.h>

void zero_buffer_pages(struct page *first, size_t len)
{
	unsigned long i;

	for (i = 0; i < len / PAGE_SIZE; i++)
		clear_highpage(nth_page(first, i));
}

struct page *alloc_zeroed(gfp_t gfp, unsigned int order, size_t len)
{
	struct page *page = alloc_pages(gfp, order);
	unsigned long i;

	if (!page)
		return NULL;
	for (i = 0; i < len >> PAGE_SHIFT; i++)
		clear_highpage(page + i);
	return page;
}

void zero_pmd_tail(struct page *head, unsigned long addr)
{
	unsigned long i;

	for (i = 0; i < (addr & ~PMD_MASK) >> PAGE_SHIFT; i++)
		clear_highpage(head + i);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: page + i for i below a byte length nothing bounds, converted to pages: the buffer may be a gigantic folio or a CMA area
 * mmlint-kernel: 6.6
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 */
#include <linux/mm.h>
#include <linux/highmem.h>

void zero_buffer_pages(struct page *first, size_t len)
{
	unsigned long i;

	for (i = 0; i < len / PAGE_SIZE; i++)
		clear_highpage(first + i); /* expect: MM001 "len / PAGE_SIZE" */
}

static void flush_pages(struct page *start, unsigned long count)
{
	unsigned long n;

	for (n = 0; n < count; n++)
		flush_dcache_page(start + n); /* expect: MM001 "bytes >> PAGE_SHIFT" */
}

void flush_buffer(struct page *start, size_t bytes)
{
	flush_pages(start, bytes >> PAGE_SHIFT);
}

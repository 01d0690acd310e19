// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a page advanced by a byte offset converted to pages, the offset bounded by nothing: the page starts a buffer of any length, which may cross a section
 * mmlint-kernel: 6.6
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 */
#include <linux/mm.h>

struct page *buffer_page_at(struct page *first, size_t pos)
{
	return first + (pos >> PAGE_SHIFT); /* expect: MM001 "byte offset" */
}

void buffer_seek(struct page **page, unsigned int *poff, unsigned int len)
{
	*poff += len;
	*page += *poff / PAGE_SIZE; /* expect: MM001 "byte offset" */
	*poff %= PAGE_SIZE;
}

void *buffer_map_at(struct page *page, size_t offset)
{
	page += offset / PAGE_SIZE; /* expect: MM001 "byte offset" */
	return kmap_local_page(page) + offset % PAGE_SIZE;
}

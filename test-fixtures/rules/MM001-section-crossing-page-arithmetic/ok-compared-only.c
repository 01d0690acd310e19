// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: page + n computed only to be compared with another page pointer: a contiguity test that refuses to merge when the struct pages are not adjacent
 * mmlint-kernel: 6.6
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 * mmlint-expect: none
 */
#include <linux/mm.h>

struct chunk {
	struct page *first;
	unsigned int start;
	unsigned int bytes;
};

/* may the bytes at 'off' in 'page' extend the chunk? only if their struct page follows the chunk's */
bool chunk_can_extend(struct chunk *c, struct page *page, unsigned int off)
{
	unsigned int end = c->start + c->bytes;

	if (page_to_pfn(page) + off / PAGE_SIZE != page_to_pfn(c->first) + end / PAGE_SIZE)
		return false;
	if (nth_page(c->first, end / PAGE_SIZE) != (page + off / PAGE_SIZE))
		return false;
	return true;
}

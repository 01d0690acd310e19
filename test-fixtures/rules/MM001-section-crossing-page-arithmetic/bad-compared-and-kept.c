// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: page + n compared with another page pointer and also kept: the pointer that may have left its section is used after the test
 * mmlint-kernel: 6.6
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 */
#include <linux/mm.h>

struct chunk {
	struct page *first;
	unsigned int start;
	unsigned int bytes;
};

/* the page the chunk would extend into, or NULL when 'page' is not it */
struct page *chunk_next_page(struct chunk *c, struct page *page, unsigned int off)
{
	unsigned int end = c->start + c->bytes;
	struct page *next = page + off / PAGE_SIZE; /* expect: MM001 "byte offset" */

	if (nth_page(c->first, end / PAGE_SIZE) != next)
		return NULL;
	return next;
}

/* the test itself is the use: the pointer is handed on */
bool chunk_extends(struct chunk *c, struct page *page, unsigned int off)
{
	return chunk_next_page(c, page, off) != NULL &&
	       PageUptodate(page + off / PAGE_SIZE); /* expect: MM001 "byte offset" */
}

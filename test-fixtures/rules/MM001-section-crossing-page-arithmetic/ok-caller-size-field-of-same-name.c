// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a helper whose callers pass PUD_SIZE as 'size' masks its index with a field also named size (one buddy block's worth), not with the parameter
 * mmlint-kernel: 6.12
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/pgtable.h>

struct chunk_geometry {
	unsigned long size;	/* at most PAGE_SIZE << MAX_ORDER */
};

static int fill_chunk_pages(struct page *page, const struct chunk_geometry *geo,
			    unsigned long size, unsigned long start, int nr,
			    struct page **out)
{
	struct page *first;
	int n;

	first = nth_page(page, (start & (geo->size - 1)) >> PAGE_SHIFT);
	for (n = 0; n < nr && start + n * PAGE_SIZE < size; n++)
		out[n] = first + n;
	return n;
}

int fill_chunk(struct page *page, const struct chunk_geometry *geo,
	       unsigned long start, int nr, struct page **out)
{
	return fill_chunk_pages(page, geo, PUD_SIZE, start, nr, out);
}

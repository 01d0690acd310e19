// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the pages of one scatterlist entry reached through the pfn (nth_page()), or only its first page
 * mmlint-kernel: 6.6
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/scatterlist.h>
#include <linux/highmem.h>

static struct page *sg_entry_page_at(struct scatterlist *sg, unsigned int pos)
{
	return nth_page(sg_page(sg), (sg->offset + pos) >> PAGE_SHIFT);
}

static void sg_entry_zero(struct scatterlist *sg)
{
	struct page *first = sg_page(sg);
	unsigned int off = sg->offset;
	unsigned int n, i;

	n = (offset_in_page(off) + sg->length + PAGE_SIZE - 1) >> PAGE_SHIFT;
	for (i = 0; i < n; i++)
		clear_highpage(nth_page(first, (off >> PAGE_SHIFT) + i));
}

/* one-page entries only: the entry's first page is all there is */
static void *sg_entry_map_first(struct scatterlist *sg)
{
	return kmap_local_page(sg_page(sg)) + sg->offset;
}

void sg_zero_table(struct scatterlist *sgl, unsigned int nents)
{
	struct scatterlist *sg;
	unsigned int i;

	for_each_sg(sgl, sg, nents, i) {
		if (sg_entry_page_at(sg, 0) && sg_entry_map_first(sg))
			sg_entry_zero(sg);
	}
}

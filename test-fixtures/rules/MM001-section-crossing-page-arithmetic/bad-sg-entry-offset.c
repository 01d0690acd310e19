// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the pages of one scatterlist entry reached with sg_page(sg) + (offset >> PAGE_SHIFT) or page++
 * mmlint-kernel: 6.6
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 */
#include <linux/mm.h>
#include <linux/scatterlist.h>
#include <linux/highmem.h>

/* the page holding byte 'pos' of one entry */
static struct page *sg_entry_page_at(struct scatterlist *sg, unsigned int pos)
{
	return sg_page(sg) + ((sg->offset + pos) >> PAGE_SHIFT); /* expect: MM001 "sg_page" */
}

/* zero the bytes of one entry, page by page */
static void sg_entry_zero(struct scatterlist *sg)
{
	struct page *first = sg_page(sg);
	struct page *p, *last;
	unsigned int off = sg->offset;

	p = first + (off >> PAGE_SHIFT); /* expect: MM001 "sg_page" */
	last = first + ((off + sg->length - 1) >> PAGE_SHIFT); /* expect: MM001 "sg_page" */
	for (; p <= last; p++) /* expect: MM001 "sg_page" */
		clear_highpage(p);
}

void sg_zero_table(struct scatterlist *sgl, unsigned int nents)
{
	struct scatterlist *sg;
	unsigned int i;

	for_each_sg(sgl, sg, nents, i) {
		if (sg_entry_page_at(sg, 0))
			sg_entry_zero(sg);
	}
}

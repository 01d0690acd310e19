// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: pages of one buddy allocation or one slab walked up to compound_nr(): a MAX_ORDER block never crosses a section
 * mmlint-kernel: 6.1
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/gfp.h>
#include "slab.h"

struct page *alloc_tagged(gfp_t gfp, unsigned int order)
{
	struct page *page = alloc_pages(gfp | __GFP_COMP, order);
	unsigned long i;

	if (!page)
		return NULL;
	for (i = 0; i < compound_nr(page); i++)
		set_page_private(page + i, i);
	return page;
}

void slab_reset_tags(struct slab *slab)
{
	struct page *page = slab_page(slab);
	unsigned long i;

	for (i = 0; i < compound_nr(page); i++)
		page_kasan_tag_reset(page + i);
}

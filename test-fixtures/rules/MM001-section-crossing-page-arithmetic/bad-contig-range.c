// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a CMA allocation spans sections; walking it with page + i goes wrong without VMEMMAP
 * mmlint-kernel: 6.1
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n CONFIG_CMA=y
 */
#include <linux/mm.h>
#include <linux/cma.h>

struct page *carveout_alloc(struct cma *area, unsigned long count, unsigned long tag)
{
	struct page *page = cma_alloc(area, count, 0, false);
	unsigned long n;

	if (!page)
		return NULL;
	for (n = 0; n < tag; n++)
		set_page_private(page + n, tag); /* expect: MM001 "cma_alloc" */
	return page;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a folio of one buddy block (__folio_alloc() of a buddy order), allocated directly or handed back by a static helper through a pointer parameter, walked with page++ for as many pages as another folio has
 * mmlint-kernel: 6.6
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/highmem.h>

static int alloc_target(struct folio **foliop, int node)
{
	struct folio *folio;

	folio = __folio_alloc(GFP_KERNEL, HPAGE_PMD_ORDER, node, NULL);
	if (!folio) {
		*foliop = NULL;
		return -ENOMEM;
	}
	*foliop = folio;
	return 0;
}

int copy_into_new(struct folio *src, int node)
{
	struct folio *target;
	struct page *dst;
	int i, nr = folio_nr_pages(src);

	if (alloc_target(&target, node))
		return -ENOMEM;
	dst = folio_page(target, 0);
	for (i = 0; i < nr; i++) {
		copy_highpage(dst, folio_page(src, i));
		dst++;
	}
	return 0;
}

int copy_into_local(struct folio *src, int node)
{
	struct folio *target = folio_alloc(GFP_KERNEL, HPAGE_PMD_ORDER);
	struct page *dst;
	int i, nr = folio_nr_pages(src);

	if (!target)
		return -ENOMEM;
	dst = folio_page(target, 0);
	for (i = 0; i < nr; i++)
		copy_highpage(dst++, folio_page(src, i));
	return 0;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a folio handed back through a pointer parameter by a helper that may store one of unknown size (a looked-up folio, a contiguous range), walked with page++ for as many pages as another folio has
 * mmlint-kernel: 6.6
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 */
#include <linux/mm.h>
#include <linux/highmem.h>

static int find_target(struct folio **foliop, struct page *hint, int node)
{
	struct folio *folio;

	if (hint) {
		*foliop = page_folio(hint);
		return 0;
	}
	folio = __folio_alloc(GFP_KERNEL, HPAGE_PMD_ORDER, node, NULL);
	if (!folio)
		return -ENOMEM;
	*foliop = folio;
	return 0;
}

int copy_into(struct folio *src, struct page *hint, int node)
{
	struct folio *target;
	struct page *dst;
	int i, nr = folio_nr_pages(src);

	if (find_target(&target, hint, node))
		return -ENOMEM;
	dst = folio_page(target, 0);
	for (i = 0; i < nr; i++) {
		copy_highpage(dst, folio_page(src, i));
		dst++; /* expect: MM001 "folio_nr_pages(src)" */
	}
	return 0;
}

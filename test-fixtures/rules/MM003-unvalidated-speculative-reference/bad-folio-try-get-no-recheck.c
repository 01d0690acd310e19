// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: folio_try_get() on page_folio(page) returned without re-checking page_folio(page) == folio
 */
#include <linux/mm.h>

static struct folio *pfn_get_folio(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);
	struct folio *folio = page_folio(page);

	if (!folio_try_get(folio)) /* expect: MM003 "returned before it is validated: missing compound_head(page) == folio" */
		return NULL;
	return folio;
}

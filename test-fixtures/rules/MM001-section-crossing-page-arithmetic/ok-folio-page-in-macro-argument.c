// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: folio_page() inside the argument of another macro (page_private()) is still
 * folio_page() as written, not the page + i its SPARSEMEM_VMEMMAP expansion becomes (6.1
 * mm/migrate.c folio_migrate_mapping()); the macros below are include/linux/mm.h's under VMEMMAP
 * mmlint-expect: none
 */
#include <linux/mm.h>

#undef nth_page
#undef folio_page
#undef page_private
#define nth_page(page, n)	((page) + (n))
#define folio_page(folio, n)	nth_page(&(folio)->page, n)
#define page_private(page)	((page)->private)

static void copy_private(struct folio *newfolio, struct folio *folio)
{
	long i, nr = folio_nr_pages(folio);

	for (i = 1; i < nr; i++)
		set_page_private(folio_page(newfolio, i), page_private(folio_page(folio, i)));
}

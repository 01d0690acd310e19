// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: head-only fields read through compound_head(), the folio, or after PageTail() is excluded
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

static pgoff_t pte_file_offset(pte_t *ptep)
{
	pte_t pte = ptep_get(ptep);
	struct page *page, *head;

	page = pte_page(pte);
	head = compound_head(page);
	return head->index;
}

static struct address_space *pfn_mapping(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);
	struct folio *folio = page_folio(page);

	return folio->mapping;
}

static struct address_space *small_page_mapping(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	if (PageTail(page))
		return NULL;
	return page->mapping;
}

static unsigned long pfn_flags(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	/* flags are per page: fine on a tail */
	return page->flags;
}

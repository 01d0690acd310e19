// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: head-only fields read in assertion conditions through the head or the folio, and a page a PageHead() test proved to be a head
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

static void assert_pte_head_in_mapping(pte_t pte, struct address_space *mapping)
{
	struct page *page = pte_page(pte);
	struct page *head = compound_head(page);

	VM_BUG_ON_PAGE(head->mapping != mapping, page);
}

static void assert_folio_index(struct folio *folio, pgoff_t index)
{
	VM_BUG_ON_FOLIO(folio->index != index, folio);
}

static int pfn_head_index_matches(unsigned long pfn, pgoff_t index)
{
	struct page *page = pfn_to_page(pfn);

	if (!PageHead(page))
		return 0;
	if (WARN_ON_ONCE(page->index != index))
		return -EINVAL;
	return 0;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: ->mapping compared with NULL, or kept in a variable, is no keyhole: a tail's non-NULL word passes a NULL test, and a kept value may be used for anything
 */
#include <linux/mm.h>

static bool pte_has_mapping(pte_t pte)
{
	struct page *page = pte_page(pte);

	return page->mapping != NULL; /* expect: MM002 */
}

static struct address_space *pte_mapping_if(pte_t pte, struct address_space *mine)
{
	struct page *page = pte_page(pte);
	struct address_space *mapping = page->mapping; /* expect: MM002 */

	return mapping == mine ? mapping : NULL;
}

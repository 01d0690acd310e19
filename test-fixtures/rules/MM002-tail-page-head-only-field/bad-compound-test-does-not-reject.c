// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a compound test in the same condition that does not reject every tail does not make a tail's ->mapping read harmless
 */
#include <linux/mm.h>

static bool skip_unmapped(pte_t pte)
{
	struct page *page = pte_page(pte);

	/* a tail with a non-NULL word in ->mapping goes on as if it had a mapping */
	if (!page->mapping && PageCompound(page)) /* expect: MM002 */
		return true;
	return false;
}

static bool skip_unmapped_dirty(pte_t pte)
{
	struct page *page = pte_page(pte);

	if (!page->mapping || PageDirty(page)) /* expect: MM002 */
		return true;
	return false;
}

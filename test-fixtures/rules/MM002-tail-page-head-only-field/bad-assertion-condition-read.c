// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a head-only field read in the condition of VM_BUG_ON_PAGE() or WARN_ON_ONCE() is a read like any other: on a tail it reads the tail's overlaid word, and the check trips (or stays silent) for the wrong reason
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

static void assert_pte_page_in_mapping(pte_t pte, struct address_space *mapping)
{
	struct page *page = pte_page(pte);

	VM_BUG_ON_PAGE(page->mapping != mapping, page); /* expect: MM002 "may be a tail" */
}

static void assert_pfn_page_index(unsigned long pfn, pgoff_t index)
{
	struct page *page = pfn_to_page(pfn);

	VM_BUG_ON(page->index != index); /* expect: MM002 "may be a tail" */
}

static int pfn_page_index_matches(unsigned long pfn, pgoff_t index)
{
	struct page *page = pfn_to_page(pfn);

	if (WARN_ON_ONCE(page->index != index)) /* expect: MM002 "may be a tail" */
		return -EINVAL;
	return 0;
}

/* the condition also names a function the model knows: the macro is judged as written */
static bool pfn_page_lost_mapping(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	return WARN_ON(page_to_pfn(page) != pfn || !page->mapping); /* expect: MM002 "may be a tail" */
}

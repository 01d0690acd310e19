// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: ->mapping read only to compare it with an object pointer (a tagged node, the driver's own address_space): a tail's word there is compound metadata or TAIL_MAPPING, never such a pointer, so no tail passes; where it passes the page is not a tail
 * mmlint-expect: none
 */
#include <linux/mm.h>

struct tracker_node {
	unsigned long pfn;
};

#define TRACKER_MAPPING_TAG	0x3

static struct page *tracked_page(struct tracker_node *node)
{
	void *key = (void *)((unsigned long)node | TRACKER_MAPPING_TAG);
	struct page *page = pfn_to_page(READ_ONCE(node->pfn));

	if (READ_ONCE(page->mapping) != key)
		return NULL;
	if (!get_page_unless_zero(page))
		return NULL;
	if (READ_ONCE(page->mapping) != key) {
		put_page(page);
		return NULL;
	}
	return page;
}

static bool owned_by(pte_t pte, struct address_space *mine)
{
	struct page *page = pte_page(pte);

	return page->mapping == mine;
}

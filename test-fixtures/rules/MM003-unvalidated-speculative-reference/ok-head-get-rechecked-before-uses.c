// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a reference taken on compound_head(page), re-checked against the page before it is stored and returned
 * mmlint-expect: none
 */
#include <linux/mm.h>

static struct page *pin_head_of(struct page *page, struct page **slot)
{
	struct page *head = compound_head(page);

	if (!get_page_unless_zero(head))
		return NULL;
	if (unlikely(compound_head(page) != head)) {
		put_page(head);
		return NULL;
	}
	*slot = head;
	return head;
}

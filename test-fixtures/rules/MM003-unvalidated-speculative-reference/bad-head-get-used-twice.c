// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a reference taken on compound_head(page) is stored and returned with no head re-check: one finding, at the get
 */
#include <linux/mm.h>

static struct page *pin_head_of(struct page *page, struct page **slot)
{
	struct page *head = compound_head(page);

	if (!get_page_unless_zero(head)) /* expect: MM003 "stored before it is validated: missing compound_head(page) == head" */
		return NULL;
	/* a split between compound_head() and the get leaves the reference on another page */
	*slot = head;
	return head;
}

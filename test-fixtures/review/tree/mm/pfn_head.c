// SPDX-License-Identifier: GPL-2.0
/*
 * mm/pfn_head.c - mmlint review fixture: a reference on the head of a pfn's compound page
 */
#include <linux/mm.h>

static struct page *pfn_get_head(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);
	struct page *head;

retry:
	head = compound_head(page);
	if (!get_page_unless_zero(head))
		return NULL;
	return head;
}

struct page *pfn_head_get(unsigned long pfn)
{
	return pfn_get_head(pfn);
}

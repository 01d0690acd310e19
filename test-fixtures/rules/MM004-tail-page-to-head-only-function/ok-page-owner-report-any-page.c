// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: page_owner's per-pfn report accepts any page, tails included: a tail's memcg_data is zero, so only the memcg line is left out
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/page_owner.h>

static ssize_t report_pfn(char __user *buf, size_t count, unsigned long pfn,
			  struct page_owner *owner, depot_stack_handle_t handle)
{
	struct page *page = pfn_to_page(pfn);

	return print_page_owner(buf, count, pfn, page, owner, handle);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: that a reporting function accepts a tail says nothing of the head-only calls around it
 */
#include <linux/mm.h>
#include <linux/page_owner.h>

static ssize_t report_thp(char __user *buf, size_t count, unsigned long pfn,
			  struct page_owner *owner, depot_stack_handle_t handle)
{
	struct page *page = pfn_to_page(pfn);
	ssize_t ret = print_page_owner(buf, count, pfn, page, owner, handle);

	if (ret > 0 && thp_nr_pages(page) > 1) /* expect: MM004 "thp_nr_pages" */
		ret++;
	return ret;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the exit path names only a pfn derived from the pinned page (a scalar, no handle on the
 * page): the reference taken by GUP leaks through the goto
 */
#include <linux/mm.h>

static int user_pfn_record(struct device *dev, unsigned long uaddr)
{
	struct page *page;
	unsigned long pfn;
	int err;

	err = get_user_pages_fast(uaddr, 1, 0, &page);
	if (err != 1)
		return -EFAULT;

	pfn = page_to_pfn(page);
	if (!pfn_valid(pfn)) {
		err = -EINVAL;
		goto out; /* expect: MM007 "leak on this return path" */
	}
	err = record_pfn(dev, pfn);
	put_page(page);
	return err;
out:
	dev_warn(dev, "bad pfn %lx\n", pfn);
	return err;
}

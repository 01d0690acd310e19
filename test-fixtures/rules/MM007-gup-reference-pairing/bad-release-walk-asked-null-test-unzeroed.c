// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a release walk up to the number asked of GUP that tests each entry for NULL, over an
 * array kmalloc_array() left uninitialised: after a short GUP the entries past the count taken hold
 * garbage, not NULL, and the test does not stop the walk releasing them. The fragment names types and
 * constants it does not define.
 */
#include <linux/mm.h>
#include <linux/slab.h>

static int copy_from_user_pages(struct xfer_ctl *ctl, unsigned long uaddr, int nr)
{
	struct page **pages;
	int ret, i;

	pages = kmalloc_array(nr, sizeof(struct page *), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	ret = get_user_pages_fast(uaddr, nr, 0, pages);
	if (ret != nr) {
		ret = ret < 0 ? ret : -EFAULT;
		goto out;
	}
	ret = xfer_copy(ctl, pages, nr);
out:
	for (i = 0; i < nr; i++)
		if (pages[i])
			put_page(pages[i]); /* expect: MM007 "up to 'nr'" */
	kfree(pages);
	return ret;
}

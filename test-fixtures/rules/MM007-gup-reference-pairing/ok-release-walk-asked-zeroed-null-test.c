// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: release walks up to the number asked of GUP over arrays from kcalloc() and kzalloc(),
 * each entry released only where a test found it non-NULL: the entries a short GUP did not fill stay
 * NULL, so exactly the pages taken are released. The fragment names types and constants it does not define.
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/slab.h>

static int copy_from_user_pages(struct xfer_ctl *ctl, unsigned long uaddr, int nr)
{
	struct page **pages;
	int ret, i;

	pages = kcalloc(nr, sizeof(struct page *), GFP_KERNEL);
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
			put_page(pages[i]);
	kfree(pages);
	return ret;
}

static long pin_user_window(struct xfer_ctl *ctl, unsigned long uaddr, unsigned long npages)
{
	struct page **pages = kzalloc(npages * sizeof(*pages), GFP_KERNEL);
	struct page *page;
	unsigned long i;
	long ret;

	if (!pages)
		return -ENOMEM;
	ret = pin_user_pages_fast(uaddr, npages, FOLL_WRITE | FOLL_LONGTERM, pages);
	if (ret == npages) {
		ctl->pages = pages;
		return 0;
	}
	for (i = 0; i < npages; i++) {
		page = pages[i];
		if (page != NULL)
			unpin_user_page(page);
	}
	kfree(pages);
	return ret < 0 ? ret : -EFAULT;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a GUP count that a join made a plain variable again (another path set it to -ENOMEM) is
 * returned as ERR_PTR() after a test that only rejects a full pin: a short count is still in it there.
 * mmlint-kernel: 6.1
 */
#include <linux/mm.h>

struct user_region {
	struct page *pages[16];
	unsigned long npages;
};

static struct user_region *user_region_pin(unsigned long start, int npages)
{
	struct user_region *r;
	int rv = 0;

	r = kzalloc(sizeof(*r), GFP_KERNEL);
	if (!r)
		return ERR_PTR(-ENOMEM);
	if (npages > 16) {
		rv = -ENOMEM;
		goto out;
	}
	rv = pin_user_pages_fast(start, npages, FOLL_WRITE, r->pages);
	if (rv < 0)
		goto out;
	r->npages = rv;
out:
	if (rv == npages)
		return r;
	user_region_release(r);
	return ERR_PTR(rv); /* expect: MM007 "may be zero or positive" */
}

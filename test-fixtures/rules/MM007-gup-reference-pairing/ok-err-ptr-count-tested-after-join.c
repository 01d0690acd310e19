// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a GUP count that a join made a plain variable again (another path set it to -ENOMEM) is
 * returned as ERR_PTR() only after a test bounding it at zero or below: no count of pages taken is left in
 * it there, as the same test of the count itself says.
 * mmlint-kernel: 6.1
 * mmlint-expect: none
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
	if (rv > 0)
		return r;
	user_region_release(r);
	return ERR_PTR(rv);
}

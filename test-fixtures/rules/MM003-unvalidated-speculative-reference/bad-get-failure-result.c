// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a failed speculative get on a page that may be a tail ends in a result the function gives only when the get fails (the integer its status variable holds on that path), or goes back to the same lookup: on a tail the page is always refused, or retried forever, whatever other rejections return
 */
#include <linux/mm.h>

/* the failure returns status 0, the success 1; the earlier rejection also returns 0, which makes no skip of it */
static int grab_pte_page(pte_t *ptep, struct page **out)
{
	pte_t entry = ptep_get(ptep);
	struct page *page;
	int status = 0;

	if (!pte_present(entry))
		goto done;
	page = pte_page(entry);
	if (!get_page_unless_zero(page)) /* expect: MM003 "returns status = 0", MM003 "stored before it is validated" */
		goto done;
	*out = page;
	status = 1;
done:
	return status;
}

/* a status kept across a walk: one failure ends it with -EAGAIN, a full walk returns 0 */
static int ref_pfn_run(unsigned long start, unsigned long nr, struct page **pages)
{
	unsigned long i;
	int err = 0;

	for (i = 0; i < nr; i++) {
		struct page *page = pfn_to_page(start + i);

		if (!get_page_unless_zero(page)) { /* expect: MM003 "where it returns 0 after the get succeeded" */
			err = -EAGAIN;
			break;
		}
		pages[i] = page;
	}
	return err;
}

/* a failure that goes back to the lookup of the same pfn: a tail keeps its refcount at zero, the loop never ends */
static struct page *ref_pfn_page(unsigned long pfn)
{
	struct page *page;

again:
	page = pfn_to_page(pfn);
	if (!get_page_unless_zero(page)) /* expect: MM003 "retry never ends" */
		goto again;
	return page;
}

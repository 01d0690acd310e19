// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: without MF_COUNT_INCREASED memory_failure() takes its own reference, so the caller's GUP reference leaks (the twin of madvise_inject_error(), Linux 6.1 mm/madvise.c)
 */
#include <linux/mm.h>

static int inject_one(unsigned long start)
{
	unsigned long pfn;
	struct page *page;
	int ret;

	ret = get_user_pages_fast(start, 1, 0, &page);
	if (ret != 1)
		return ret;
	pfn = page_to_pfn(page);
	return memory_failure(pfn, MF_ACTION_REQUIRED); /* expect: MM007 "leak" */
}

static int soft_offline_one(unsigned long start)
{
	struct page *page;
	int ret;

	ret = get_user_pages_fast(start, 1, 0, &page);
	if (ret != 1)
		return ret;
	ret = soft_offline_page(page_to_pfn(page), 0);
	return ret; /* expect: MM007 "leak" */
}

// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a static helper that reads ->mapping is handed an owner's page by one caller and, by
 * another, a page that caller only looked up by pfn and never gives an identity: the helper is not the
 * owner's, and its read is judged with the stranger's page
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

#define REGION_MAPPING_SHARED ((struct address_space *)0x1)

static inline bool region_page_shared(struct page *page)
{
	return page->mapping == REGION_MAPPING_SHARED; /* expect: MM002 "by region_count_shared()" */
}

static void region_share(unsigned long base_pfn, unsigned long nr_pages)
{
	unsigned long i;

	for (i = 0; i < nr_pages; i++) {
		struct page *page = pfn_to_page(base_pfn + i);

		if (!region_page_shared(page))
			page->mapping = REGION_MAPPING_SHARED;
	}
}

static unsigned long region_count_shared(unsigned long pfn, unsigned long end_pfn)
{
	unsigned long n = 0;

	for (; pfn < end_pfn; pfn++) {
		struct page *page = pfn_to_page(pfn);

		if (region_page_shared(page))
			n++;
	}
	return n;
}

unsigned long region_reshare(unsigned long base_pfn, unsigned long nr_pages)
{
	region_share(base_pfn, nr_pages);
	return region_count_shared(base_pfn, base_pfn + nr_pages);
}

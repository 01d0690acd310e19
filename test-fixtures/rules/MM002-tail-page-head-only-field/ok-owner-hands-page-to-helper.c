// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a page its owner gives its identity (stores ->mapping / ->index through it) stays the
 * owner's in the static helpers it is handed to: every caller of the helper owns the page it passes, so the
 * helper's reads of ->mapping / ->index are the owner's, and teach the owner no head requirement
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

#define REGION_MAPPING_SHARED ((struct address_space *)0x1)

struct pfn_region {
	unsigned long base_pfn;
	unsigned long nr_pages;
	struct address_space *mapping;
};

static inline bool region_page_shared(struct page *page)
{
	return page->mapping == REGION_MAPPING_SHARED;
}

static inline pgoff_t region_page_offset(struct page *page)
{
	return page->index;
}

/* a helper of a helper: its only caller is handed the owner's page */
static bool region_page_busy(struct page *page)
{
	return region_page_shared(page) || region_page_offset(page) != 0;
}

static void region_share(struct pfn_region *r)
{
	unsigned long i;

	for (i = 0; i < r->nr_pages; i++) {
		struct page *page = pfn_to_page(r->base_pfn + i);

		if (region_page_shared(page))
			continue;
		page->mapping = REGION_MAPPING_SHARED;
	}
}

static void region_clear(struct pfn_region *r)
{
	unsigned long i;

	for (i = 0; i < r->nr_pages; i++) {
		struct page *page = pfn_to_page(r->base_pfn + i);

		if (region_page_busy(page))
			continue;
		page->mapping = NULL;
		page->index = 0;
	}
}

/* the owner's own page parameter, handed on: no head requirement for its callers */
void region_release_page(struct page *page)
{
	if (!region_page_shared(page))
		page->index = 0;
	page->mapping = NULL;
}

void region_release(struct pfn_region *r)
{
	unsigned long i;

	for (i = 0; i < r->nr_pages; i++)
		region_release_page(pfn_to_page(r->base_pfn + i));
}

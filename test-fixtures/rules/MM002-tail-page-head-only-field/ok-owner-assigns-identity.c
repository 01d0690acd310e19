// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a function that stores ->mapping / ->index through a page gives that page its identity:
 * only the page's owner does so (memory it manages page by page: a device's pfn range, a framebuffer),
 * and it knows the page is not compound; its reads of those fields through the same page are its own
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

struct pfn_region {
	unsigned long base_pfn;
	unsigned long nr_pages;
	struct address_space *mapping;
};

static void region_attach(struct pfn_region *r, pgoff_t index)
{
	unsigned long i;

	for (i = 0; i < r->nr_pages; i++) {
		struct page *page = pfn_to_page(r->base_pfn + i);

		WARN_ON_ONCE(page->mapping && page->mapping != r->mapping);
		page->mapping = r->mapping;
		page->index = index + i;
	}
}

static void region_detach(struct pfn_region *r)
{
	unsigned long i;

	for (i = 0; i < r->nr_pages; i++) {
		struct page *page = pfn_to_page(r->base_pfn + i);

		if (page->index-- > 0)
			continue;
		page->mapping = NULL;
	}
}

static struct page *region_page(struct pfn_region *r, unsigned long offset)
{
	return pfn_to_page(r->base_pfn + (offset >> PAGE_SHIFT));
}

static vm_fault_t region_fault(struct pfn_region *r, struct vm_fault *vmf)
{
	struct page *page = region_page(r, vmf->pgoff << PAGE_SHIFT);

	get_page(page);
	page->mapping = r->mapping;
	BUG_ON(!page->mapping);
	page->index = vmf->pgoff;
	vmf->page = page;
	return 0;
}

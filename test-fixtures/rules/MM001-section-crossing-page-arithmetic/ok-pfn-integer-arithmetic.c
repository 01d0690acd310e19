// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: pfn arithmetic on an unsigned long is not struct page arithmetic (6.12 mm/page_isolation.c isolate_single_pageblock)
 * mmlint-expect: none
 */
#include <linux/mm.h>

static unsigned long skip_compound(struct page *page, unsigned long boundary_pfn)
{
	if (PageCompound(page)) {
		struct page *head = compound_head(page);
		unsigned long head_pfn = page_to_pfn(head);
		unsigned long nr_pages = compound_nr(head);

		if (head_pfn + nr_pages <= boundary_pfn)
			return head_pfn + nr_pages;
	}
	return 0;
}

/*
 * the same through the SPARSEMEM_VMEMMAP expansion of page_to_pfn() (6.1 mm/memory_hotplug.c
 * do_migrate_range(): pfn = page_to_pfn(head) + compound_nr(head) - 1): a pointer difference cast to
 * unsigned long is a pfn
 */
extern struct page *vmemmap_array;
#define vmemmap_page_to_pfn(page)	(unsigned long)((page) - vmemmap_array)

static unsigned long last_pfn_of(struct page *page)
{
	struct page *head = compound_head(page);

	return vmemmap_page_to_pfn(head) + compound_nr(head) - 1;
}

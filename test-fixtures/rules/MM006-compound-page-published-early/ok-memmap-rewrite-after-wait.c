// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: speculative pfn walkers are waited for with synchronize_rcu() before the vmemmap of a hugetlb folio is remapped: in the function, under a flag the caller passes, or in every caller of a static helper
 * mmlint-expect: none
 * mmlint-kernel: 6.1
 */
#include <linux/mm.h>
#include <linux/hugetlb.h>
#include <linux/rcupdate.h>

#define TAIL_MEMMAP_OFFSET	PAGE_SIZE
#define MEMMAP_WAIT_WALKERS	0x1UL

static int memmap_shrink_waited(const struct hstate *h, struct page *head)
{
	unsigned long first = (unsigned long)head;
	unsigned long last = first + pages_per_huge_page(h) * sizeof(struct page);

	synchronize_rcu();
	return vmemmap_remap_free(first + TAIL_MEMMAP_OFFSET, last, first);
}

static int __memmap_grow(unsigned long first, unsigned long last, unsigned long flags)
{
	if (flags & MEMMAP_WAIT_WALKERS)
		synchronize_rcu();
	return vmemmap_remap_alloc(first + TAIL_MEMMAP_OFFSET, last, first, GFP_KERNEL);
}

static int memmap_shrink_nowait(unsigned long first, unsigned long last)
{
	return vmemmap_remap_free(first + TAIL_MEMMAP_OFFSET, last, first);
}

int folio_memmap_shrink(const struct hstate *h, struct folio *folio)
{
	return memmap_shrink_waited(h, &folio->page);
}

int folio_memmap_grow(const struct hstate *h, struct folio *folio)
{
	unsigned long first = (unsigned long)&folio->page;

	return __memmap_grow(first, first + pages_per_huge_page(h) * sizeof(struct page), MEMMAP_WAIT_WALKERS);
}

void folios_memmap_shrink(const struct hstate *h, struct list_head *folios)
{
	struct folio *folio;

	synchronize_rcu();
	list_for_each_entry(folio, folios, lru) {
		unsigned long first = (unsigned long)&folio->page;

		memmap_shrink_nowait(first, first + pages_per_huge_page(h) * sizeof(struct page));
	}
}

// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the struct pages of a hugetlb folio's tails are remapped while a pfn walker may still hold a speculative reference on one of them: nothing waits for such walkers, in the function or in one of the callers of a static helper
 * mmlint-kernel: 6.1
 */
#include <linux/mm.h>
#include <linux/hugetlb.h>
#include <linux/rcupdate.h>

#define TAIL_MEMMAP_OFFSET	PAGE_SIZE

static int shrink_memmap(const struct hstate *h, struct page *head)
{
	unsigned long first = (unsigned long)head;
	unsigned long last = first + pages_per_huge_page(h) * sizeof(struct page);

	return vmemmap_remap_free(first + TAIL_MEMMAP_OFFSET, last, first); /* expect: MM006 "speculative pfn walker" */
}

static int grow_memmap(unsigned long first, unsigned long last)
{
	return vmemmap_remap_alloc(first + TAIL_MEMMAP_OFFSET, last, first, GFP_KERNEL); /* expect: MM006 "rewrites the struct pages" */
}

int folio_memmap_shrink(const struct hstate *h, struct folio *folio)
{
	return shrink_memmap(h, &folio->page);
}

int folio_memmap_grow(const struct hstate *h, struct folio *folio, bool batched)
{
	unsigned long first = (unsigned long)&folio->page;

	if (!batched)
		synchronize_rcu();
	return grow_memmap(first, first + pages_per_huge_page(h) * sizeof(struct page));
}

int folio_memmap_grow_now(const struct hstate *h, struct folio *folio)
{
	unsigned long first = (unsigned long)&folio->page;

	return grow_memmap(first, first + pages_per_huge_page(h) * sizeof(struct page));
}

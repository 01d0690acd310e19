// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a subpage's index in its folio by pfn (folio_page_idx()), after a hugetlb test refused the folio, or against a head it was not taken from
 * mmlint-kernel: 6.6
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n CONFIG_HUGETLB_PAGE=y
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/bio.h>

static void bvec_folio_offset(struct folio_iter *fi, struct bio_vec *bv)
{
	fi->folio = page_folio(bv->bv_page);
	fi->offset = bv->bv_offset +
			PAGE_SIZE * folio_page_idx(fi->folio, bv->bv_page);
}

static size_t thp_subpage_bytes(struct page *page, size_t n)
{
	struct folio *folio = page_folio(page);

	if (folio_test_hugetlb(folio))
		return n;
	return n + PAGE_SIZE * (page - &folio->page);
}

/* a subpage and its own head once a hugetlb test refused the page: one buddy block */
static unsigned long tail_index(struct page *page)
{
	if (PageHuge(page))
		return 0;
	return page - compound_head(page);
}

/* above MAX_ORDER by pfn, below it inside one buddy block (hugetlb's basepage index) */
static pgoff_t compound_index(struct page *page)
{
	struct page *head = compound_head(page);
	unsigned long idx;

	if (compound_order(head) >= MAX_ORDER)
		idx = page_to_pfn(page) - page_to_pfn(head);
	else
		idx = page - head;
	return idx;
}

/* the folio is reassigned before the distance: no longer the page's own */
static long distance_to_other(struct page *page, struct folio *other)
{
	struct folio *folio = page_folio(page);

	folio = other;
	return page_to_pfn(page) - folio_pfn(folio);
}

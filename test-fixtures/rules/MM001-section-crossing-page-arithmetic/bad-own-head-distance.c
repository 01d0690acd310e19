// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a page minus the head of its own compound page or folio, used as its subpage index: the folio may be a gigantic hugetlb one crossing a section
 * mmlint-kernel: 6.6
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n CONFIG_HUGETLB_PAGE=y
 */
#include <linux/mm.h>
#include <linux/bio.h>

/* byte offset of a bio_vec's data inside its folio */
static void bvec_folio_offset(struct folio_iter *fi, struct bio_vec *bv)
{
	fi->folio = page_folio(bv->bv_page);
	fi->offset = bv->bv_offset +
			PAGE_SIZE * (bv->bv_page - &fi->folio->page); /* expect: MM001 "memory section" */
	fi->length = min(folio_size(fi->folio) - fi->offset, (size_t)bv->bv_len);
}

/* the head kept in a local */
static size_t subpage_bytes(struct page *page, size_t n)
{
	struct page *head = compound_head(page);

	return n + ((page - head) << PAGE_SHIFT); /* expect: MM001 */
}

/* the head taken in the expression */
static pgoff_t subpage_index(struct page *page)
{
	return page - compound_head(page); /* expect: MM001 */
}

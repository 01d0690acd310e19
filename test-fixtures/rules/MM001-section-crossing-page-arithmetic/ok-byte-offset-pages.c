// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: byte offsets converted to pages through the pfn, masked to a leaf, or constant
 * mmlint-kernel: 6.6
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 * mmlint-expect: none
 */
#include <linux/mm.h>

struct page *buffer_page_at(struct page *first, size_t pos)
{
	return nth_page(first, pos >> PAGE_SHIFT);
}

void buffer_seek(struct page **page, unsigned int *poff, unsigned int len)
{
	*poff += len;
	*page = nth_page(*page, *poff / PAGE_SIZE);
	*poff %= PAGE_SIZE;
}

struct page *folio_page_at(struct folio *folio, size_t offset)
{
	return folio_page(folio, offset / PAGE_SIZE);
}

struct page *pmd_subpage(pmd_t pmd, unsigned long addr)
{
	return pmd_page(pmd) + ((addr & ~PMD_MASK) >> PAGE_SHIFT);
}

struct page *second_page(struct page *page)
{
	return page + (PAGE_SIZE >> PAGE_SHIFT);
}

struct page *bvec_page_at(struct bio_vec *bv, unsigned int done)
{
	return bv->bv_page + (bv->bv_offset + done) / PAGE_SIZE;
}

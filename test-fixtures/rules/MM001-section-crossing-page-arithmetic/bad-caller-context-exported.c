// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: an exported helper walks page + i up to its count; a caller in the file passes folio_nr_pages(), another a single page
 * mmlint-kernel: 6.5
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 */
#include <linux/mm.h>
#include <linux/highmem.h>

void sync_subpages(struct page *first, unsigned int count)
{
	unsigned int n;

	for (n = 0; n < count; n++) {
		void *kaddr = kmap_local_page(first + n); /* expect: MM001 "folio_nr_pages" */

		flush_kernel_vmap_range(kaddr, PAGE_SIZE);
		kunmap_local(kaddr);
	}
}
EXPORT_SYMBOL(sync_subpages);

static inline void sync_one_page(struct page *page)
{
	sync_subpages(page, 1);
}

static inline void sync_whole_folio(struct folio *folio)
{
	sync_subpages(&folio->page, folio_nr_pages(folio));
}

void sync_folio_and_page(struct folio *folio, struct page *page)
{
	sync_whole_folio(folio);
	sync_one_page(page);
}

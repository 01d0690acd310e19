// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: exported helpers whose callers in the file pass buddy-bounded counts only: unseen callers prove nothing either way
 * mmlint-kernel: 6.5
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/huge_mm.h>
#include <linux/highmem.h>

void sync_subpages(struct page *first, unsigned int count)
{
	unsigned int n;

	for (n = 0; n < count; n++) {
		void *kaddr = kmap_local_page(first + n);

		flush_kernel_vmap_range(kaddr, PAGE_SIZE);
		kunmap_local(kaddr);
	}
}
EXPORT_SYMBOL(sync_subpages);

void sync_subpages_nth(struct page *first, unsigned int count)
{
	unsigned int n;

	for (n = 0; n < count; n++) {
		void *kaddr = kmap_local_page(nth_page(first, n));

		flush_kernel_vmap_range(kaddr, PAGE_SIZE);
		kunmap_local(kaddr);
	}
}

void sync_order(struct page *head, unsigned int order)
{
	sync_subpages(head, 1U << order);
}

void sync_pmd_thp(struct page *head)
{
	sync_subpages(head, HPAGE_PMD_NR);
}

void sync_any_folio(struct folio *folio)
{
	sync_subpages_nth(&folio->page, folio_nr_pages(folio));
}

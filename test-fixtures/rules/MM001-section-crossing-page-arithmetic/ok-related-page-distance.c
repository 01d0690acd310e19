// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: page distances of related pages (derived from one another) or taken by pfn are right across sections
 * mmlint-kernel: 5.4
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/huge_mm.h>

/* membership by pfn, as the fix for a pointer difference does it */
static bool pte_maps_subpage_pfn(pte_t entry, struct page *head)
{
	unsigned long pfn, head_pfn = page_to_pfn(head);

	if (!pte_present(entry))
		return false;
	pfn = pte_pfn(entry);
	return pfn >= head_pfn && pfn - head_pfn < thp_nr_pages(head);
}

/* the same page compared, no distance */
static bool pte_maps_page(pte_t entry, struct page *page)
{
	return pte_present(entry) && pte_page(entry) == page;
}

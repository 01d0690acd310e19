// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a page looked up from a pte or a pfn minus a THP head it was not derived from, used as a pfn distance
 * mmlint-kernel: 5.4
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 */
#include <linux/mm.h>
#include <linux/huge_mm.h>

/* does the pte map a subpage of the THP at head? */
static bool pte_maps_subpage(pte_t entry, struct page *head)
{
	if (!pte_present(entry))
		return false;
	return pte_page(entry) - head < thp_nr_pages(head); /* expect: MM001 "memory sections" */
}

static long subpage_index(struct page *head, unsigned long pfn)
{
	long idx = head - pfn_to_page(pfn); /* expect: MM001 */

	return idx < 0 ? -idx : idx;
}

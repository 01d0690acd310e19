// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: &head[i] over compound_nr(head) where the hugetlb test does not refuse hugetlb pages on every path (only on one branch, or tested true)
 * mmlint-kernel: 5.12
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n CONFIG_HUGETLB_PAGE=y
 */
#include <linux/mm.h>
#include <linux/hugetlb.h>

bool any_subpage_mapped(struct page *page, bool skip_hugetlb)
{
	struct page *head = compound_head(page);
	int i;

	if (skip_hugetlb && PageHuge(head))
		return false;
	for (i = 0; i < compound_nr(head); i++)
		if (atomic_read(&head[i]._mapcount) >= 0) /* expect: MM001 "compound_nr" */
			return true;
	return false;
}

void clear_hugetlb_subpages(struct page *page)
{
	struct page *head = compound_head(page);
	int i;

	if (!PageHuge(head))
		return;
	for (i = 0; i < compound_nr(head); i++)
		clear_highpage(head + i); /* expect: MM001 */
}

// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: an index checked against HPAGE_PMD_NR or a small constant before page + idx stays in one block
 * mmlint-kernel: 6.1
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/huge_mm.h>

struct page *thp_subpage(struct page *head, unsigned long idx)
{
	if (idx >= HPAGE_PMD_NR)
		return NULL;
	return head + idx;
}

struct page *first_tails(struct page *head, unsigned long idx)
{
	if (idx > 2)
		return head;
	return head + idx;
}

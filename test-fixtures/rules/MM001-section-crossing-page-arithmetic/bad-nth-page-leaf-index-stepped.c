// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the subpage of a PUD leaf found with nth_page() is then stepped with page + n over the rest of the range
 * mmlint-kernel: 6.1
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 */
#include <linux/mm.h>
#include <linux/pgtable.h>

int collect_pud_leaf(pud_t entry, unsigned long start, unsigned long stop,
		     struct page **out)
{
	struct page *sub;
	int n = 0;

	sub = nth_page(pud_page(entry), (start & ~PUD_MASK) >> PAGE_SHIFT);
	for (; start < stop; start += PAGE_SIZE, n++)
		out[n] = sub + n; /* expect: MM001 "nth_page" */
	return n;
}

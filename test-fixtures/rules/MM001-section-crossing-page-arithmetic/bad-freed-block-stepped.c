// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: only the page __free_pages() is given is one buddy block: a variable stepped through the range (page++) holds other pages than the one freed, and a second page walked beside it proves nothing
 * mmlint-kernel: 6.1
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 */
#include <linux/mm.h>
#include <linux/highmem.h>

void release_stepped(struct page *page, unsigned int order)
{
	unsigned long i, nr = compound_nr(page);

	for (i = 0; i < nr; i++, page++) /* expect: MM001 "compound_nr" */
		clear_highpage(page);
	__free_pages(page, order);
}

void release_other(struct page *page, struct page *other, unsigned int order)
{
	unsigned long i;

	for (i = 0; i < compound_nr(other); i++)
		clear_highpage(other + i); /* expect: MM001 "compound_nr" */
	__free_pages(page, order);
}

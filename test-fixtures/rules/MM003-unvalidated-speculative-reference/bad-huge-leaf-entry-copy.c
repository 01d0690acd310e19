// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a leaf handler handed a huge pmd entry by value takes its speculative reference on pmd_page() of the copy, which may be a tail where contiguous entries map one huge page: the get fails on every such tail and the walk gives up on the huge page
 */
#include <linux/mm.h>

static int grab_huge_leaf(pmd_t orig, pmd_t *pmdp, unsigned long addr, struct page **pages, int *nr)
{
	struct page *head = pmd_page(orig);

	if (!get_page_unless_zero(head)) /* expect: MM003 "returns 0" */
		return 0;
	if (unlikely(pmd_val(orig) != pmd_val(*pmdp))) {
		put_page(head);
		return 0;
	}
	pages[*nr] = head;
	(*nr)++;
	return 1;
}

/* refs references taken at once and dropped by a counted loop where the entry changed: success still returns 1 only */
static int grab_huge_leaf_refs(pmd_t orig, pmd_t *pmdp, unsigned long addr, unsigned long end, struct page **pages, int *nr)
{
	struct page *head = pmd_page(orig);
	int refs = (end - addr) >> PAGE_SHIFT;

	if (!page_ref_add_unless(head, refs, 0)) /* expect: MM003 "returns 0" */
		return 0;
	if (unlikely(pmd_val(orig) != pmd_val(*pmdp))) {
		while (refs--)
			put_page(head);
		return 0;
	}
	pages[*nr] = head;
	*nr += refs;
	return 1;
}

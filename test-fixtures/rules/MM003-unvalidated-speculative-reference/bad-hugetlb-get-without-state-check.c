// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: pfn scanners that found a hugetlb page (PageHuge(), folio_test_hugetlb()) take a
 * speculative reference on it without asking the hugetlb allocator whether the page is in use: a
 * hugetlb page being built, handed to a fault or freed has a live refcount, and the get succeeds on it
 */
#include <linux/mm.h>
#include <linux/hugetlb.h>

static int scan_grab_page(unsigned long pfn, struct page **out)
{
	struct page *page = pfn_to_page(pfn);
	struct page *head = compound_head(page);

	if (PageHuge(head) && !hugepage_migration_supported(page_hstate(head)))
		return -EBUSY;

	if (!get_page_unless_zero(head)) /* expect: MM003 "hugetlb page" */
		return -EBUSY;
	if (head != compound_head(page)) {
		put_page(head);
		return -EAGAIN;
	}
	*out = head;
	return 0;
}

static struct folio *scan_grab_hugetlb_folio(unsigned long pfn)
{
	struct folio *folio = page_folio(pfn_to_page(pfn));

	if (!folio_test_hugetlb(folio))
		return NULL;
	if (!folio_try_get(folio)) /* expect: MM003 "hugetlb page" */
		return NULL;
	if (folio != page_folio(pfn_to_page(pfn))) {
		folio_put(folio);
		return NULL;
	}
	return folio;
}

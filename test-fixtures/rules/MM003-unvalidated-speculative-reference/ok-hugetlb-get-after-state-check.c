// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: pfn scanners that take a speculative reference on a hugetlb page only after asking
 * the hugetlb allocator under hugetlb_lock whether it is in use (HPageMigratable(), the folio flag
 * tests), or only on pages a hugetlb test found to be no hugetlb page
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/hugetlb.h>

static int scan_grab_page(unsigned long pfn, struct page **out)
{
	struct page *page = pfn_to_page(pfn);
	struct page *head = compound_head(page);
	int ret = -EBUSY;

	spin_lock_irq(&hugetlb_lock);
	if (PageHuge(head) && HPageMigratable(head) && get_page_unless_zero(head))
		ret = 0;
	spin_unlock_irq(&hugetlb_lock);
	if (ret)
		return ret;
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
	bool got = false;

	if (!folio_test_hugetlb(folio))
		return NULL;
	spin_lock_irq(&hugetlb_lock);
	if (!folio_test_hugetlb_freed(folio) && folio_test_hugetlb_migratable(folio))
		got = folio_try_get(folio);
	spin_unlock_irq(&hugetlb_lock);
	if (!got)
		return NULL;
	if (folio != page_folio(pfn_to_page(pfn))) {
		folio_put(folio);
		return NULL;
	}
	return folio;
}

static int scan_grab_small_page(unsigned long pfn, struct page **out)
{
	struct page *page = pfn_to_page(pfn);
	struct page *head = compound_head(page);

	if (PageHuge(head))
		return -EBUSY;
	if (!get_page_unless_zero(head))
		return -EBUSY;
	if (head != compound_head(page)) {
		put_page(head);
		return -EAGAIN;
	}
	*out = head;
	return 0;
}

static int scan_grab_and_mark(unsigned long pfn, bool *cleared)
{
	struct page *page = pfn_to_page(pfn);
	struct folio *folio;
	bool held = false;

	spin_lock_irq(&hugetlb_lock);
	folio = page_folio(page);
	if (!folio_test_hugetlb(folio)) {
		spin_unlock_irq(&hugetlb_lock);
		return -EBUSY;
	} else if (folio_test_hugetlb_migratable(folio)) {
		if (folio_try_get(folio))
			held = true;
	}
	if (held && folio_test_hugetlb_migratable(folio)) {
		folio_clear_hugetlb_migratable(folio);
		*cleared = true;
	}
	spin_unlock_irq(&hugetlb_lock);
	return held ? 0 : -EBUSY;
}

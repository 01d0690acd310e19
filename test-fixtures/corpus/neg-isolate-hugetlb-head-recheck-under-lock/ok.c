/*
 * corpus: neg-isolate-hugetlb-head-recheck-under-lock (ok)
 * mmlint-kernel: 6.1
 * source: debian:linux-source-6.1 (6.1.192):mm/hugetlb.c
 */
int folio_isolate_hugetlb(struct page *page, struct list_head *list)
{
	int ret = 0;

	spin_lock_irq(&hugetlb_lock);
	if (!PageHeadHuge(page) ||
	    !HPageMigratable(page) ||
	    !get_page_unless_zero(page)) {
		ret = -EBUSY;
		goto unlock;
	}
	ClearHPageMigratable(page);
	list_move_tail(&page->lru, list);
unlock:
	spin_unlock_irq(&hugetlb_lock);
	return ret;
}

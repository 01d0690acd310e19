/*
 * corpus: 0eb2df2b5629-isolate-huge-page-freed-race (after)
 * mmlint-kernel: 5.11
 * source: github:CompressionDuck/linux-5.11@2dbae366306d185f6106ad4f9951158d22848ebb:mm/hugetlb.c
 */
bool page_huge_active(struct page *page)
{
	return PageHeadHuge(page) && PagePrivate(&page[1]);
}

bool isolate_huge_page(struct page *page, struct list_head *list)
{
	bool ret = true;

	spin_lock(&hugetlb_lock);
	if (!PageHeadHuge(page) || !page_huge_active(page) ||
	    !get_page_unless_zero(page)) {
		ret = false;
		goto unlock;
	}
	clear_page_huge_active(page);
	list_move_tail(&page->lru, list);
unlock:
	spin_unlock(&hugetlb_lock);
	return ret;
}

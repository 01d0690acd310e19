/*
 * corpus: 0eb2df2b5629-isolate-huge-page-freed-race (before)
 * mmlint-kernel: 5.6
 * source: github:shmily1012/linux-5.6.4@93830a5cf2aa7555c3b6485a1697692ce9ace917:mm/hugetlb.c
 */
bool page_huge_active(struct page *page)
{
	VM_BUG_ON_PAGE(!PageHuge(page), page);
	return PageHead(page) && PagePrivate(&page[1]);
}

bool isolate_huge_page(struct page *page, struct list_head *list)
{
	bool ret = true;

	VM_BUG_ON_PAGE(!PageHead(page), page);
	spin_lock(&hugetlb_lock);
	if (!page_huge_active(page) || !get_page_unless_zero(page)) { /* expect: MM003 */
		ret = false;
		goto unlock;
	}
	clear_page_huge_active(page);
	list_move_tail(&page->lru, list);
unlock:
	spin_unlock(&hugetlb_lock);
	return ret;
}

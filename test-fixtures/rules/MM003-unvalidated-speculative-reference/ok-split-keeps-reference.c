// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a split through the page the code goes on with keeps its reference there; after a split of the head the reference is moved to the subpage, or the subpage is only used where it is the head or where the split failed; where a split succeeded every page of the former THP is an order-0 page, whose fields are its own
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/huge_mm.h>

/* split through the subpage itself: the split moves the reference to it */
static int split_at_subpage(struct page *page)
{
	struct page *head = compound_head(page);

	if (!PageAnon(head))
		return -EINVAL;
	lock_page(page);
	if (split_huge_page(page)) {
		unlock_page(page);
		return -EBUSY;
	}
	unlock_page(page);
	head = compound_head(page);
	SetPageDirty(page);
	return head == page ? 0 : -EAGAIN;
}

/* the reference moved from the head to the subpage before the subpage is used */
static void split_then_move_reference(struct page *page)
{
	struct page *head = compound_head(page);
	struct page *target = head;

	lock_page(head);
	if (!split_huge_page(head)) {
		if (head != page) {
			put_page(head);
			get_page(page);
		}
		target = page;
	}
	unlock_page(head);
	lock_page(target);
	unlock_page(target);
	put_page(target);
}

/* the subpage used only where the split failed (the THP and the reference on it are intact) */
static int split_or_report(struct page *page)
{
	struct page *head = compound_head(page);

	lock_page(head);
	if (split_huge_page(head)) {
		unlock_page(head);
		dump_page(page, "split failed");
		return -EBUSY;
	}
	unlock_page(head);
	return 0;
}

/* a page mapped by a pte, split where it was found: an order-0 page where the split succeeded */
static struct address_space *split_mapped_page(pte_t *ptep)
{
	struct page *page = pte_page(ptep_get(ptep));
	struct address_space *mapping = NULL;

	get_page(page);
	lock_page(page);
	if (!split_huge_page(page))
		mapping = page->mapping;
	unlock_page(page);
	put_page(page);
	return mapping;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a THP split through its head keeps the caller's reference on the head: a subpage the code goes on with after the split succeeded holds no reference and may be freed by the split itself
 */
#include <linux/mm.h>
#include <linux/huge_mm.h>

/* the subpage is locked and unmapped after a split of its head */
static int isolate_bad_subpage(struct page *page)
{
	struct page *head = compound_head(page);
	int ret;

	lock_page(head);
	ret = split_huge_page(head);
	unlock_page(head);
	if (ret)
		return -EBUSY;
	lock_page(page); /* expect: MM003 "passed to lock_page()" */
	ClearPageDirty(page);
	unlock_page(page);
	return 0;
}

/* the subpage is handed back through an out parameter after the split */
static int split_for_caller(struct page *page, struct page **out)
{
	struct page *head = compound_head(page);

	if (!trylock_page(head))
		return -EAGAIN;
	if (split_huge_page(head)) {
		unlock_page(head);
		return -EBUSY;
	}
	unlock_page(head);
	*out = page; /* expect: MM003 "stored" */
	return 0;
}

/* the split result kept in a variable and compared with 0 */
static struct page *split_and_pick(struct page *page)
{
	struct page *head = compound_head(page);
	int err;

	lock_page(head);
	err = split_huge_page(head);
	unlock_page(head);
	if (err != 0)
		return NULL;
	return page; /* expect: MM003 "returned" */
}

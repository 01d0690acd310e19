// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: virt_to_page() of an allocation's own address (a zpool page header, a page frag)
 * is that allocation's first page, as in z3fold's __release_z3fold_page() and z3fold_free()
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/list.h>

struct z3fold_header {
	struct list_head buddy;
	void *pool;
};

static void release_z3fold_page(struct z3fold_header *zhdr, struct list_head *stale)
{
	struct page *page = virt_to_page(zhdr);

	WARN_ON(!list_empty(&zhdr->buddy));
	list_del_init(&page->lru);
	list_add(&page->lru, stale);
}

static void page_frag_refill(void *va, unsigned int size)
{
	struct page *page = virt_to_page(va);

	if (page_ref_sub_and_test(page, size))
		free_the_page(page, compound_order(page));
}

// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the same unlinks through compound_head() of the walk's page, list_add() of a page the
 * function has not read (linking writes the links, it reads none) and INIT_LIST_HEAD(): no head-only read
 * of a possible tail
 * mmlint-expect: none
 * mmlint-kernel: 6.1
 */
#include <linux/mm.h>
#include <linux/list.h>

struct pool {
	struct list_head free;
	struct list_head busy;
	unsigned long nr_free;
};

static void pool_take(struct pool *p, struct page *page)
{
	struct page *head = compound_head(page);

	if (!page_count(head)) {
		list_del(&head->lru);
		p->nr_free--;
	}
}

static void pool_mark_busy(struct pool *p, struct page *page)
{
	struct page *head = compound_head(page);

	list_move_tail(&head->lru, &p->busy);
}

void pool_drain_range(struct pool *p, unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long pfn;

	for (pfn = start_pfn; pfn < end_pfn; pfn += 1 << 9) {
		pool_take(p, pfn_to_page(pfn));
		pool_mark_busy(p, pfn_to_page(pfn));
	}
}

void pool_add_new(struct pool *p, gfp_t gfp)
{
	struct page *page = alloc_pages(gfp, 9);

	if (!page)
		return;
	INIT_LIST_HEAD(&page->lru);
	list_add(&page->lru, &p->free);
	p->nr_free++;
}

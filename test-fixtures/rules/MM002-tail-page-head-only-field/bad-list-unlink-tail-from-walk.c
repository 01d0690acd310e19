// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a helper unlinks the lru entry of the page it is given (list_del(), list_move()
 * read the entry's links) and a pfn walk hands it pfn_to_page() of every step, a tail of a larger
 * compound page where a block starts inside one: the unlink reads the tail's compound_head word
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
	if (!page_count(page)) {
		list_del(&page->lru); /* expect: MM002 "page->lru" */
		p->nr_free--;
	}
}

static void pool_mark_busy(struct pool *p, struct page *page)
{
	list_move_tail(&page->lru, &p->busy); /* expect: MM002 "page->lru" */
}

void pool_drain_range(struct pool *p, unsigned long start_pfn, unsigned long end_pfn)
{
	unsigned long pfn;

	for (pfn = start_pfn; pfn < end_pfn; pfn += 1 << 9) {
		pool_take(p, pfn_to_page(pfn));
		pool_mark_busy(p, pfn_to_page(pfn));
	}
}

void pool_drop_one(struct pool *p, unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	list_del_init(&page->lru); /* expect: MM002 "page->lru" */
}

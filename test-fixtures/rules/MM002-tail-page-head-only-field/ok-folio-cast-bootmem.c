// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a page cast into a struct folio pointer is used as the folio it is (6.12 mm/hugetlb.c gather_bootmem_prealloc_node)
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/hugetlb.h>

struct huge_bootmem_page {
	struct list_head list;
	struct hstate *hstate;
};

static void gather_bootmem(struct huge_bootmem_page *m, struct list_head *folio_list)
{
	struct page *page = virt_to_page(m);
	struct folio *folio = (void *)page;

	WARN_ON(folio_ref_count(folio) != 1);
	list_add(&folio->lru, folio_list);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the page of an entry that may be a leaf is the page a huge mapping maps there, possibly
 * a tail: a pud_page() where pud_leaf() held, or on a path that never walked into the entry as a table,
 * a static helper one of whose callers hands it such an entry, and a PTE of a user mm
 */
#include <linux/mm.h>
#include <linux/pgtable.h>

static pgoff_t pud_index_of(pud_t *pud, unsigned long addr)
{
	struct page *page;
	pmd_t *pmd;

	if (pud_leaf(*pud)) {
		page = pud_page(*pud);
		return page->index; /* expect: MM002 "pud_page" */
	}
	pmd = pmd_offset(pud, addr);
	return pmd_none(*pmd) ? 0 : 1;
}

static pgoff_t pud_index_either(pud_t *pud, unsigned long addr, bool walk)
{
	struct page *page;

	if (walk && pmd_none(*pmd_offset(pud, addr)))
		return 0;
	page = pud_page(*pud);
	return page->index; /* expect: MM002 "pud_page" */
}

static pgoff_t entry_page_index(struct page *page)
{
	return page->index; /* expect: MM002 "pud_page" */
}

static pgoff_t walk_then_index(pud_t *pud, unsigned long addr)
{
	pmd_t *pmd = pmd_offset(pud, addr);

	if (pmd_none(*pmd))
		return 0;
	return entry_page_index(pud_page(*pud));
}

static pgoff_t leaf_index(pud_t *pud)
{
	return entry_page_index(pud_page(*pud));
}

pgoff_t pud_walk_index(pud_t *pud, unsigned long addr)
{
	if (pud_leaf(*pud))
		return leaf_index(pud);
	return walk_then_index(pud, addr);
}

static void user_pte_collect(struct mm_struct *mm, pte_t *pte, unsigned long addr, struct list_head *list, pte_t entry)
{
	struct page *page = pte_page(ptep_get(pte));

	list_add_tail(&page->lru, list); /* expect: MM002 "pte_page" */
	set_pte_at(mm, addr, pte, entry);
}

static unsigned long pud_tag_after_reload(pud_t *pudp, unsigned long addr)
{
	pud_t pud = READ_ONCE(*pudp);
	struct page *page;
	pmd_t *pmd;

	if (pud_none(pud))
		return 0;
	pmd = pmd_offset(&pud, addr);
	if (pmd_none(*pmd))
		return 0;
	pud = READ_ONCE(*pudp);
	page = pfn_to_page(pud_pfn(pud));
	return page->index; /* expect: MM002 "pfn_to_page" */
}

// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the page a page-table entry points to, where the path walked into it as a table
 * (pmd_offset(), pte_offset_kernel()), is a page-table page: an order-0 allocation, never a tail; a
 * static helper every caller hands such an entry inherits that; a PTE of the kernel's own page tables
 * (updated with &init_mm) maps a page the kernel allocated for itself, page by page
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/pgtable.h>

#define TABLE_MAGIC	0x5a5a

static void release_table_page(struct page *page)
{
	/* boot-time tables carry their owner's magic in ->index */
	if (PageReserved(page) && page->index == TABLE_MAGIC)
		free_reserved_page(page);
	else
		__free_page(page);
}

static void drop_pmd_level(pmd_t *pmd_start, pud_t *pud)
{
	int i;

	for (i = 0; i < PTRS_PER_PMD; i++)
		if (!pmd_none(pmd_start[i]))
			return;
	release_table_page(pud_page(*pud));
	pud_clear(pud);
}

static void unmap_pud_range(pud_t *pud, unsigned long addr, unsigned long end)
{
	pmd_t *pmd_base;

	for (; addr < end; addr += PUD_SIZE, pud++) {
		if (!pud_present(*pud))
			continue;
		if (pud_leaf(*pud)) {
			pud_clear(pud);
			continue;
		}
		pmd_base = pmd_offset(pud, 0);
		drop_pmd_level(pmd_base, pud);
	}
}

static unsigned long pmd_table_tag(pud_t *pud, unsigned long addr)
{
	pmd_t *pmd = pmd_offset(pud, addr);
	struct page *table = pud_page(*pud);

	if (pmd_none(*pmd))
		return 0;
	return table->index;
}

static void kernel_pte_collect(pte_t *pte, unsigned long addr, struct list_head *list, pte_t entry)
{
	struct page *page = pte_page(ptep_get(pte));

	list_add_tail(&page->lru, list);
	set_pte_at(&init_mm, addr, pte, entry);
}

static unsigned long pmd_table_tag_lockless(pud_t *pudp, unsigned long addr)
{
	pud_t pud = READ_ONCE(*pudp);
	struct page *table;
	pmd_t *pmd;

	if (pud_none(pud) || pud_leaf(pud))
		return 0;
	pmd = pmd_offset(&pud, addr);
	if (pmd_none(*pmd))
		return 0;
	table = pfn_to_page(pud_pfn(pud));
	return table->index;
}

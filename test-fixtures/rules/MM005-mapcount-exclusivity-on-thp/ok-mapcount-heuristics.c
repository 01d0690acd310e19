// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: mapcounts and refcounts used as statistics, sanity checks and skip heuristics
 * (khugepaged's shared count, zap_pte_range()'s bad-mapcount check, change_pte_range()'s prot_numa
 * skip, free_contig_range()'s WARN, madvise_cold_or_pageout_pte_range()'s "leave shared pages alone"):
 * no reuse or exclusivity decision follows, so none is a finding
 * mmlint-expect: none
 */
#include <linux/mm.h>

static int count_shared(pte_t *pte, struct vm_area_struct *vma, unsigned long address, int max_shared)
{
	int shared = 0, i;

	for (i = 0; i < HPAGE_PMD_NR; i++, address += PAGE_SIZE) {
		struct page *page = vm_normal_page(vma, address, pte[i]);

		if (!page)
			continue;
		if (page_mapcount(page) > 1) {
			if (++shared > max_shared)
				return -1;
		}
	}
	return shared;
}

static void zap_one(struct vm_area_struct *vma, unsigned long addr, pte_t ptent)
{
	struct page *page = vm_normal_page(vma, addr, ptent);

	if (!page)
		return;
	page_remove_rmap(page, vma, false);
	if (unlikely(page_mapcount(page) < 0))
		pr_err("bad mapcount\n");
}

static long prot_numa_skip(struct vm_area_struct *vma, unsigned long addr, pte_t oldpte)
{
	struct page *page = vm_normal_page(vma, addr, oldpte);

	/* avoid TLB flushes for pages shared with other processes */
	if (!page || (is_cow_mapping(vma->vm_flags) && page_count(page) != 1))
		return 0;
	return 1;
}

static void free_range(unsigned long pfn, unsigned long nr_pages)
{
	for (; nr_pages--; pfn++) {
		struct page *page = pfn_to_page(pfn);

		WARN(page_count(page) != 1, "%lu pages still in use!\n", pfn);
	}
}

static void pageout_pte(struct vm_area_struct *vma, unsigned long addr, pte_t ptent, struct list_head *list)
{
	struct page *page = vm_normal_page(vma, addr, ptent);

	if (!page || page_mapcount(page) != 1)
		return;
	ClearPageReferenced(page);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: hugetlb's write-fault reuse test (Linux 6.1 mm/hugetlb.c hugetlb_wp()): pte_page() of an entry read with huge_ptep_get() is the head of the hugetlb folio, which is mapped only as a whole, so its mapcount is the folio's
 * mmlint-kernel: 6.1
 * mmlint-config: CONFIG_HUGETLB_PAGE=y CONFIG_TRANSPARENT_HUGEPAGE=y
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/hugetlb.h>

void page_move_anon_rmap(struct page *page, struct vm_area_struct *vma);
void set_huge_ptep_writable(struct vm_area_struct *vma, unsigned long address, pte_t *ptep);

static vm_fault_t hugetlb_wp(struct mm_struct *mm, struct vm_area_struct *vma,
		       unsigned long address, pte_t *ptep, unsigned int flags,
		       struct page *pagecache_page, spinlock_t *ptl)
{
	const bool unshare = flags & FAULT_FLAG_UNSHARE;
	pte_t pte = huge_ptep_get(ptep);
	struct hstate *h = hstate_vma(vma);
	struct page *old_page;
	unsigned long haddr = address & huge_page_mask(h);

	if (vma->vm_flags & VM_MAYSHARE) {
		if (unlikely(unshare))
			return 0;
		set_huge_ptep_writable(vma, haddr, ptep);
		return 0;
	}

	old_page = pte_page(pte);

	/*
	 * If no-one else is actually using this page, we're the exclusive
	 * owner and can reuse this page.
	 */
	if (page_mapcount(old_page) == 1 && PageAnon(old_page)) {
		if (!PageAnonExclusive(old_page))
			page_move_anon_rmap(old_page, vma);
		if (likely(!unshare))
			set_huge_ptep_writable(vma, haddr, ptep);
		return 0;
	}
	return VM_FAULT_OOM;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a refcount of 1 on a mapped page is a conservative exclusivity test (every mapping
 * and pin holds a reference), and page_trans_huge_mapcount() was the accepted THP-aware test from
 * 4.6 to 5.18
 * mmlint-kernel: 4.19
 * mmlint-config: CONFIG_TRANSPARENT_HUGEPAGE=y
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/huge_mm.h>

static vm_fault_t huge_pmd_wp_reuse(struct vm_fault *vmf, pmd_t orig_pmd)
{
	struct vm_area_struct *vma = vmf->vma;
	unsigned long haddr = vmf->address & HPAGE_PMD_MASK;
	struct page *page = pmd_page(orig_pmd);

	if (page_trans_huge_mapcount(page, NULL) == 1) {
		pmd_t entry = pmd_mkyoung(orig_pmd);

		entry = maybe_pmd_mkwrite(pmd_mkdirty(entry), vma);
		if (pmdp_set_access_flags(vma, haddr, vmf->pmd, entry, 1))
			update_mmu_cache_pmd(vma, vmf->address, vmf->pmd);
		return VM_FAULT_WRITE;
	}
	return VM_FAULT_FALLBACK;
}

static vm_fault_t wp_reuse_if_unshared(struct vm_fault *vmf, pte_t orig_pte)
{
	struct page *page = vm_normal_page(vmf->vma, vmf->address, orig_pte);

	if (!page || !PageAnon(page) || PageKsm(page))
		return wp_page_copy(vmf);
	if (page_count(page) != 1)
		return wp_page_copy(vmf);
	wp_page_reuse(vmf);
	return VM_FAULT_WRITE;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a write fault on a PMD-mapped THP reuses it in place because its mapcount is 1, the
 * pre-5.19 do_huge_pmd_wp_page() shape: GUP pins are not mapcounts, so a pinned page gets reused and
 * the pin sees a different page after fork (CVE-2020-29374 class)
 * mmlint-kernel: 6.1
 */
#include <linux/mm.h>
#include <linux/huge_mm.h>

static vm_fault_t huge_pmd_wp_reuse(struct vm_fault *vmf, pmd_t orig_pmd)
{
	struct vm_area_struct *vma = vmf->vma;
	unsigned long haddr = vmf->address & HPAGE_PMD_MASK;
	struct page *page = pmd_page(orig_pmd);
	pmd_t entry;

	lock_page(page);
	if (total_mapcount(page) == 1) { /* expect: MM005 "maybe_pmd_mkwrite() at line 21 acts on it" */
		entry = pmd_mkyoung(orig_pmd);
		entry = maybe_pmd_mkwrite(pmd_mkdirty(entry), vma);
		if (pmdp_set_access_flags(vma, haddr, vmf->pmd, entry, 1))
			update_mmu_cache_pmd(vma, vmf->address, vmf->pmd);
		unlock_page(page);
		return 0;
	}
	unlock_page(page);
	return VM_FAULT_FALLBACK;
}

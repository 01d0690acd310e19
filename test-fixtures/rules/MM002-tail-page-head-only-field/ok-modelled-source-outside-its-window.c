// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a function the model makes a tail source only since 4.5 (vm_normal_page(): PTE-mapped THP tails came with the refcounting rework), defined in the analysed unit of a 4.4 tree: its body's pfn_to_page() does not make its result a tail, the model's window does not include this kernel
 * mmlint-kernel: 4.4
 * mmlint-expect: none
 */
#include <linux/mm.h>

struct page *vm_normal_page(struct vm_area_struct *vma, unsigned long addr, pte_t pte)
{
	unsigned long pfn = pte_pfn(pte);

	if (unlikely(pte_special(pte)))
		return NULL;
	if (unlikely(pfn > highest_memmap_pfn))
		return NULL;
	return pfn_to_page(pfn);
}

static bool pte_maps_file_page(struct vm_area_struct *vma, unsigned long addr, pte_t pte)
{
	struct page *page = vm_normal_page(vma, addr, pte);

	return page && !PageAnon(page) && page->mapping;
}

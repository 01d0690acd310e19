// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: write faults that reuse an anonymous page, or map it writable, because
 * reuse_swap_page() judged it exclusive: a verdict made of mapcounts and swap counts, blind to GUP
 * references (upstream replaced every such use with a page_count() test in 5.9 and 5.19)
 * mmlint-kernel: 5.10
 */
#include <linux/mm.h>
#include <linux/swap.h>

static vm_fault_t anon_write_fault(struct vm_fault *vmf, struct page *page)
{
	int swapped_maps;

	if (!trylock_page(page))
		goto copy;
	if (!reuse_swap_page(page, &swapped_maps)) { /* expect: MM005 "verdict is no proof" */
		unlock_page(page);
		goto copy;
	}
	unlock_page(page);
	wp_page_reuse(vmf);
	return VM_FAULT_WRITE;
copy:
	return wp_page_copy(vmf);
}

static pte_t swapin_entry(struct vm_fault *vmf, struct page *page)
{
	struct vm_area_struct *vma = vmf->vma;
	pte_t entry = mk_pte(page, vma->vm_page_prot);

	if ((vmf->flags & FAULT_FLAG_WRITE) && reuse_swap_page(page, NULL)) { /* expect: MM005 "maybe_mkwrite" */
		entry = maybe_mkwrite(pte_mkdirty(entry), vma);
		vmf->flags &= ~FAULT_FLAG_WRITE;
	}
	return entry;
}

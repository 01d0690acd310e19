// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: reuse_swap_page() consulted where nothing is reused or mapped writable on its word
 * (freeing the swap slot early, a statistic), and reuse decided by page_count() == 1 with KSM
 * excluded, the test upstream adopted: none is a finding
 * mmlint-kernel: 5.10
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/swap.h>

static unsigned long exclusive_swapped;

static void note_swapin(struct page *page)
{
	if (reuse_swap_page(page, NULL)) {
		exclusive_swapped++;
		try_to_free_swap(page);
	}
}

static vm_fault_t anon_write_fault_refcount(struct vm_fault *vmf, struct page *page)
{
	if (PageKsm(page) || page_count(page) != 1)
		return wp_page_copy(vmf);
	if (!trylock_page(page))
		return wp_page_copy(vmf);
	if (PageKsm(page) || page_count(page) != 1) {
		unlock_page(page);
		return wp_page_copy(vmf);
	}
	unlock_page(page);
	wp_page_reuse(vmf);
	return VM_FAULT_WRITE;
}

static vm_fault_t anon_write_fault_shared(struct vm_fault *vmf, struct page *page)
{
	/* the verdict said "shared": copying is always safe */
	if (!reuse_swap_page(page, NULL))
		return wp_page_copy(vmf);
	return 0;
}

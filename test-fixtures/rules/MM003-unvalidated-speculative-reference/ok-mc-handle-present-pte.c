// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: memcg move charge looks up a present pte's page (Linux 6.1 mm/memcontrol.c mc_handle_present_pte()): a failed get returns NULL like every page it does not move (later kernels skip large folios explicitly), and the entry was read by the caller under the page table lock
 * mmlint-expect: none
 */
#include <linux/mm.h>

#define MOVE_ANON	0x1U
#define MOVE_FILE	0x2U

static struct move_charge_struct {
	unsigned long flags;
} mc;

static struct page *mc_handle_present_pte(struct vm_area_struct *vma,
						unsigned long addr, pte_t ptent)
{
	struct page *page = vm_normal_page(vma, addr, ptent);

	if (!page || !page_mapped(page))
		return NULL;
	if (PageAnon(page)) {
		if (!(mc.flags & MOVE_ANON))
			return NULL;
	} else {
		if (!(mc.flags & MOVE_FILE))
			return NULL;
	}
	if (!get_page_unless_zero(page))
		return NULL;

	return page;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: GUP walkers that take the reference the flags ask for (try_grab_page()), or a plain
 * one only where a branch found FOLL_PIN clear or FOLL_GET set; a helper with no FOLL_* flags, or
 * one that keeps the page to itself, takes what it likes.
 * mmlint-kernel: 5.8
 * mmlint-expect: none
 */
#include <linux/mm.h>

static int special_page_lookup(struct mm_struct *mm, unsigned long addr, unsigned int gup_flags,
			       struct page **pagep)
{
	pte_t *ptep;
	int ret = -EFAULT;

	if (gup_flags & FOLL_WRITE)
		return -EFAULT;
	ptep = special_pte_lookup(mm, addr);
	if (!ptep)
		return -EFAULT;
	if (pte_none(*ptep))
		goto unmap;
	*pagep = pte_page(*ptep);
	if (unlikely(!try_grab_page(*pagep, gup_flags))) {
		ret = -ENOMEM;
		goto unmap;
	}
	ret = 0;
unmap:
	pte_unmap(ptep);
	return ret;
}

static long devmap_range_grab(struct vm_area_struct *vma, unsigned long start, unsigned long nr,
			      unsigned int flags, struct page **pages)
{
	unsigned long i;

	if (flags & FOLL_PIN)
		return -EOPNOTSUPP;
	for (i = 0; i < nr; i++) {
		pages[i] = devmap_page_at(vma, start + i * PAGE_SIZE);
		get_page(pages[i]);
	}
	return nr;
}

static struct page *follow_special(struct vm_area_struct *vma, unsigned long addr, unsigned int flags,
				   struct page **pagep)
{
	struct page *page = special_page_at(vma, addr);

	if (flags & FOLL_GET) {
		*pagep = page;
		get_page(*pagep);
	}
	return page;
}

/* no GUP flags: the caller knows it gets a plain reference */
static int ring_page_get(struct ring *r, unsigned int idx, struct page **pagep)
{
	*pagep = r->pages[idx];
	get_page(*pagep);
	return 0;
}

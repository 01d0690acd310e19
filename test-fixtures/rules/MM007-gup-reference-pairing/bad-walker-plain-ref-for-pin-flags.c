// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: GUP walkers that hand a page back to their caller through a struct page ** parameter
 * with a plain reference (get_page(), try_get_page()) while the gup_flags they were given may carry
 * FOLL_PIN: the pin_user_pages*() caller unpins a page that was never pinned.
 * mmlint-kernel: 5.8
 */
#include <linux/mm.h>

/* a special mapping's page, looked up by pte: read-only, referenced whatever the caller asked for */
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
	if (unlikely(!try_get_page(*pagep))) { /* expect: MM007 "FOLL_PIN" */
		ret = -ENOMEM;
		goto unmap;
	}
	ret = 0;
unmap:
	pte_unmap(ptep);
	return ret;
}

/* a batch of device pages handed back in pages[], one reference each */
static long devmap_range_grab(struct vm_area_struct *vma, unsigned long start, unsigned long nr,
			      unsigned int flags, struct page **pages)
{
	unsigned long i;

	if ((flags & FOLL_LONGTERM) && !vma_is_fsdax(vma))
		return -EOPNOTSUPP;
	for (i = 0; i < nr; i++) {
		pages[i] = devmap_page_at(vma, start + i * PAGE_SIZE);
		get_page(pages[i]); /* expect: MM007 */
	}
	return nr;
}

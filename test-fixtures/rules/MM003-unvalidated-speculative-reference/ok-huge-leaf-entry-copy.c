// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the reference on a huge leaf handed in by value is taken on compound_head(pmd_page()) of the copy; pmd_page() of an entry the function reads itself is the head
 * mmlint-expect: none
 */
#include <linux/mm.h>

static int grab_huge_leaf_head(pmd_t orig, pmd_t *pmdp, unsigned long addr, struct page **pages, int *nr)
{
	struct page *head = compound_head(pmd_page(orig));

	if (!get_page_unless_zero(head))
		return 0;
	if (unlikely(pmd_val(orig) != pmd_val(*pmdp))) {
		put_page(head);
		return 0;
	}
	pages[*nr] = head;
	(*nr)++;
	return 1;
}

static struct page *locked_huge_head(struct vm_area_struct *vma, pmd_t *pmdp)
{
	spinlock_t *ptl = pmd_lock(vma->vm_mm, pmdp);
	pmd_t pmd = *pmdp;
	struct page *page = NULL;

	if (pmd_trans_huge(pmd)) {
		page = pmd_page(pmd);
		get_page(page);
	}
	spin_unlock(ptl);
	return page;
}

static int grab_huge_leaf_head_refs(pmd_t orig, pmd_t *pmdp, unsigned long addr, unsigned long end, struct page **pages, int *nr)
{
	struct page *head = compound_head(pmd_page(orig));
	int refs = (end - addr) >> PAGE_SHIFT;

	if (!page_ref_add_unless(head, refs, 0))
		return 0;
	if (unlikely(pmd_val(orig) != pmd_val(*pmdp))) {
		while (refs--)
			put_page(head);
		return 0;
	}
	pages[*nr] = head;
	*nr += refs;
	return 1;
}

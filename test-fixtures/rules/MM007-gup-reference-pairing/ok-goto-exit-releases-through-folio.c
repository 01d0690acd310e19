// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the exit path at the label releases the GUP reference through a handle derived from the
 * page (the folio page_folio() returned, the head compound_head() returned), not through the page's own name
 * mmlint-expect: none
 */
#include <linux/mm.h>

static int user_word_key(unsigned long uaddr, bool ro, u64 *key)
{
	struct page *page;
	struct folio *folio;
	int err;

	err = get_user_pages_fast(uaddr, 1, FOLL_WRITE, &page);
	if (err < 0)
		return err;
	err = 0;

	folio = page_folio(page);
	if (folio_test_anon(folio)) {
		if (ro) {
			err = -EFAULT;
			goto out;
		}
		*key = uaddr;
	} else {
		*key = folio->index;
	}
out:
	folio_put(folio);
	return err;
}

static int user_head_flags(unsigned long uaddr, unsigned long *flags)
{
	struct page *page;
	int ret;

	ret = pin_user_pages_fast(uaddr, 1, 0, &page);
	if (ret != 1)
		return -EFAULT;

	{
		struct page *head = compound_head(page);

		if (PageReserved(head)) {
			ret = -EINVAL;
			goto unpin;
		}
		*flags = head->flags;
		ret = 0;
unpin:
		unpin_user_page(head);
	}
	return ret;
}

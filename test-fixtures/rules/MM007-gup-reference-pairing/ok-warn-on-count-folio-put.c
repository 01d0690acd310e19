// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a GUP count tested inside WARN_ON() (6.12 iommufd_test_md_check_refs()), and a
 * reference released through the folio of the GUP'd page (6.12 get_futex_key()): nothing leaks
 * mmlint-expect: none
 */
static int check_refs(unsigned long uptr, unsigned long length, unsigned int refs)
{
	for (; length; length -= PAGE_SIZE) {
		struct page *pages[1];
		long npages;

		npages = get_user_pages_fast(uptr, 1, 0, pages);
		if (npages < 0)
			return npages;
		if (WARN_ON(npages != 1))
			return -EFAULT;
		put_page(pages[0]);
		uptr += PAGE_SIZE;
	}
	return 0;
}

static int key_of(unsigned long address, unsigned long *key)
{
	struct page *page;
	struct folio *folio;
	int err;

	err = get_user_pages_fast(address, 1, FOLL_WRITE, &page);
	if (err < 0)
		return err;
	folio = page_folio(page);
	*key = folio_index(folio);
	folio_put(folio);
	return 0;
}

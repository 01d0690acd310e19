// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: from 6.4 copy_folio_from_user() replaced copy_huge_page_from_user(): the model says nothing of a function of the old name, page + i over its count stays quiet
 * mmlint-kernel: 6.4
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n CONFIG_HUGETLB_PAGE=y
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/highmem.h>
#include <linux/uaccess.h>

long copy_huge_page_from_user(struct page *dst_page,
			      const void __user *usr_src,
			      unsigned int pages_per_huge_page,
			      bool allow_pagefault)
{
	unsigned long i, left = 0;
	void *kaddr;

	for (i = 0; i < pages_per_huge_page; i++) {
		kaddr = kmap(dst_page + i);
		left = copy_from_user(kaddr, usr_src + i * PAGE_SIZE, PAGE_SIZE);
		kunmap(dst_page + i);
		if (left)
			break;
	}
	return left;
}

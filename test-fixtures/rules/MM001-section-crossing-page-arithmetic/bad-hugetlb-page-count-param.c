// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a function the model says is handed a hugetlb page and its page count (copy_huge_page_from_user(), callers pass pages_per_huge_page(h)) walks the page by page + i
 * mmlint-kernel: 5.10
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n CONFIG_HUGETLB_PAGE=y
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
		kaddr = kmap(dst_page + i); /* expect: MM001 "copy_huge_page_from_user" */
		left = copy_from_user(kaddr, usr_src + i * PAGE_SIZE, PAGE_SIZE);
		kunmap(dst_page + i); /* expect: MM001 */
		if (left)
			break;
	}
	return left;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the same copy into a hugetlb page stepped by nth_page(), or walked by page + i only once a guard sent counts above one buddy block elsewhere
 * mmlint-kernel: 5.10
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n CONFIG_HUGETLB_PAGE=y
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/highmem.h>
#include <linux/uaccess.h>

static long copy_gigantic_from_user(struct page *dst, const void __user *src, unsigned int nr)
{
	unsigned long i, left = 0;
	void *kaddr;

	for (i = 0; i < nr; i++) {
		struct page *sub = nth_page(dst, i);

		kaddr = kmap(sub);
		left = copy_from_user(kaddr, src + i * PAGE_SIZE, PAGE_SIZE);
		kunmap(sub);
		if (left)
			break;
	}
	return left;
}

long copy_huge_page_from_user(struct page *dst_page,
			      const void __user *usr_src,
			      unsigned int pages_per_huge_page,
			      bool allow_pagefault)
{
	unsigned long i, left = 0;
	void *kaddr;

	if (pages_per_huge_page > MAX_ORDER_NR_PAGES)
		return copy_gigantic_from_user(dst_page, usr_src, pages_per_huge_page);

	for (i = 0; i < pages_per_huge_page; i++) {
		kaddr = kmap_atomic(dst_page + i);
		left = copy_from_user(kaddr, usr_src + i * PAGE_SIZE, PAGE_SIZE);
		kunmap_atomic(kaddr);
		if (left)
			break;
	}
	return left;
}

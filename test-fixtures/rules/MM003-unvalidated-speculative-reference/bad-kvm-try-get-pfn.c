// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the get on a pfn's page is the whole answer (Linux 6.12 virt/kvm/kvm_main.c kvm_try_get_pfn()): on a tail of a compound page mapped with VM_PFNMAP/VM_MIXEDMAP it always fails, and the caller turns that into -EFAULT although the page is refcounted through its head
 * mmlint-kernel: 6.12
 */
#include <linux/mm.h>

typedef u64 kvm_pfn_t;

bool is_zero_pfn(unsigned long pfn);
bool is_zone_device_page(const struct page *page);

static struct page *kvm_pfn_to_refcounted_page(kvm_pfn_t pfn)
{
	struct page *page;

	if (!pfn_valid(pfn))
		return NULL;

	page = pfn_to_page(pfn);
	if (!PageReserved(page))
		return page;

	/* The ZERO_PAGE(s) is marked PG_reserved, but is refcounted. */
	if (is_zero_pfn(pfn))
		return page;

	if (is_zone_device_page(page))
		return page;

	return NULL;
}

static int kvm_try_get_pfn(kvm_pfn_t pfn)
{
	struct page *page = kvm_pfn_to_refcounted_page(pfn);

	if (!page)
		return 1;

	return get_page_unless_zero(page); /* expect: MM003 "always fails" */
}

/* the same refusal written out: a page the function would accept, refused on a tail */
static int pfn_get_ref(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	if (!get_page_unless_zero(page)) /* expect: MM003 "returns -EFAULT" */
		return -EFAULT;
	return 0;
}

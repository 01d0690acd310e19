// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: PageHasHWPoisoned() (PF_SECOND, 5.15 to 6.13), PageWaiters() (PF_ONLY_HEAD, 4.10
 * to 6.11) and put_page_testzero() want the head; PageTransHuge() taken true proves one
 * mmlint-kernel: 5.15
 */
#include <linux/mm.h>

static bool pte_thp_poisoned(pte_t pte)
{
	struct page *page = pte_page(pte);

	return PageHasHWPoisoned(page); /* expect: MM004 "requires a head page" */
}

static bool pte_page_waited(pte_t pte)
{
	struct page *page = pte_page(pte);

	return PageWaiters(page); /* expect: MM004 "requires a head page" */
}

static void drop_pte_ref(pte_t pte)
{
	struct page *page = pte_page(pte);

	if (put_page_testzero(page)) /* expect: MM004 "requires a head page" */
		__free_pages(page, 0);
}

static unsigned long skip_thp(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	if (PageTransHuge(page)) /* expect: MM004 "requires a head page" */
		return page_to_pfn(page) + thp_nr_pages(page) - 1;
	if (PageHasHWPoisoned(page)) /* expect: MM004 "requires a head page" */
		return pfn + 1;
	return pfn;
}

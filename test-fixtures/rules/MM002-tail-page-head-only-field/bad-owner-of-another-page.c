// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: storing ->mapping through one page makes the function that page's owner, not the owner
 * of every page it touches: a read through another page it found by pfn is judged as before
 */
#include <linux/mm.h>
#include <linux/pagemap.h>

static pgoff_t copy_identity(unsigned long src_pfn, struct page *dst)
{
	struct page *src = pfn_to_page(src_pfn);

	dst->mapping = src->mapping; /* expect: MM002 */
	dst->index = src->index; /* expect: MM002 */
	return dst->index;
}

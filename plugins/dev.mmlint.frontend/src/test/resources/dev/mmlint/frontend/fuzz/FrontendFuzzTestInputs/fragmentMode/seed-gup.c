#include <linux/mm.h>
static int f(struct page *page, unsigned long pfn)
{
	struct folio *folio = page_folio(page);
	if (PageTail(page))
		return page->mapping != NULL;
	for (int i = 0; i < 512; i++)
		put_page(page + i);
	return folio_ref_count(folio);
}

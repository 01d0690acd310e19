/*
 * corpus: neg-synthetic-pfn-mapping
 * mmlint-kernel: 6.1
 */
static struct address_space *pfn_mapping(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);
	struct folio *folio = page_folio(page);

	return folio->mapping;
}

static struct address_space *small_page_mapping(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	if (PageTail(page))
		return NULL;
	return page->mapping;
}

static unsigned long pfn_flags(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	/* flags are per page: fine on a tail */
	return page->flags;
}

static struct address_space *pfn_get_mapping(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	return page->mapping;
}

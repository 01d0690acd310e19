/*
 * corpus: 000000000002-synthetic-pte-index (after: the fix, and a function it left wrong)
 * mmlint-kernel: 6.1
 */
static pgoff_t pte_file_offset(pte_t *ptep)
{
	pte_t pte = ptep_get(ptep);
	struct page *page, *head;

	page = pte_page(pte);
	head = compound_head(page);
	return head->index;
}

static struct address_space *pfn_get_mapping(unsigned long pfn)
{
	struct page *page = pfn_to_page(pfn);

	return page->mapping;
}

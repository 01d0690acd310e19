/*
 * corpus: seed-001-hugetlb-record-subpages (before)
 * mmlint-kernel: 5.11
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 * source: seed:001_fb7b6de53196309c.txt
 */
static void record_subpages_vmas(struct page *page, struct vm_area_struct *vma,
				 int refs, struct page **pages,
				 struct vm_area_struct **vmas)
{
	int nr;

	for (nr = 0; nr < refs; nr++) {
		if (likely(pages))
			pages[nr] = page++; /* expect: MM001 */
		if (vmas)
			vmas[nr] = vma;
	}
}

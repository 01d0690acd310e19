/*
 * corpus: seed-001-hugetlb-record-subpages (after)
 * mmlint-kernel: 5.12
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 * source: github:zhangyinjun/linux-5.12.9@38c16b0cce67918e4433d40bebbf4e34d6a5250f:mm/hugetlb.c
 */
static void record_subpages_vmas(struct page *page, struct vm_area_struct *vma,
				 int refs, struct page **pages,
				 struct vm_area_struct **vmas)
{
	int nr;

	for (nr = 0; nr < refs; nr++) {
		if (likely(pages))
			pages[nr] = mem_map_offset(page, nr);
		if (vmas)
			vmas[nr] = vma;
	}
}

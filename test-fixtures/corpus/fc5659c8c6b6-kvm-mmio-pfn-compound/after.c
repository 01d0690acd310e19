/*
 * corpus: fc5659c8c6b6-kvm-mmio-pfn-compound (after)
 * mmlint-kernel: 2.6.29
 * source: github:yifengyou/linux-2.6.26@fc5659c8c6b6c4e02ac354b369017c1bf231f347:virt/kvm/kvm_main.c
 */
inline int kvm_is_mmio_pfn(pfn_t pfn)
{
	if (pfn_valid(pfn)) {
		struct page *page = compound_head(pfn_to_page(pfn));
		return PageReserved(page);
	}

	return true;
}

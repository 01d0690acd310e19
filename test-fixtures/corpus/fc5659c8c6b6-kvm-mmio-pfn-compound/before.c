/*
 * corpus: fc5659c8c6b6-kvm-mmio-pfn-compound (before)
 * mmlint-kernel: 2.6.29
 * source: github:yifengyou/linux-2.6.26@c807660407a695f390034e402edfe544a1d2e40c:virt/kvm/kvm_main.c
 */
inline int kvm_is_mmio_pfn(pfn_t pfn)
{
	if (pfn_valid(pfn))
		return PageReserved(pfn_to_page(pfn)); /* expect: MM002 */

	return true;
}

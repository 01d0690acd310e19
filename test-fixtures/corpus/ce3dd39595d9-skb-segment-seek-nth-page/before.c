/*
 * corpus: ce3dd39595d9-skb-segment-seek-nth-page (before)
 * mmlint-kernel: 2.6.29
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 * source: github:yifengyou/linux-2.6.26@51621fbdb1ea8709ab67170b54e71be6d9fa29ad:net/core/skbuff.c
 */
static inline void __segment_seek(struct page **page, unsigned int *poff,
				  unsigned int *plen, unsigned int off)
{
	*poff += off;
	*page += *poff / PAGE_SIZE; /* expect: MM001 */
	*poff = *poff % PAGE_SIZE;
	*plen -= off;
}

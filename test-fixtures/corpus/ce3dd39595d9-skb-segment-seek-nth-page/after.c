/*
 * corpus: ce3dd39595d9-skb-segment-seek-nth-page (after)
 * mmlint-kernel: 2.6.29
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 * source: github:yifengyou/linux-2.6.26@ce3dd39595d9d64f4ba6ee8dd24c6269a3b56b6a:net/core/skbuff.c
 */
static inline void __segment_seek(struct page **page, unsigned int *poff,
				  unsigned int *plen, unsigned int off)
{
	unsigned long n;

	*poff += off;
	n = *poff / PAGE_SIZE;
	if (n)
		*page = nth_page(*page, n);

	*poff = *poff % PAGE_SIZE;
	*plen -= off;
}

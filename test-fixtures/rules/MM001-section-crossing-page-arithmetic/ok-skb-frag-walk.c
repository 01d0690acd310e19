// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the pages of one skb fragment walked with skb_frag_page(frag) + (off >> PAGE_SHIFT) and
 * page++: a fragment lies inside one page or one compound page (page_frag, page_pool, a driver's
 * alloc_pages() of some order), never a multi-allocation range, so it stays inside one buddy block
 * mmlint-kernel: 6.1
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/highmem.h>

/* as include/linux/skbuff.h declares them (6.1: skb_frag_t is a struct bio_vec) */
typedef struct bio_vec skb_frag_t;
struct page *skb_frag_page(const skb_frag_t *frag);
unsigned int skb_frag_off(const skb_frag_t *frag);
unsigned int skb_frag_size(const skb_frag_t *frag);

static u32 frag_sum(const skb_frag_t *frag, u32 off, u32 len)
{
	struct page *p = skb_frag_page(frag) + ((skb_frag_off(frag) + off) >> PAGE_SHIFT);
	u32 p_off = (skb_frag_off(frag) + off) & (PAGE_SIZE - 1);
	u32 copied = 0, sum = 0;

	while (copied < len) {
		u32 p_len = min_t(u32, len - copied, PAGE_SIZE - p_off);
		u8 *vaddr = kmap_local_page(p);

		sum += vaddr[p_off] + p_len;
		kunmap_local(vaddr);
		copied += p_len;
		p_off = 0;
		p++;
	}
	return sum;
}

u32 frags_sum(const skb_frag_t *frags, int nr_frags)
{
	u32 sum = 0;
	int i;

	for (i = 0; i < nr_frags; i++)
		sum += frag_sum(&frags[i], 0, skb_frag_size(&frags[i]));
	return sum;
}

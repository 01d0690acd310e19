// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a static transmit helper walks page += offset >> PAGE_SHIFT and page++ over the bytes it is handed; its callers pass the page of an skb's linear data (virt_to_page(skb->data), inside the skb's one head allocation) or an skb fragment's first page (one page or compound page): every caller's page lies in one buddy block, so the helper's walk stays in its section
 * mmlint-kernel: 6.12
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/highmem.h>

/* as include/linux/skbuff.h declares what is used here */
typedef struct skb_frag { struct page *netmem; unsigned int len, offset; } skb_frag_t;
struct sk_buff { unsigned int len, data_len; unsigned char *head, *data; };
struct page *skb_frag_page(const skb_frag_t *frag);
unsigned int skb_frag_off(const skb_frag_t *frag);
unsigned int skb_frag_size(const skb_frag_t *frag);
unsigned int skb_headlen(const struct sk_buff *skb);

struct ring;
void ring_post(struct ring *r, struct page *page, unsigned int off, unsigned int len);

static void ring_post_bytes(struct ring *r, struct page *page, unsigned int offset, unsigned int len)
{
	page += offset >> PAGE_SHIFT;
	offset &= ~PAGE_MASK;

	while (len) {
		unsigned int chunk = min_t(unsigned int, len, PAGE_SIZE - offset);

		ring_post(r, page, offset, chunk);
		page++;
		offset = 0;
		len -= chunk;
	}
}

void ring_xmit(struct ring *r, struct sk_buff *skb, const skb_frag_t *frags, int nr_frags)
{
	struct page *page = virt_to_page(skb->data);
	unsigned int offset = offset_in_page(skb->data);
	int i;

	ring_post_bytes(r, page, offset, skb_headlen(skb));
	for (i = 0; i < nr_frags; i++)
		ring_post_bytes(r, skb_frag_page(&frags[i]), skb_frag_off(&frags[i]), skb_frag_size(&frags[i]));
}

void *skb_head_page_map(struct sk_buff *skb, unsigned int off)
{
	return kmap_local_page(virt_to_page(skb->head) + (off >> PAGE_SHIFT));
}

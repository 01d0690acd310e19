// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the same kind of static transmit helper (page += offset >> PAGE_SHIFT, page++) with one caller that hands it the first page of a scatterlist entry, which may be a pfn range across sections; and an exported helper whose callers are not all seen: the bound of the skb callers is not enough, the walk may cross a section
 * mmlint-kernel: 6.12
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 */
#include <linux/mm.h>
#include <linux/scatterlist.h>

/* as include/linux/skbuff.h declares what is used here */
struct sk_buff { unsigned int len, data_len; unsigned char *head, *data; };
unsigned int skb_headlen(const struct sk_buff *skb);

struct ring;
void ring_post(struct ring *r, struct page *page, unsigned int off, unsigned int len);

static void ring_post_bytes(struct ring *r, struct page *page, unsigned int offset, unsigned int len)
{
	page += offset >> PAGE_SHIFT; /* expect: MM001 */
	offset &= ~PAGE_MASK;

	while (len) {
		unsigned int chunk = min_t(unsigned int, len, PAGE_SIZE - offset);

		ring_post(r, page, offset, chunk);
		page++; /* expect: MM001 */
		offset = 0;
		len -= chunk;
	}
}

void ring_xmit_sg(struct ring *r, struct sk_buff *skb, struct scatterlist *sg)
{
	ring_post_bytes(r, virt_to_page(skb->data), offset_in_page(skb->data), skb_headlen(skb));
	ring_post_bytes(r, sg_page(sg), sg->offset, sg->length);
}

void ring_post_range(struct ring *r, struct page *page, unsigned int offset, unsigned int len)
{
	page += offset >> PAGE_SHIFT; /* expect: MM001 */
	ring_post(r, page, offset & ~PAGE_MASK, len);
}

void ring_xmit_head(struct ring *r, struct sk_buff *skb)
{
	ring_post_range(r, virt_to_page(skb->data), offset_in_page(skb->data), skb_headlen(skb));
}

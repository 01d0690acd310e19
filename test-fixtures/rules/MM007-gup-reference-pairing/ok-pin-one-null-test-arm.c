// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: one page pinned through &page, then if (ret != 1 || !page) goto an exit that never names
 * it: the count test rejects every path on which nothing was pinned, and a pinned page is never NULL, so
 * the second arm is taken only where nothing was pinned either (also as page == NULL, and arms swapped).
 * mmlint-kernel: 6.1
 * mmlint-expect: none
 */
#include <linux/mm.h>

struct ring_ctx {
	void *ring;
	struct page *ring_page;
	phys_addr_t ring_phys;
};

static int ring_ctx_map(struct ring_ctx *ctx, unsigned long uaddr)
{
	struct ring_desc *desc;
	struct page *page;
	int ret;

	desc = kzalloc(sizeof(*desc), GFP_KERNEL);
	if (!desc)
		return -ENOMEM;

	ret = pin_user_pages_fast(uaddr, 1, FOLL_WRITE | FOLL_LONGTERM, &page);
	if (unlikely(ret != 1) || !page) {
		ret = -EFAULT;
		goto out_free;
	}
	ctx->ring = page_address(page);
	ctx->ring_page = page;
	ret = 0;
out_free:
	kfree(desc);
	return ret;
}

static int ring_ctx_map_swapped(struct ring_ctx *ctx, unsigned long uaddr)
{
	struct ring_desc *desc;
	struct page *page = NULL;
	int ret;

	desc = kzalloc(sizeof(*desc), GFP_KERNEL);
	if (!desc)
		return -ENOMEM;

	ret = get_user_pages_fast(uaddr, 1, FOLL_WRITE, &page);
	if (page == NULL || ret != 1) {
		ret = -EFAULT;
		goto out_free;
	}
	ctx->ring_page = page;
	ctx->ring_phys = page_to_phys(page);
	ret = 0;
out_free:
	kfree(desc);
	return ret;
}

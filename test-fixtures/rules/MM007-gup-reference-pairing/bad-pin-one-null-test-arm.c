// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: one page pinned through &page: a NULL test of the page clears only its own arm. A later
 * failure that jumps to an exit never naming the page leaks the pin, and a NULL test of another pointer
 * beside a count test that lets a pinned page through (ret < 0) says nothing of the pin.
 * mmlint-kernel: 6.1
 */
#include <linux/mm.h>

struct ring_ctx {
	void *ring;
	void *shadow;
	struct page *ring_page;
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
	ret = ring_hw_register(virt_to_phys(desc));
	if (ret < 0)
		goto out_free; /* expect: MM007 "leak on this return path" */
	ctx->ring = page_address(page);
	ctx->ring_page = page;
out_free:
	kfree(desc);
	return ret;
}

static int ring_ctx_map_shadow(struct ring_ctx *ctx, unsigned long uaddr)
{
	struct ring_desc *desc;
	struct page *page;
	int ret;

	desc = kzalloc(sizeof(*desc), GFP_KERNEL);
	if (!desc)
		return -ENOMEM;

	ret = pin_user_pages_fast(uaddr, 1, FOLL_WRITE | FOLL_LONGTERM, &page);
	if (ret < 0 || !ctx->shadow) {
		ret = -EFAULT;
		goto out_free; /* expect: MM007 "leak on this return path" */
	}
	ctx->ring = page_address(page);
	ctx->ring_page = page;
	ret = 0;
out_free:
	kfree(desc);
	return ret;
}

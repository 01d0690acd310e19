// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a pinned page stored in a scatterlist entry by sg_set_page() is released through
 * sg_page() of that entry with put_page(), which drops a reference nobody took; an error path that only
 * unmaps the entry of the caller's table before the jump to an exit naming neither leaks the pin, as does,
 * with a scatterlist of the function's own, an error path to an exit that never names the page or the entry.
 * mmlint-kernel: 6.1
 */
#include <linux/mm.h>
#include <linux/scatterlist.h>

struct doorbell_page {
	struct scatterlist sg;
	unsigned long uaddr;
	int users;
};

struct doorbell_table {
	struct mutex lock;
	struct doorbell_page slot[8];
};

static int doorbell_map(struct device *dev, struct doorbell_table *tab, int i, unsigned long uaddr)
{
	struct page *pages[1];
	int ret;

	mutex_lock(&tab->lock);
	ret = pin_user_pages_fast(uaddr & PAGE_MASK, 1, FOLL_WRITE | FOLL_LONGTERM, pages);
	if (ret < 0)
		goto out;

	sg_set_page(&tab->slot[i].sg, pages[0], PAGE_SIZE, 0);
	ret = doorbell_hw_enable(dev, &tab->slot[i].sg);
	if (ret) {
		put_page(sg_page(&tab->slot[i].sg)); /* expect: MM007 "released with put_page" */
		goto out;
	}
	tab->slot[i].uaddr = uaddr;
	tab->slot[i].users = 1;
out:
	mutex_unlock(&tab->lock);
	return ret;
}

static int doorbell_remap(struct device *dev, struct doorbell_table *tab, int i, unsigned long uaddr)
{
	struct page *pages[1];
	int ret;

	mutex_lock(&tab->lock);
	ret = pin_user_pages_fast(uaddr & PAGE_MASK, 1, FOLL_WRITE | FOLL_LONGTERM, pages);
	if (ret < 0)
		goto out;

	sg_set_page(&tab->slot[i].sg, pages[0], PAGE_SIZE, 0);
	ret = dma_map_sg(dev, &tab->slot[i].sg, 1, DMA_TO_DEVICE);
	if (ret < 0) {
		unpin_user_page(pages[0]);
		goto out;
	}
	ret = doorbell_hw_enable(dev, &tab->slot[i].sg);
	if (ret) {
		dma_unmap_sg(dev, &tab->slot[i].sg, 1, DMA_TO_DEVICE);
		goto out; /* expect: MM007 "leak on this return path" */
	}
	tab->slot[i].users = 1;
out:
	mutex_unlock(&tab->lock);
	return ret;
}

static int doorbell_probe(struct device *dev, unsigned long uaddr)
{
	struct scatterlist sg;
	struct page *page;
	int ret;

	ret = pin_user_pages_fast(uaddr & PAGE_MASK, 1, FOLL_WRITE, &page);
	if (ret != 1)
		return -EFAULT;
	sg_init_table(&sg, 1);
	sg_set_page(&sg, page, PAGE_SIZE, 0);
	if (!dma_map_sg(dev, &sg, 1, DMA_TO_DEVICE)) {
		ret = -EIO;
		goto out; /* expect: MM007 "leak on this return path" */
	}
	ret = doorbell_hw_probe(dev, sg_dma_address(&sg));
	dma_unmap_sg(dev, &sg, 1, DMA_TO_DEVICE);
	unpin_user_page(sg_page(&sg));
out:
	return ret;
}

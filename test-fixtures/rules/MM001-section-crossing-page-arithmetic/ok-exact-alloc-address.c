// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the pages of an alloc_pages_exact() buffer (one buddy block of order get_order(size)) walked with page++ from virt_to_page() of its address: directly, through a copy of the address, and through a static helper that returns only such addresses (or NULL)
 * mmlint-kernel: 6.12
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/gfp.h>

phys_addr_t virt_to_phys(volatile void *address);

static void *buf_alloc_pages(size_t size, bool dma32)
{
	gfp_t gfp = GFP_KERNEL | __GFP_NOWARN;
	void *p;

again:
	p = alloc_pages_exact(size, gfp);
	if (!p)
		return NULL;
	if (!dma32 && virt_to_phys(p) + size > 0x100000000ULL) {
		free_pages_exact(p, size);
		dma32 = true;
		gfp |= GFP_DMA32;
		goto again;
	}
	return p;
}

int buf_fill_pages(struct page **pages, size_t size, size_t chunk)
{
	while (size > 0) {
		unsigned int npages;
		struct page *curp;
		void *p;

		p = buf_alloc_pages(chunk, false);
		if (!p)
			return -ENOMEM;
		size -= chunk;
		npages = chunk >> PAGE_SHIFT;
		curp = virt_to_page(p);
		while (npages--)
			*pages++ = curp++;
	}
	return 0;
}

void buf_mark_reserved(size_t size)
{
	void *buf = alloc_pages_exact(size, GFP_KERNEL);
	void *addr = buf;
	struct page *page;
	unsigned long i;

	if (!addr)
		return;
	page = virt_to_page(addr);
	for (i = 0; i < (size >> PAGE_SHIFT); i++)
		SetPageReserved(page + i);
}

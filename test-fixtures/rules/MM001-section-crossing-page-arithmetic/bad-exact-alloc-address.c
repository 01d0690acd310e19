// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: virt_to_page() of an address that is not always an alloc_pages_exact() buffer: a static helper that may return a dma_alloc_coherent() buffer (a CMA area may exceed a buddy block), an address chosen on one path only, an address advanced past the buffer's start and a global buffer's address: walking the pages from it may cross a section
 * mmlint-kernel: 6.12
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 */
#include <linux/mm.h>
#include <linux/gfp.h>

/* as include/linux/dma-mapping.h declares it */
void *dma_alloc_coherent(struct device *dev, size_t size, dma_addr_t *dma_handle, gfp_t gfp);

static void *buf_alloc_any(struct device *dev, size_t size, dma_addr_t *addr, bool coherent)
{
	if (coherent)
		return dma_alloc_coherent(dev, size, addr, GFP_KERNEL);
	return alloc_pages_exact(size, GFP_KERNEL);
}

int buf_fill_any(struct device *dev, struct page **pages, size_t chunk, bool coherent)
{
	unsigned int npages = chunk >> PAGE_SHIFT;
	dma_addr_t addr;
	struct page *curp;
	void *p;

	p = buf_alloc_any(dev, chunk, &addr, coherent);
	if (!p)
		return -ENOMEM;
	curp = virt_to_page(p);
	while (npages--)
		*pages++ = curp++; /* expect: MM001 */
	return 0;
}

extern void *boot_buffer;

void buf_mark_reserved_either(size_t size, bool boot)
{
	void *addr;
	struct page *page;
	unsigned long i;

	if (boot)
		addr = boot_buffer;
	else
		addr = alloc_pages_exact(size, GFP_KERNEL);
	if (!addr)
		return;
	page = virt_to_page(addr);
	for (i = 0; i < (size >> PAGE_SHIFT); i++)
		SetPageReserved(page + i); /* expect: MM001 */
}

void buf_mark_reserved_past(size_t size, unsigned long skip)
{
	void *addr = alloc_pages_exact(size, GFP_KERNEL);
	struct page *page;
	unsigned long i;

	if (!addr)
		return;
	addr += skip;
	page = virt_to_page(addr);
	for (i = 0; i < (size >> PAGE_SHIFT); i++)
		SetPageReserved(page + i); /* expect: MM001 */
}

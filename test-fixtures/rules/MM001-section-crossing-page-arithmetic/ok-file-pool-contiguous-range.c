// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: the same boot-time pool walked by nth_page(); a pool of one buddy block (alloc_pages_exact()) walked by page + i; a function that declares its own pointer of the pool's name
 * mmlint-kernel: 6.1
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 * mmlint-expect: none
 */
#include <linux/mm.h>
#include <linux/memblock.h>
#include <linux/gfp.h>

#define TRACE_POOL_SIZE (trace_pool_pages * PAGE_SIZE)

static unsigned long trace_pool_pages = 1UL << 17;
#define LOG_POOL_SIZE (16 * PAGE_SIZE)

static char *trace_pool;
static char *log_pool;

void __init trace_pool_alloc(void)
{
	trace_pool = memblock_alloc(TRACE_POOL_SIZE, PAGE_SIZE);
	log_pool = alloc_pages_exact(LOG_POOL_SIZE, GFP_KERNEL);
}

static void trace_pool_reserve(void)
{
	struct page *pages = virt_to_page(trace_pool);
	unsigned long i;

	for (i = 0; i < trace_pool_pages; i++)
		SetPageReserved(nth_page(pages, i));
}

static void log_pool_reserve(void)
{
	struct page *pages = virt_to_page(log_pool);
	unsigned long i;

	for (i = 0; i < LOG_POOL_SIZE / PAGE_SIZE; i++)
		SetPageReserved(pages + i);
}

static void scratch_reserve(void)
{
	char *trace_pool = kmalloc(PAGE_SIZE, GFP_KERNEL);
	struct page *page = virt_to_page(trace_pool);

	SetPageReserved(page + 0);
}

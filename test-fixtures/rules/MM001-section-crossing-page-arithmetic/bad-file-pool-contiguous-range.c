// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a file-scope pool one function fills from memblock_alloc() (a boot-time range of any size) and another walks as virt_to_page(pool) + i
 * mmlint-kernel: 6.1
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n
 */
#include <linux/mm.h>
#include <linux/memblock.h>

#define TRACE_POOL_SIZE (trace_pool_pages * PAGE_SIZE)

static unsigned long trace_pool_pages = 1UL << 17;

static char *trace_pool;

void __init trace_pool_alloc(void)
{
	trace_pool = memblock_alloc(TRACE_POOL_SIZE, PAGE_SIZE);
	if (!trace_pool)
		pr_err("trace: no pool\n");
}

static void trace_pool_reserve(void)
{
	struct page *pages = virt_to_page(trace_pool);
	unsigned long i;

	for (i = 0; i < trace_pool_pages; i++)
		SetPageReserved(&pages[i]); /* expect: MM001 "memblock_alloc" */
}

int __init trace_pool_init(void)
{
	if (!trace_pool)
		return -ENOMEM;
	trace_pool_reserve();
	return 0;
}

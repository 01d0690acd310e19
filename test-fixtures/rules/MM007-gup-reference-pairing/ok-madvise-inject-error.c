// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: madvise(MADV_HWPOISON / MADV_SOFT_OFFLINE) hands its GUP reference to the handler (Linux 6.1 mm/madvise.c madvise_inject_error(); 6.12 passes MF_ACTION_REQUIRED | MF_COUNT_INCREASED | MF_SW_SIMULATED): with MF_COUNT_INCREASED memory_failure() and soft_offline_page() take the reference over
 * mmlint-expect: none
 */
#include <linux/mm.h>

#define MADV_SOFT_OFFLINE 101
#define CAP_SYS_ADMIN 21

bool capable(int cap);
unsigned long page_size(struct page *page);

static int madvise_inject_error(int behavior,
		unsigned long start, unsigned long end)
{
	unsigned long size;

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;


	for (; start < end; start += size) {
		unsigned long pfn;
		struct page *page;
		int ret;

		ret = get_user_pages_fast(start, 1, 0, &page);
		if (ret != 1)
			return ret;
		pfn = page_to_pfn(page);

		/*
		 * When soft offlining hugepages, after migrating the page
		 * we dissolve it, therefore in the second loop "page" will
		 * no longer be a compound page.
		 */
		size = page_size(compound_head(page));

		if (behavior == MADV_SOFT_OFFLINE) {
			pr_info("Soft offlining pfn %#lx at process virtual address %#lx\n",
				 pfn, start);
			ret = soft_offline_page(pfn, MF_COUNT_INCREASED);
		} else {
			pr_info("Injecting memory failure for pfn %#lx at process virtual address %#lx\n",
				 pfn, start);
			ret = memory_failure(pfn, MF_ACTION_REQUIRED | MF_COUNT_INCREASED | MF_SW_SIMULATED);
			if (ret == -EOPNOTSUPP)
				ret = 0;
		}

		if (ret)
			return ret;
	}

	return 0;
}

/* the flags come from the caller: whether the reference is handed over is not known here */
static int inject_with_flags(unsigned long start, int flags)
{
	struct page *page;

	if (get_user_pages_fast(start, 1, 0, &page) != 1)
		return -EFAULT;
	return memory_failure(page_to_pfn(page), flags);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: an object pointer the function rebases to the start of its allocation before taking its page: the parameter is assigned, so its page is not taken as a possible tail
 * mmlint-expect: none
 * mmlint-kernel: 4.4
 */
#include <linux/mm.h>

static void *alloc_start_of(const void *obj);

bool obj_in_slab(void *obj)
{
	obj = alloc_start_of(obj);
	return PageSlab(virt_to_page(obj));
}

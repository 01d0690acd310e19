// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a GUP count that a join made a plain variable again (it was also set to 0 on another
 * path) is still cleared of its errno by a test that bounds it at zero or above before the release
 * mmlint-expect: none
 */
#include <linux/mm.h>

struct two_bufs {
	struct page *map[64];
};

static int pin_two(struct two_bufs *b, unsigned long ua, int na, unsigned long ub, int nb)
{
	int a, c;

	a = pin_user_pages_unlocked(ua, na, &b->map[0], FOLL_WRITE);
	c = 0;
	if (a == na)
		c = pin_user_pages_unlocked(ub, nb, &b->map[a], FOLL_WRITE);
	if (a != na || c != nb) {
		if (a == na && c >= 0)
			unpin_user_pages(&b->map[a], c);
		if (a >= 0)
			unpin_user_pages(b->map, a);
		return -EFAULT;
	}
	return 0;
}

static int pin_one_range(struct page **list, unsigned long ua, long n)
{
	long pinned = 0;
	int ret = -ENOMEM;

	pinned = pin_user_pages(ua, n, FOLL_LONGTERM | FOLL_WRITE, list, NULL);
	if (pinned != n) {
		ret = pinned < 0 ? pinned : -ENOMEM;
		goto out;
	}
	ret = 0;
out:
	if (ret && pinned > 0)
		unpin_user_pages(list, pinned);
	return ret;
}

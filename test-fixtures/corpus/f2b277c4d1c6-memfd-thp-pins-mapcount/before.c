/*
 * corpus: f2b277c4d1c6-memfd-thp-pins-mapcount (before)
 * mmlint-kernel: 5.17
 * source: github:dunli/linux-5.17@a5835cacde99c041fb7d17a65ce72ab6392befb6:mm/memfd.c
 */
static void memfd_tag_pins(struct xa_state *xas)
{
	struct page *page;
	unsigned int tagged = 0;

	lru_add_drain();

	xas_lock_irq(xas);
	xas_for_each(xas, page, ULONG_MAX) {
		if (xa_is_value(page))
			continue;
		page = find_subpage(page, xas->xa_index);
		if (page_count(page) - page_mapcount(page) > 1) /* expect: MM005 */
			xas_set_mark(xas, MEMFD_TAG_PINNED);

		if (++tagged % XA_CHECK_SCHED)
			continue;

		xas_pause(xas);
		xas_unlock_irq(xas);
		cond_resched();
		xas_lock_irq(xas);
	}
	xas_unlock_irq(xas);
}
static int memfd_wait_for_pins(struct address_space *mapping)
{
	XA_STATE(xas, &mapping->i_pages, 0);
	struct page *page;
	int error, scan;

	memfd_tag_pins(&xas);

	error = 0;
	for (scan = 0; scan <= LAST_SCAN; scan++) {
		unsigned int tagged = 0;

		if (!xas_marked(&xas, MEMFD_TAG_PINNED))
			break;

		if (!scan)
			lru_add_drain_all();
		else if (schedule_timeout_killable((HZ << scan) / 200))
			scan = LAST_SCAN;

		xas_set(&xas, 0);
		xas_lock_irq(&xas);
		xas_for_each_marked(&xas, page, ULONG_MAX, MEMFD_TAG_PINNED) {
			bool clear = true;
			if (xa_is_value(page))
				continue;
			page = find_subpage(page, xas.xa_index);
			if (page_count(page) - page_mapcount(page) != 1) { /* expect: MM005 */
				/*
				 * On the last scan, we clean up all those tags
				 * we inserted; but make a note that we still
				 * found pages pinned.
				 */
				if (scan == LAST_SCAN)
					error = -EBUSY;
				else
					clear = false;
			}
			if (clear)
				xas_clear_mark(&xas, MEMFD_TAG_PINNED);
			if (++tagged % XA_CHECK_SCHED)
				continue;

			xas_pause(&xas);
			xas_unlock_irq(&xas);
			cond_resched();
			xas_lock_irq(&xas);
		}
		xas_unlock_irq(&xas);
	}

	return error;
}

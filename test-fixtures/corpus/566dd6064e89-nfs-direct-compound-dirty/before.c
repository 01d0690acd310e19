/*
 * corpus: 566dd6064e89-nfs-direct-compound-dirty (before)
 * mmlint-kernel: 2.6.15
 * source: github:yifengyou/linux-2.6.26@70b9ecbdb9c5fdc731f8780bffd45d9519020c4a:fs/nfs/direct.c
 */
static void
nfs_free_user_pages(struct page **pages, int npages, int do_dirty)
{
	int i;
	for (i = 0; i < npages; i++) {
		if (do_dirty)
			set_page_dirty_lock(pages[i]); /* expect: MM004 */
		page_cache_release(pages[i]);
	}
	kfree(pages);
}

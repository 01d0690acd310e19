/*
 * corpus: 566dd6064e89-nfs-direct-compound-dirty (after)
 * mmlint-kernel: 2.6.15
 * source: github:yifengyou/linux-2.6.26@566dd6064e89b15ff2dec666a421bebf0f98f26c:fs/nfs/direct.c
 */
static void
nfs_free_user_pages(struct page **pages, int npages, int do_dirty)
{
	int i;
	for (i = 0; i < npages; i++) {
		struct page *page = pages[i];
		if (do_dirty && !PageCompound(page))
			set_page_dirty_lock(page);
		page_cache_release(page);
	}
	kfree(pages);
}

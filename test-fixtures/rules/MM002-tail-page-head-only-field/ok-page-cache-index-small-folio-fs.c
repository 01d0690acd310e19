// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a file system that never lets its mappings hold large folios looks pages up in its
 * own mappings (an inode's, a static callback's argument, a batch it fills itself): order-0 pages,
 * whose mapping and index are their own
 * mmlint-kernel: 6.12
 * mmlint-config: CONFIG_READ_ONLY_THP_FOR_FS=n
 * mmlint-filesystem: fs-small-folios
 * mmlint-expect: none
 */
#include <linux/fs.h>
#include <linux/pagemap.h>

static int smallfs_page_index(struct inode *inode, pgoff_t index, pgoff_t *found)
{
	struct address_space *mapping = inode->i_mapping;
	struct page *page = find_get_page(mapping, index);

	if (!page)
		return -ENOENT;
	*found = page->index;
	put_page(page);
	return 0;
}

static bool smallfs_cached(struct address_space *mapping, pgoff_t index)
{
	struct page *page = pagecache_get_page(mapping, index, FGP_LOCK, 0);
	bool ours;

	if (!page)
		return false;
	ours = page->mapping == mapping && page->index == index;
	unlock_page(page);
	put_page(page);
	return ours;
}

static int smallfs_check_page(struct inode *inode, struct page *page)
{
	if (page->mapping != inode->i_mapping)
		return -EAGAIN;
	return 0;
}

static int smallfs_prepare_pages(struct inode *inode, struct page **pages, size_t num_pages, pgoff_t index)
{
	int i, err = 0;

	for (i = 0; i < num_pages; i++) {
		pages[i] = pagecache_get_page(inode->i_mapping, index + i, FGP_LOCK | FGP_CREAT, GFP_NOFS);
		if (!pages[i]) {
			err = -ENOMEM;
			break;
		}
		err = smallfs_check_page(inode, pages[i]);
		if (err) {
			unlock_page(pages[i]);
			put_page(pages[i]);
			break;
		}
	}
	return err;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * mmlint-fixture: a file system whose own mappings hold order-0 folios only looks pages up in mappings
 * it does not own for certain (a block device's, one an exported function is handed, one a call
 * returns): those may hold large folios, so the page at an index may be a tail
 * mmlint-kernel: 6.12
 * mmlint-config: CONFIG_READ_ONLY_THP_FOR_FS=n
 * mmlint-filesystem: fs-small-folios
 */
#include <linux/fs.h>
#include <linux/pagemap.h>

struct inode;
struct block_device {
	struct inode *bd_inode;
};

struct address_space *smallfs_backing_mapping(struct super_block *sb);

int smallfs_export_index(struct address_space *mapping, pgoff_t index, pgoff_t *found)
{
	struct page *page = find_get_page(mapping, index);

	if (!page)
		return -ENOENT;
	*found = page->index; /* expect: MM002 "may be a tail page" */
	put_page(page);
	return 0;
}

static int smallfs_read_super_index(struct block_device *bdev, pgoff_t index, pgoff_t *found)
{
	struct page *page = find_get_page(bdev->bd_inode->i_mapping, index);

	if (!page)
		return -ENOENT;
	*found = page->index; /* expect: MM002 "may be a tail page" */
	put_page(page);
	return 0;
}

static int smallfs_backing_index(struct super_block *sb, pgoff_t index, pgoff_t *found)
{
	struct address_space *mapping = smallfs_backing_mapping(sb);
	struct page *page = find_get_page(mapping, index);

	if (!page)
		return -ENOENT;
	*found = page->index; /* expect: MM002 "may be a tail page" */
	put_page(page);
	return 0;
}

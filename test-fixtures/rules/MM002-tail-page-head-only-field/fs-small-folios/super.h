// SPDX-License-Identifier: GPL-2.0
/*
 * The sources of a file system that never lets its mappings hold large folios: it registers itself and
 * sets up its inodes' mappings with order-0 folios only (no mapping_set_large_folios(), no shmem, no
 * hugetlb). Read by the fixtures that say mmlint-filesystem: fs-small-folios.
 */
static struct file_system_type smallfs_fs_type;

static void smallfs_init_inode(struct inode *inode)
{
	/* mapping_set_large_folios() is not called here: order-0 folios only */
	inode->i_mapping->a_ops = &smallfs_aops;
}

static int __init init_smallfs(void)
{
	return register_filesystem(&smallfs_fs_type);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * The sources of a file system that lets its inodes' mappings hold large folios. Read by the fixtures
 * that say mmlint-filesystem: fs-large-folios.
 */
static struct file_system_type largefs_fs_type;

static void largefs_init_inode(struct inode *inode)
{
	inode->i_mapping->a_ops = &largefs_aops;
	mapping_set_large_folios(inode->i_mapping);
}

static int __init init_largefs(void)
{
	return register_filesystem(&largefs_fs_type);
}

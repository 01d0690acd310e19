/*
 * corpus: ce3313560c7e-ahash-walk-nth-page (before)
 * mmlint-kernel: 6.14
 * mmlint-config: CONFIG_SPARSEMEM=y CONFIG_SPARSEMEM_VMEMMAP=n CONFIG_HIGHMEM=y
 * source: github:perishh/linux-6.14@347b100ec1660714730b2ca3d7a35924461651a3:crypto/ahash.c
 */
static int hash_walk_new_entry(struct crypto_hash_walk *walk)
{
	struct scatterlist *sg;

	sg = walk->sg;
	walk->offset = sg->offset;
	walk->pg = sg_page(walk->sg) + (walk->offset >> PAGE_SHIFT); /* expect: MM001 */
	walk->offset = offset_in_page(walk->offset);
	walk->entrylen = sg->length;

	if (walk->entrylen > walk->total)
		walk->entrylen = walk->total;
	walk->total -= walk->entrylen;

	return hash_walk_next(walk);
}

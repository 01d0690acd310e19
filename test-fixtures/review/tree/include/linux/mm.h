/* SPDX-License-Identifier: GPL-2.0 */
/* mmlint review fixture: just enough of <linux/mm.h> for the fixture files */
#ifndef _LINUX_MM_H
#define _LINUX_MM_H
#include <linux/types.h>

struct address_space;
struct hstate;

struct page {
	unsigned long flags;
	union {
		struct {
			struct list_head lru;
			struct address_space *mapping;
			pgoff_t index;
			unsigned long private;
		};
		struct {
			unsigned long compound_head;
		};
	};
	atomic_t _mapcount;
	atomic_t _refcount;
};

struct folio {
	union {
		struct {
			unsigned long flags;
			struct list_head lru;
			struct address_space *mapping;
			pgoff_t index;
			void *private;
			atomic_t _mapcount;
			atomic_t _refcount;
		};
		struct page page;
	};
};

extern struct page *vmemmap;
#define pfn_to_page(pfn) (vmemmap + (pfn))
unsigned long page_to_pfn(const struct page *page);
#define nth_page(page, n) pfn_to_page(page_to_pfn((page)) + (n))
unsigned long _compound_head(const struct page *page);
#define compound_head(page) ((typeof(page))_compound_head(page))
#define page_folio(p) ((struct folio *)_compound_head(p))

#define FOLL_WRITE 0x01
#define PAGE_MAPPING_ANON 0x1

bool get_page_unless_zero(struct page *page);
void put_page(struct page *page);
bool folio_try_get(struct folio *folio);
void folio_put(struct folio *folio);
void set_page_count(struct page *page, int v);
void ClearPageReserved(struct page *page);
int get_user_pages_fast(unsigned long start, int nr_pages, unsigned int gup_flags, struct page **pages);
unsigned int pages_per_huge_page(const struct hstate *h);
int PageHuge(const struct page *page);
int PageTransHuge(const struct page *page);
int PageCompound(const struct page *page);
int thp_nr_pages(const struct page *page);
#endif

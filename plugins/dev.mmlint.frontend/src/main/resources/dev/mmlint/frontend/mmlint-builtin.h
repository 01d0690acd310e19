/*
 * mmlint-builtin.h - the kernel mm vocabulary for lone fragments (no kernel tree around them).
 *
 * Forced in before a fragment. Declares the types, constants, macros and prototypes a function
 * copied out of mm/ needs to get real types: struct page / struct folio with their real field
 * names, page-table entry types, locks, gfp flags, and the common mm API. Layouts follow Linux 6.12
 * (x86_64) closely enough for field and type resolution; sizes and bit positions are not promised.
 * No Kconfig is known beyond what the fragment states (mmlint-config:, defined by the front end):
 * IS_ENABLED(CONFIG_X) is 0 for the others in the first parse; a fragment that tests them is parsed
 * again with them defined to 1 (FragmentFrontend).
 *
 * A header named by the fragment itself (a stub in test-fixtures/include, a real kernel header)
 * that defines the same struct is skipped when it uses the kernel's include guard; the guards of
 * the headers this file stands in for are therefore defined here.
 */
#ifndef __MMLINT_BUILTIN_H
#define __MMLINT_BUILTIN_H

/* ---- compiler and annotation macros ---- */
#define __always_inline inline
#define noinline
#define __noinline
#define __maybe_unused
#define __always_unused
#define __used
#define __init
#define __exit
#define __meminit
#define __ref
#define __initdata
#define __refdata
#define __read_mostly
#define __ro_after_init
#define __weak
#define __cold
#define __hot
#define __pure
#define __must_check
#define __noreturn
#define __user
#define __kernel
#define __iomem
#define __percpu
#define __rcu
#define __force
#define __bitwise
#define __private
#define __safe
#define __nocast
#define __packed
#define __aligned(x)
#define __section(x)
#define __printf(a, b)
#define __scanf(a, b)
#define __acquires(x)
#define __releases(x)
#define __must_hold(x)
#define __acquire(x) (void)0
#define __release(x) (void)0
#define __cond_lock(x, c) (c)
#define __counted_by(m)
#define __nonstring
#define __randomize_layout
#define __no_randomize_layout
#define __cacheline_aligned
#define __cacheline_aligned_in_smp
#define ____cacheline_aligned
#define ____cacheline_aligned_in_smp
#define notrace
#define fallthrough do {} while (0)
#define asmlinkage
#define __visible
#define __latent_entropy
#define __assume_kmalloc_alignment
#define __malloc
#define __alloc_size(...)
#define __realloc_size(...)
#define __attribute_const__
#define __no_sanitize_address
#define __no_kcsan
#define __GFP_MAYBE_UNUSED
#define __inline inline
#define __inline__ inline
#define __seg_gs
#define __seg_fs
#define _Atomic
#define asm_inline asm
#define asm_volatile_goto(x...) asm volatile(x)
#define typeof_unqual(x) typeof(x)
#define __typeof_unqual__(x) typeof(x)
#define _Static_assert(e, ...) extern int __mmlint_static_assert[1]
#define static_assert(e, ...) extern int __mmlint_static_assert[1]

#define likely(x) __builtin_expect(!!(x), 1)
#define unlikely(x) __builtin_expect(!!(x), 0)
#define barrier() __asm__ __volatile__("" : : : "memory")
#define READ_ONCE(x) (*(const volatile typeof(x) *)&(x))
#define WRITE_ONCE(x, val) do { *(volatile typeof(x) *)&(x) = (val); } while (0)
#define data_race(expr) (expr)
#define smp_mb() barrier()
#define smp_rmb() barrier()
#define smp_wmb() barrier()
#define smp_mb__before_atomic() barrier()
#define smp_mb__after_atomic() barrier()
#define smp_load_acquire(p) READ_ONCE(*(p))
#define smp_store_release(p, v) WRITE_ONCE(*(p), v)
#define cpu_relax() barrier()

#define __stringify_1(x...) #x
#define __stringify(x...) __stringify_1(x)
#define ___PASTE(a, b) a##b
#define __PASTE(a, b) ___PASTE(a, b)
#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

/* Kconfig helpers (kconfig.h): nothing is configured in a fragment */
#define __ARG_PLACEHOLDER_1 0,
#define __take_second_arg(__ignored, val, ...) val
#define __is_defined(x) ___is_defined(x)
#define ___is_defined(val) ____is_defined(__ARG_PLACEHOLDER_##val)
#define ____is_defined(arg1_or_junk) __take_second_arg(arg1_or_junk 1, 0)
#define __or(x, y) ___or(x, y)
#define ___or(x, y) ____or(__ARG_PLACEHOLDER_##x, y)
#define ____or(arg1_or_junk, y) __take_second_arg(arg1_or_junk 1, y)
#define IS_BUILTIN(option) __is_defined(option)
#define IS_MODULE(option) __is_defined(option##_MODULE)
#define IS_REACHABLE(option) __or(IS_BUILTIN(option), IS_MODULE(option))
#define IS_ENABLED(option) __or(IS_BUILTIN(option), IS_MODULE(option))

/* ---- basic types ---- */
#define NULL ((void *)0)
typedef _Bool bool;
#define true 1
#define false 0
typedef signed char s8;
typedef unsigned char u8;
typedef signed short s16;
typedef unsigned short u16;
typedef signed int s32;
typedef unsigned int u32;
typedef signed long long s64;
typedef unsigned long long u64;
typedef s8 __s8;
typedef u8 __u8;
typedef s16 __s16;
typedef u16 __u16;
typedef s32 __s32;
typedef u32 __u32;
typedef s64 __s64;
typedef u64 __u64;
typedef u16 __le16;
typedef u32 __le32;
typedef u64 __le64;
typedef u16 __be16;
typedef u32 __be32;
typedef u64 __be64;
typedef unsigned long size_t;
typedef long ssize_t;
typedef long ptrdiff_t;
typedef unsigned long uintptr_t;
typedef long intptr_t;
typedef long long loff_t;
typedef long off_t;
typedef int pid_t;
typedef unsigned short umode_t;
typedef unsigned int fmode_t;
typedef unsigned int gfp_t;
typedef unsigned int slab_flags_t;
typedef unsigned int vm_fault_t;
typedef unsigned long pgoff_t;
typedef unsigned long vm_flags_t;
typedef u64 phys_addr_t;
typedef phys_addr_t resource_size_t;
typedef u64 dma_addr_t;
typedef unsigned long pteval_t;
typedef unsigned long pmdval_t;
typedef unsigned long pudval_t;
typedef unsigned long p4dval_t;
typedef unsigned long pgdval_t;
typedef unsigned long pgprotval_t;
typedef unsigned int isolate_mode_t;
typedef int rmap_t;
typedef unsigned long sector_t;
typedef u64 ktime_t;
typedef u32 dev_t;

#define offsetof(TYPE, MEMBER) __builtin_offsetof(TYPE, MEMBER)
#define container_of(ptr, type, member) ({ void *__mptr = (void *)(ptr); ((type *)(__mptr - offsetof(type, member))); })
#define container_of_const(ptr, type, member) container_of(ptr, type, member)
#define ARRAY_SIZE(arr) (sizeof(arr) / sizeof((arr)[0]))
#define BUILD_BUG_ON(cond) ((void)sizeof(char[1 - 2 * !!(cond)]))
#define BUILD_BUG_ON_ZERO(e) ((int)(sizeof(struct { int:(-!!(e)); })))
#define BUILD_BUG() do {} while (0)

#define min(x, y) ({ typeof(x) __x = (x); typeof(y) __y = (y); __x < __y ? __x : __y; })
#define max(x, y) ({ typeof(x) __x = (x); typeof(y) __y = (y); __x > __y ? __x : __y; })
#define min3(x, y, z) min((typeof(x))min(x, y), z)
#define max3(x, y, z) max((typeof(x))max(x, y), z)
#define min_t(type, x, y) ({ type __x = (x); type __y = (y); __x < __y ? __x : __y; })
#define max_t(type, x, y) ({ type __x = (x); type __y = (y); __x > __y ? __x : __y; })
#define umin(x, y) min(x, y)
#define umax(x, y) max(x, y)
#define clamp(val, lo, hi) min((typeof(val))max(val, lo), hi)
#define clamp_t(type, val, lo, hi) min_t(type, max_t(type, val, lo), hi)
#define swap(a, b) do { typeof(a) __tmp = (a); (a) = (b); (b) = __tmp; } while (0)
#define abs(x) ({ typeof(x) __x = (x); __x < 0 ? -__x : __x; })

#define BITS_PER_LONG 64
#define BITS_PER_BYTE 8
#define BIT(nr) (1UL << (nr))
#define BIT_ULL(nr) (1ULL << (nr))
#define GENMASK(h, l) (((~0UL) - (1UL << (l)) + 1) & (~0UL >> (BITS_PER_LONG - 1 - (h))))
#define __ALIGN_KERNEL_MASK(x, mask) (((x) + (mask)) & ~(mask))
#define ALIGN(x, a) __ALIGN_KERNEL_MASK(x, (typeof(x))(a) - 1)
#define ALIGN_DOWN(x, a) ALIGN((x) - ((a) - 1), (a))
#define IS_ALIGNED(x, a) (((x) & ((typeof(x))(a) - 1)) == 0)
#define PTR_ALIGN(p, a) ((typeof(p))ALIGN((unsigned long)(p), (a)))
#define DIV_ROUND_UP(n, d) (((n) + (d) - 1) / (d))
#define round_up(x, y) ((((x) - 1) | ((typeof(x))((y) - 1))) + 1)
#define round_down(x, y) ((x) & ~((typeof(x))((y) - 1)))
#define ULONG_MAX (~0UL)
#define LONG_MAX ((long)(~0UL >> 1))
#define LONG_MIN (-LONG_MAX - 1)
#define UINT_MAX (~0U)
#define INT_MAX ((int)(~0U >> 1))
#define INT_MIN (-INT_MAX - 1)
#define U8_MAX ((u8)~0U)
#define U16_MAX ((u16)~0U)
#define U32_MAX ((u32)~0U)
#define U64_MAX ((u64)~0ULL)
#define SIZE_MAX (~(size_t)0)

/* errno (asm-generic/errno-base.h, errno.h) */
#define EPERM 1
#define ENOENT 2
#define ESRCH 3
#define EINTR 4
#define EIO 5
#define ENXIO 6
#define E2BIG 7
#define ENOEXEC 8
#define EBADF 9
#define ECHILD 10
#define EAGAIN 11
#define ENOMEM 12
#define EACCES 13
#define EFAULT 14
#define ENOTBLK 15
#define EBUSY 16
#define EEXIST 17
#define EXDEV 18
#define ENODEV 19
#define ENOTDIR 20
#define EISDIR 21
#define EINVAL 22
#define ENFILE 23
#define EMFILE 24
#define ENOTTY 25
#define ETXTBSY 26
#define EFBIG 27
#define ENOSPC 28
#define ESPIPE 29
#define EROFS 30
#define EMLINK 31
#define EPIPE 32
#define EDOM 33
#define ERANGE 34
#define EDEADLK 35
#define ENAMETOOLONG 36
#define ENOLCK 37
#define ENOSYS 38
#define ENOTEMPTY 39
#define ELOOP 40
#define EWOULDBLOCK EAGAIN
#define ENODATA 61
#define ETIME 62
#define EOVERFLOW 75
#define EOPNOTSUPP 95
#define EADDRINUSE 98
#define ENOBUFS 105
#define ETIMEDOUT 110
#define EALREADY 114
#define EINPROGRESS 115
#define ECANCELED 125
#define EHWPOISON 133
#define ERESTARTSYS 512
#define ERESTARTNOINTR 513
#define ENOTSUPP 524
#define EBADTYPE 527

#define MAX_ERRNO 4095

/* ---- atomics, lists, locks ---- */
typedef struct { int counter; } atomic_t;
typedef struct { s64 counter; } atomic64_t;
typedef struct { long counter; } atomic_long_t;
typedef struct refcount_struct { atomic_t refs; } refcount_t;
struct kref { refcount_t refcount; };

struct list_head { struct list_head *next, *prev; };
struct hlist_head { struct hlist_node *first; };
struct hlist_node { struct hlist_node *next, **pprev; };
struct llist_node { struct llist_node *next; };
struct llist_head { struct llist_node *first; };
struct callback_head { struct callback_head *next; void (*func)(struct callback_head *head); };
#define rcu_head callback_head
struct rb_node { unsigned long __rb_parent_color; struct rb_node *rb_right; struct rb_node *rb_left; };
struct rb_root { struct rb_node *rb_node; };
struct rb_root_cached { struct rb_root rb_root; struct rb_node *rb_leftmost; };

typedef struct raw_spinlock { unsigned int raw_lock; } raw_spinlock_t;
typedef struct spinlock { union { struct raw_spinlock rlock; }; } spinlock_t;
typedef struct { unsigned int lock; } rwlock_t;
typedef struct seqcount { unsigned sequence; } seqcount_t;
typedef struct { seqcount_t seqcount; spinlock_t lock; } seqlock_t;
struct mutex { atomic_long_t owner; raw_spinlock_t wait_lock; struct list_head wait_list; };
struct rw_semaphore { atomic_long_t count; atomic_long_t owner; raw_spinlock_t wait_lock; struct list_head wait_list; };
struct completion { unsigned int done; };
struct wait_queue_head { spinlock_t lock; struct list_head head; };
typedef struct wait_queue_head wait_queue_head_t;
struct work_struct { atomic_long_t data; struct list_head entry; void (*func)(struct work_struct *work); };
struct timer_list { struct hlist_node entry; unsigned long expires; void (*function)(struct timer_list *); u32 flags; };
struct delayed_work { struct work_struct work; struct timer_list timer; int cpu; };
struct xarray { spinlock_t xa_lock; gfp_t xa_flags; void *xa_head; };
struct maple_tree { spinlock_t ma_lock; unsigned int ma_flags; void *ma_root; };
struct xa_state { struct xarray *xa; unsigned long xa_index; unsigned char xa_shift; unsigned char xa_sibs; unsigned char xa_offset; unsigned char xa_pad; void *xa_node; void *xa_alloc; void *xa_update; void *xa_lru; };
struct vma_iterator { struct { struct maple_tree *tree; unsigned long index; unsigned long last; } mas; };
typedef struct { unsigned long bits[16]; } nodemask_t;
struct cpumask { unsigned long bits[128]; };
typedef struct cpumask cpumask_t;

#define LIST_HEAD_INIT(name) { &(name), &(name) }
#define LIST_HEAD(name) struct list_head name = LIST_HEAD_INIT(name)
#define DEFINE_SPINLOCK(x) spinlock_t x
#define DEFINE_MUTEX(x) struct mutex x
#define DECLARE_RWSEM(x) struct rw_semaphore x
#define DEFINE_XARRAY(name) struct xarray name
#define XA_STATE(name, array, index) struct xa_state name = { .xa = array, .xa_index = index }
#define VMA_ITERATOR(name, __mm, __addr) struct vma_iterator name = { .mas = { .tree = 0, .index = __addr } }

#define list_entry(ptr, type, member) container_of(ptr, type, member)
#define list_first_entry(ptr, type, member) list_entry((ptr)->next, type, member)
#define list_last_entry(ptr, type, member) list_entry((ptr)->prev, type, member)
#define list_first_entry_or_null(ptr, type, member) ({ struct list_head *head__ = (ptr); struct list_head *pos__ = READ_ONCE(head__->next); pos__ != head__ ? list_entry(pos__, type, member) : NULL; })
#define list_next_entry(pos, member) list_entry((pos)->member.next, typeof(*(pos)), member)
#define list_prev_entry(pos, member) list_entry((pos)->member.prev, typeof(*(pos)), member)
#define list_entry_is_head(pos, head, member) (&pos->member == (head))
#define list_for_each(pos, head) for (pos = (head)->next; pos != (head); pos = pos->next)
#define list_for_each_safe(pos, n, head) for (pos = (head)->next, n = pos->next; pos != (head); pos = n, n = pos->next)
#define list_for_each_entry(pos, head, member) for (pos = list_first_entry(head, typeof(*pos), member); !list_entry_is_head(pos, head, member); pos = list_next_entry(pos, member))
#define list_for_each_entry_reverse(pos, head, member) for (pos = list_last_entry(head, typeof(*pos), member); !list_entry_is_head(pos, head, member); pos = list_prev_entry(pos, member))
#define list_for_each_entry_continue(pos, head, member) for (pos = list_next_entry(pos, member); !list_entry_is_head(pos, head, member); pos = list_next_entry(pos, member))
#define list_for_each_entry_from(pos, head, member) for (; !list_entry_is_head(pos, head, member); pos = list_next_entry(pos, member))
#define list_for_each_entry_safe(pos, n, head, member) for (pos = list_first_entry(head, typeof(*pos), member), n = list_next_entry(pos, member); !list_entry_is_head(pos, head, member); pos = n, n = list_next_entry(n, member))
#define list_for_each_entry_safe_reverse(pos, n, head, member) for (pos = list_last_entry(head, typeof(*pos), member), n = list_prev_entry(pos, member); !list_entry_is_head(pos, head, member); pos = n, n = list_prev_entry(n, member))
#define list_for_each_entry_rcu(pos, head, member, ...) list_for_each_entry(pos, head, member)
#define hlist_entry(ptr, type, member) container_of(ptr, type, member)
#define hlist_for_each_entry(pos, head, member) for (pos = hlist_entry((head)->first, typeof(*(pos)), member); pos; pos = hlist_entry((pos)->member.next, typeof(*(pos)), member))
#define hlist_for_each_entry_safe(pos, n, head, member) for (pos = hlist_entry((head)->first, typeof(*pos), member); pos && ({ n = pos->member.next; 1; }); pos = hlist_entry(n, typeof(*pos), member))
#define llist_for_each_entry_safe(pos, n, node, member) for (pos = container_of(node, typeof(*pos), member); &pos->member != NULL && (n = container_of(pos->member.next, typeof(*n), member), 1); pos = n)
#define xa_for_each(xa, index, entry) for (index = 0, entry = xa_find(xa, &index, ULONG_MAX, 0); entry; entry = xa_find_after(xa, &index, ULONG_MAX, 0))
#define xas_for_each(xas, entry, max) for (entry = xas_find(xas, max); entry; entry = xas_next_entry(xas, max))
#define xas_for_each_marked(xas, entry, max, mark) for (entry = xas_find_marked(xas, max, mark); entry; entry = xas_next_marked(xas, max, mark))
#define for_each_vma(__vmi, __vma) while (((__vma) = vma_next(&(__vmi))) != NULL)
#define for_each_vma_range(__vmi, __vma, __end) while (((__vma) = vma_find(&(__vmi), (__end))) != NULL)
#define MAX_NUMNODES 1024
#define NUMA_NO_NODE (-1)
#define NR_CPUS 8192
#define for_each_node(node) for ((node) = 0; (node) < MAX_NUMNODES; (node)++)
#define for_each_online_node(node) for_each_node(node)
#define for_each_node_state(node, state) for_each_node(node)
#define for_each_node_mask(node, mask) for_each_node(node)
#define for_each_possible_cpu(cpu) for ((cpu) = 0; (cpu) < NR_CPUS; (cpu)++)
#define for_each_online_cpu(cpu) for_each_possible_cpu(cpu)
#define for_each_present_cpu(cpu) for_each_possible_cpu(cpu)
#define for_each_cpu(cpu, mask) for_each_possible_cpu(cpu)
#define for_each_online_pgdat(pgdat) for (pgdat = first_online_pgdat(); pgdat; pgdat = next_online_pgdat(pgdat))
#define for_each_zone(zone) for (zone = (first_online_pgdat())->node_zones; zone; zone = next_zone(zone))
#define for_each_populated_zone(zone) for_each_zone(zone)
#define for_each_process(p) for (p = &init_task; (p = next_task(p)) != &init_task;)
#define do_each_thread(g, t) for (g = t = &init_task; (g = t = next_task(g)) != &init_task;) do
#define while_each_thread(g, t) while ((t = next_thread(t)) != g)
#define for_each_thread(p, t) list_for_each_entry_rcu(t, &(p)->signal->thread_head, thread_node)
#define for_each_process_thread(p, t) for_each_process(p) for_each_thread(p, t)
#define for_each_mem_cgroup_tree(iter, root) for (iter = mem_cgroup_iter(root, NULL, NULL); iter != NULL; iter = mem_cgroup_iter(root, iter, NULL))
#define for_each_hstate(h) for ((h) = hstates; (h) < &hstates[hugetlb_max_hstate]; (h)++)
#define for_each_sg(sglist, sg, nr, __i) for (__i = 0, sg = (sglist); __i < (nr); __i++, sg = sg_next(sg))

/* ---- page tables ---- */
typedef struct { pteval_t pte; } pte_t;
typedef struct { pmdval_t pmd; } pmd_t;
typedef struct { pudval_t pud; } pud_t;
typedef struct { p4dval_t p4d; } p4d_t;
typedef struct { pgdval_t pgd; } pgd_t;
typedef struct pgprot { pgprotval_t pgprot; } pgprot_t;
typedef struct { unsigned long val; } swp_entry_t;
typedef struct page *pgtable_t;
#define pte_val(x) ((x).pte)
#define pmd_val(x) ((x).pmd)
#define pud_val(x) ((x).pud)
#define p4d_val(x) ((x).p4d)
#define pgd_val(x) ((x).pgd)
#define pgprot_val(x) ((x).pgprot)
#define __pte(x) ((pte_t) { (x) })
#define __pmd(x) ((pmd_t) { (x) })
#define __pud(x) ((pud_t) { (x) })
#define __pgprot(x) ((pgprot_t) { (x) })

#define PAGE_SHIFT 12
#define PAGE_SIZE (1UL << PAGE_SHIFT)
#define PAGE_MASK (~(PAGE_SIZE - 1))
#define PAGE_ALIGN(addr) ALIGN(addr, PAGE_SIZE)
#define PAGE_ALIGNED(addr) IS_ALIGNED((unsigned long)(addr), PAGE_SIZE)
#define offset_in_page(p) ((unsigned long)(p) & ~PAGE_MASK)
#define PMD_SHIFT 21
#define PMD_SIZE (1UL << PMD_SHIFT)
#define PMD_MASK (~(PMD_SIZE - 1))
#define PUD_SHIFT 30
#define PUD_SIZE (1UL << PUD_SHIFT)
#define PUD_MASK (~(PUD_SIZE - 1))
#define P4D_SHIFT 39
#define PGDIR_SHIFT 39
#define PGDIR_SIZE (1UL << PGDIR_SHIFT)
#define PTRS_PER_PTE 512
#define PTRS_PER_PMD 512
#define PTRS_PER_PUD 512
#define HPAGE_SHIFT PMD_SHIFT
#define HPAGE_SIZE PMD_SIZE
#define HPAGE_MASK PMD_MASK
#define HPAGE_PMD_SHIFT PMD_SHIFT
#define HPAGE_PMD_ORDER (HPAGE_PMD_SHIFT - PAGE_SHIFT)
#define HPAGE_PMD_NR (1 << HPAGE_PMD_ORDER)
#define HPAGE_PMD_SIZE ((1UL) << HPAGE_PMD_SHIFT)
#define HPAGE_PMD_MASK (~(HPAGE_PMD_SIZE - 1))
#define HPAGE_PUD_SHIFT PUD_SHIFT
#define HPAGE_PUD_ORDER (HPAGE_PUD_SHIFT - PAGE_SHIFT)
#define HPAGE_PUD_NR (1 << HPAGE_PUD_ORDER)
#define HPAGE_PUD_SIZE ((1UL) << HPAGE_PUD_SHIFT)
#define MAX_PAGE_ORDER 10
#define MAX_ORDER MAX_PAGE_ORDER
#define NR_PAGE_ORDERS (MAX_PAGE_ORDER + 1)
#define MAX_ORDER_NR_PAGES (1 << MAX_PAGE_ORDER)
#define pageblock_order HPAGE_PMD_ORDER
#define pageblock_nr_pages (1UL << pageblock_order)
#define PAGE_KERNEL __pgprot(0x163)
#define PAGE_NONE __pgprot(0)
#define PFN_PHYS(x) ((phys_addr_t)(x) << PAGE_SHIFT)
#define PHYS_PFN(x) ((unsigned long)((x) >> PAGE_SHIFT))
#define PFN_UP(x) (((x) + PAGE_SIZE - 1) >> PAGE_SHIFT)
#define PFN_DOWN(x) ((x) >> PAGE_SHIFT)
#define __pa(x) ((unsigned long)(x))
#define __va(x) ((void *)(unsigned long)(x))

/* ---- struct page, struct folio ---- */
struct address_space;
struct anon_vma;
struct mem_cgroup;
struct dev_pagemap;
struct page_pool;
struct kmem_cache;
struct file;
struct inode;
struct task_struct;
struct vm_operations_struct;
struct mmu_gather;
struct zone;
struct lruvec;
struct hugepage_subpool;
struct hugetlb_cgroup;
struct pglist_data;
struct writeback_control;
struct scatterlist {
	union {
		unsigned long page_link;
		struct page *page; /* before 2.6.24 */
	};
	unsigned int offset;
	unsigned int length;
	dma_addr_t dma_address;
	unsigned int dma_length;
};
struct vfsmount;

struct page {
	unsigned long flags;
	union {
		struct {
			union {
				struct list_head lru;
				struct {
					void *__filler;
					unsigned int mlock_count;
				};
				struct list_head buddy_list;
				struct list_head pcp_list;
			};
			struct address_space *mapping;
			union {
				pgoff_t index;
				unsigned long share;
			};
			unsigned long private;
		};
		struct {
			unsigned long pp_magic;
			struct page_pool *pp;
			unsigned long _pp_mapping_pad;
			unsigned long dma_addr;
			atomic_long_t pp_ref_count;
		};
		struct {
			unsigned long compound_head;
			/* first tail page, kernels 4.5 to 5.x (folio fields later) */
			unsigned char compound_dtor;
			unsigned char compound_order;
			atomic_t compound_mapcount;
			atomic_t compound_pincount;
			unsigned int compound_nr;
		};
		struct {
			/* before 4.5: a tail page's head, and the compound destructor in page[1].lru.next */
			unsigned long __first_page_pad;
			struct page *first_page;
		};
		struct {
			struct dev_pagemap *pgmap;
			void *zone_device_data;
		};
		struct callback_head rcu_head;
	};
	union {
		unsigned int page_type;
		atomic_t _mapcount;
	};
	atomic_t _refcount;
	unsigned long memcg_data;
	void *virtual;
};

struct folio {
	union {
		struct {
			unsigned long flags;
			union {
				struct list_head lru;
				struct {
					void *__filler;
					unsigned int mlock_count;
				};
			};
			struct address_space *mapping;
			pgoff_t index;
			union {
				void *private;
				swp_entry_t swap;
			};
			atomic_t _mapcount;
			atomic_t _refcount;
			unsigned long memcg_data;
		};
		struct page page;
	};
	union {
		struct {
			unsigned long _flags_1;
			unsigned long _head_1;
			atomic_t _large_mapcount;
			atomic_t _entire_mapcount;
			atomic_t _nr_pages_mapped;
			atomic_t _pincount;
			unsigned int _folio_nr_pages;
		};
		struct page __page_1;
	};
	union {
		struct {
			unsigned long _flags_2;
			unsigned long _head_2;
			void *_hugetlb_subpool;
			void *_hugetlb_cgroup;
			void *_hugetlb_cgroup_rsvd;
			void *_hugetlb_hwpoison;
		};
		struct {
			unsigned long _flags_2a;
			unsigned long _head_2a;
			struct list_head _deferred_list;
		};
		struct page __page_2;
	};
};

struct ptdesc {
	unsigned long __page_flags;
	union {
		struct callback_head pt_rcu_head;
		struct list_head pt_list;
		struct { unsigned long _pt_pad_1; pgtable_t pmd_huge_pte; };
	};
	unsigned long __page_mapping;
	union { pgoff_t pt_index; struct mm_struct *pt_mm; atomic_t pt_frag_refcount; };
	union { unsigned long _pt_pad_2; spinlock_t ptl; };
	unsigned int __page_type;
	atomic_t __page_refcount;
};

struct page_vma_mapped_walk {
	struct page *page;		/* 4.11 .. 5.16: pfn and nr_pages replaced it in 5.17 */
	unsigned long pfn;
	unsigned long nr_pages;
	pgoff_t pgoff;
	struct vm_area_struct *vma;
	unsigned long address;
	pmd_t *pmd;
	pte_t *pte;
	spinlock_t *ptl;
	unsigned int flags;
};

struct folio_batch {
	unsigned char nr;
	unsigned char i;
	bool percpu_pvec_drained;
	struct folio *folios[31];
};

/* ---- address spaces, vmas, mm ---- */
struct address_space_operations {
	int (*writepage)(struct page *page, struct writeback_control *wbc);
	int (*read_folio)(struct file *, struct folio *);
	bool (*dirty_folio)(struct address_space *, struct folio *);
	void (*invalidate_folio)(struct folio *, size_t offset, size_t len);
	bool (*release_folio)(struct folio *, gfp_t);
	void (*free_folio)(struct folio *folio);
	int (*migrate_folio)(struct address_space *, struct folio *dst, struct folio *src, int mode);
	int (*launder_folio)(struct folio *);
	int (*error_remove_folio)(struct address_space *, struct folio *);
};

struct address_space {
	struct inode *host;
	struct xarray i_pages;
	struct rw_semaphore invalidate_lock;
	gfp_t gfp_mask;
	atomic_t i_mmap_writable;
	struct rb_root_cached i_mmap;
	unsigned long nrpages;
	pgoff_t writeback_index;
	const struct address_space_operations *a_ops;
	unsigned long flags;
	int wb_err;
	spinlock_t i_private_lock;
	struct list_head i_private_list;
	struct rw_semaphore i_mmap_rwsem;
	void *i_private_data;
};

struct inode {
	umode_t i_mode;
	unsigned int i_flags;
	struct address_space *i_mapping;
	unsigned long i_ino;
	loff_t i_size;
	spinlock_t i_lock;
	struct address_space i_data;
	void *i_private;
};

struct path { struct vfsmount *mnt; struct dentry *dentry; };
struct dentry { struct inode *d_inode; struct dentry *d_parent; };
struct file {
	struct path f_path;
	spinlock_t f_lock;
	fmode_t f_mode;
	unsigned int f_flags;
	struct address_space *f_mapping;
	struct inode *f_inode;
	loff_t f_pos;
	void *private_data;
	const struct file_operations *f_op;
};

struct vm_area_struct {
	union {
		struct {
			unsigned long vm_start;
			unsigned long vm_end;
		};
		struct callback_head vm_rcu;
	};
	struct mm_struct *vm_mm;
	pgprot_t vm_page_prot;
	union {
		const vm_flags_t vm_flags;
		vm_flags_t __vm_flags;
	};
	struct list_head anon_vma_chain;
	struct anon_vma *anon_vma;
	const struct vm_operations_struct *vm_ops;
	unsigned long vm_pgoff;
	struct file *vm_file;
	void *vm_private_data;
	struct { struct rb_node rb; unsigned long rb_subtree_last; } shared;
};

struct mm_struct {
	struct {
		struct maple_tree mm_mt;
		unsigned long mmap_base;
		unsigned long mmap_legacy_base;
		unsigned long task_size;
		pgd_t *pgd;
		atomic_t mm_users;
		atomic_t mm_count;
		atomic_long_t pgtables_bytes;
		int map_count;
		spinlock_t page_table_lock;
		union {
			struct rw_semaphore mmap_lock;
			struct rw_semaphore mmap_sem; /* before 5.8 */
		};
		struct list_head mmlist;
		unsigned long hiwater_rss;
		unsigned long hiwater_vm;
		unsigned long total_vm;
		unsigned long locked_vm;
		atomic64_t pinned_vm;
		unsigned long data_vm;
		unsigned long exec_vm;
		unsigned long stack_vm;
		unsigned long def_flags;
		seqcount_t write_protect_seq;
		spinlock_t arg_lock;
		unsigned long start_code, end_code, start_data, end_data;
		unsigned long start_brk, brk, start_stack;
		unsigned long arg_start, arg_end, env_start, env_end;
		struct task_struct *owner;
		struct file *exe_file;
		unsigned long flags;
		atomic_t tlb_flush_pending;
	};
	unsigned long cpu_bitmap[];
};

struct vm_operations_struct {
	void (*open)(struct vm_area_struct *area);
	void (*close)(struct vm_area_struct *area);
	int (*may_split)(struct vm_area_struct *area, unsigned long addr);
	vm_fault_t (*fault)(struct vm_fault *vmf);
	vm_fault_t (*huge_fault)(struct vm_fault *vmf, unsigned int order);
	vm_fault_t (*map_pages)(struct vm_fault *vmf, pgoff_t start_pgoff, pgoff_t end_pgoff);
	vm_fault_t (*page_mkwrite)(struct vm_fault *vmf);
	vm_fault_t (*pfn_mkwrite)(struct vm_fault *vmf);
	const char *(*name)(struct vm_area_struct *vma);
	struct page *(*find_special_page)(struct vm_area_struct *vma, unsigned long addr);
};

enum fault_flag {
	FAULT_FLAG_WRITE = 1 << 0,
	FAULT_FLAG_MKWRITE = 1 << 1,
	FAULT_FLAG_ALLOW_RETRY = 1 << 2,
	FAULT_FLAG_RETRY_NOWAIT = 1 << 3,
	FAULT_FLAG_KILLABLE = 1 << 4,
	FAULT_FLAG_TRIED = 1 << 5,
	FAULT_FLAG_USER = 1 << 6,
	FAULT_FLAG_REMOTE = 1 << 7,
	FAULT_FLAG_INSTRUCTION = 1 << 8,
	FAULT_FLAG_INTERRUPTIBLE = 1 << 9,
	FAULT_FLAG_UNSHARE = 1 << 10,
	FAULT_FLAG_ORIG_PTE_VALID = 1 << 11,
	FAULT_FLAG_VMA_LOCK = 1 << 12,
};

struct vm_fault {
	const struct {
		struct vm_area_struct *vma;
		gfp_t gfp_mask;
		pgoff_t pgoff;
		unsigned long address;
		unsigned long real_address;
	};
	enum fault_flag flags;
	pmd_t *pmd;
	pud_t *pud;
	union {
		pte_t orig_pte;
		pmd_t orig_pmd;
	};
	struct page *cow_page;
	struct page *page;
	pte_t *pte;
	spinlock_t *ptl;
	pgtable_t prealloc_pte;
};

struct anon_vma {
	struct anon_vma *root;
	struct rw_semaphore rwsem;
	atomic_t refcount;
	unsigned long num_children;
	unsigned long num_active_vmas;
	struct anon_vma *parent;
	struct rb_root_cached rb_root;
};

struct hstate {
	struct mutex resize_lock;
	struct lock_class_key *resize_key;
	int next_nid_to_alloc;
	int next_nid_to_free;
	unsigned int order;
	unsigned int demote_order;
	unsigned long mask;
	unsigned long max_huge_pages;
	unsigned long nr_huge_pages;
	unsigned long free_huge_pages;
	unsigned long resv_huge_pages;
	unsigned long surplus_huge_pages;
	unsigned long nr_overcommit_huge_pages;
	struct list_head hugepage_activelist;
	struct list_head hugepage_freelists[MAX_NUMNODES];
	unsigned int max_huge_pages_node[MAX_NUMNODES];
	unsigned int nr_huge_pages_node[MAX_NUMNODES];
	unsigned int free_huge_pages_node[MAX_NUMNODES];
	unsigned int surplus_huge_pages_node[MAX_NUMNODES];
	char name[32];
};
extern struct hstate hstates[];
extern int hugetlb_max_hstate;

struct zone {
	unsigned long _watermark[4];
	long lowmem_reserve[5];
	int node;
	struct pglist_data *zone_pgdat;
	unsigned long zone_start_pfn;
	atomic_long_t managed_pages;
	unsigned long spanned_pages;
	unsigned long present_pages;
	const char *name;
	spinlock_t lock;
	spinlock_t lru_lock; /* before 4.8 */
	unsigned long flags;
};
typedef struct pglist_data {
	struct zone node_zones[5];
	int nr_zones;
	unsigned long node_start_pfn;
	unsigned long node_present_pages;
	unsigned long node_spanned_pages;
	int node_id;
	spinlock_t lru_lock;
} pg_data_t;
struct lruvec { struct list_head lists[5]; spinlock_t lru_lock; };

struct task_struct {
	unsigned int __state;
	unsigned int flags;
	struct mm_struct *mm;
	struct mm_struct *active_mm;
	pid_t pid;
	pid_t tgid;
	char comm[16];
	struct task_struct *group_leader;
};
extern struct task_struct init_task;
struct task_struct *get_current(void);
#define current get_current()

struct rmap_walk_control {
	void *arg;
	bool try_lock;
	bool contended;
	bool (*rmap_one)(struct folio *folio, struct vm_area_struct *vma, unsigned long addr, void *arg);
	int (*done)(struct folio *folio);
	struct anon_vma *(*anon_lock)(struct folio *folio, struct rmap_walk_control *rwc);
	bool (*invalid_vma)(struct vm_area_struct *vma, void *arg);
};

/* ---- flags and constants ---- */
#define ___GFP_DMA 0x01u
#define ___GFP_HIGHMEM 0x02u
#define ___GFP_DMA32 0x04u
#define ___GFP_MOVABLE 0x08u
#define ___GFP_RECLAIMABLE 0x10u
#define ___GFP_HIGH 0x20u
#define ___GFP_IO 0x40u
#define ___GFP_FS 0x80u
#define ___GFP_ZERO 0x100u
#define ___GFP_DIRECT_RECLAIM 0x400u
#define ___GFP_KSWAPD_RECLAIM 0x800u
#define ___GFP_WRITE 0x1000u
#define ___GFP_NOWARN 0x2000u
#define ___GFP_RETRY_MAYFAIL 0x4000u
#define ___GFP_NOFAIL 0x8000u
#define ___GFP_NORETRY 0x10000u
#define ___GFP_MEMALLOC 0x20000u
#define ___GFP_COMP 0x40000u
#define ___GFP_NOMEMALLOC 0x80000u
#define ___GFP_HARDWALL 0x100000u
#define ___GFP_THISNODE 0x200000u
#define ___GFP_ACCOUNT 0x400000u
#define __GFP_DMA ((gfp_t)___GFP_DMA)
#define __GFP_HIGHMEM ((gfp_t)___GFP_HIGHMEM)
#define __GFP_DMA32 ((gfp_t)___GFP_DMA32)
#define __GFP_MOVABLE ((gfp_t)___GFP_MOVABLE)
#define __GFP_RECLAIMABLE ((gfp_t)___GFP_RECLAIMABLE)
#define __GFP_HIGH ((gfp_t)___GFP_HIGH)
#define __GFP_IO ((gfp_t)___GFP_IO)
#define __GFP_FS ((gfp_t)___GFP_FS)
#define __GFP_ZERO ((gfp_t)___GFP_ZERO)
#define __GFP_DIRECT_RECLAIM ((gfp_t)___GFP_DIRECT_RECLAIM)
#define __GFP_KSWAPD_RECLAIM ((gfp_t)___GFP_KSWAPD_RECLAIM)
#define __GFP_RECLAIM ((gfp_t)(___GFP_DIRECT_RECLAIM | ___GFP_KSWAPD_RECLAIM))
#define __GFP_WRITE ((gfp_t)___GFP_WRITE)
#define __GFP_NOWARN ((gfp_t)___GFP_NOWARN)
#define __GFP_RETRY_MAYFAIL ((gfp_t)___GFP_RETRY_MAYFAIL)
#define __GFP_NOFAIL ((gfp_t)___GFP_NOFAIL)
#define __GFP_NORETRY ((gfp_t)___GFP_NORETRY)
#define __GFP_MEMALLOC ((gfp_t)___GFP_MEMALLOC)
#define __GFP_COMP ((gfp_t)___GFP_COMP)
#define __GFP_NOMEMALLOC ((gfp_t)___GFP_NOMEMALLOC)
#define __GFP_HARDWALL ((gfp_t)___GFP_HARDWALL)
#define __GFP_THISNODE ((gfp_t)___GFP_THISNODE)
#define __GFP_ACCOUNT ((gfp_t)___GFP_ACCOUNT)
#define GFP_ATOMIC (__GFP_HIGH | __GFP_KSWAPD_RECLAIM)
#define GFP_KERNEL (__GFP_RECLAIM | __GFP_IO | __GFP_FS)
#define GFP_KERNEL_ACCOUNT (GFP_KERNEL | __GFP_ACCOUNT)
#define GFP_NOWAIT (__GFP_KSWAPD_RECLAIM | __GFP_NOWARN)
#define GFP_NOIO (__GFP_RECLAIM)
#define GFP_NOFS (__GFP_RECLAIM | __GFP_IO)
#define GFP_USER (__GFP_RECLAIM | __GFP_IO | __GFP_FS | __GFP_HARDWALL)
#define GFP_DMA __GFP_DMA
#define GFP_DMA32 __GFP_DMA32
#define GFP_HIGHUSER (GFP_USER | __GFP_HIGHMEM)
#define GFP_HIGHUSER_MOVABLE (GFP_HIGHUSER | __GFP_MOVABLE)
#define GFP_TRANSHUGE_LIGHT ((GFP_HIGHUSER_MOVABLE | __GFP_COMP | __GFP_NOMEMALLOC | __GFP_NOWARN) & ~__GFP_RECLAIM)
#define GFP_TRANSHUGE (GFP_TRANSHUGE_LIGHT | __GFP_DIRECT_RECLAIM)

#define VM_NONE 0x00000000UL
#define VM_READ 0x00000001UL
#define VM_WRITE 0x00000002UL
#define VM_EXEC 0x00000004UL
#define VM_SHARED 0x00000008UL
#define VM_MAYREAD 0x00000010UL
#define VM_MAYWRITE 0x00000020UL
#define VM_MAYEXEC 0x00000040UL
#define VM_MAYSHARE 0x00000080UL
#define VM_GROWSDOWN 0x00000100UL
#define VM_UFFD_MISSING 0x00000200UL
#define VM_PFNMAP 0x00000400UL
#define VM_UFFD_WP 0x00001000UL
#define VM_LOCKED 0x00002000UL
#define VM_IO 0x00004000UL
#define VM_SEQ_READ 0x00008000UL
#define VM_RAND_READ 0x00010000UL
#define VM_DONTCOPY 0x00020000UL
#define VM_DONTEXPAND 0x00040000UL
#define VM_LOCKONFAULT 0x00080000UL
#define VM_ACCOUNT 0x00100000UL
#define VM_NORESERVE 0x00200000UL
#define VM_HUGETLB 0x00400000UL
#define VM_SYNC 0x00800000UL
#define VM_WIPEONFORK 0x02000000UL
#define VM_DONTDUMP 0x04000000UL
#define VM_MIXEDMAP 0x10000000UL
#define VM_HUGEPAGE 0x20000000UL
#define VM_NOHUGEPAGE 0x40000000UL
#define VM_MERGEABLE 0x80000000UL

#define VM_FAULT_OOM ((vm_fault_t)0x000001)
#define VM_FAULT_SIGBUS ((vm_fault_t)0x000002)
#define VM_FAULT_MAJOR ((vm_fault_t)0x000004)
#define VM_FAULT_HWPOISON ((vm_fault_t)0x000010)
#define VM_FAULT_HWPOISON_LARGE ((vm_fault_t)0x000020)
#define VM_FAULT_SIGSEGV ((vm_fault_t)0x000040)
#define VM_FAULT_NOPAGE ((vm_fault_t)0x000100)
#define VM_FAULT_LOCKED ((vm_fault_t)0x000200)
#define VM_FAULT_RETRY ((vm_fault_t)0x000400)
#define VM_FAULT_FALLBACK ((vm_fault_t)0x000800)
#define VM_FAULT_DONE_COW ((vm_fault_t)0x001000)
#define VM_FAULT_NEEDDSYNC ((vm_fault_t)0x002000)
#define VM_FAULT_COMPLETED ((vm_fault_t)0x004000)
#define VM_FAULT_ERROR (VM_FAULT_OOM | VM_FAULT_SIGBUS | VM_FAULT_SIGSEGV | VM_FAULT_HWPOISON | VM_FAULT_HWPOISON_LARGE | VM_FAULT_FALLBACK)

enum {
	FOLL_WRITE = 1 << 0,
	FOLL_GET = 1 << 1,
	FOLL_DUMP = 1 << 2,
	FOLL_FORCE = 1 << 3,
	FOLL_NOWAIT = 1 << 4,
	FOLL_NOFAULT = 1 << 5,
	FOLL_HWPOISON = 1 << 6,
	FOLL_ANON = 1 << 7,
	FOLL_LONGTERM = 1 << 8,
	FOLL_SPLIT_PMD = 1 << 9,
	FOLL_PCI_P2PDMA = 1 << 10,
	FOLL_INTERRUPTIBLE = 1 << 11,
	FOLL_HONOR_NUMA_FAULT = 1 << 12,
	FOLL_PIN = 1 << 13,
	FOLL_FAST_ONLY = 1 << 14,
	FOLL_TOUCH = 1 << 15,
	FOLL_TRIED = 1 << 16,
	FOLL_REMOTE = 1 << 17,
	FOLL_UNLOCKABLE = 1 << 18,
	FOLL_MADV_POPULATE = 1 << 19,
};
#define GUP_PIN_COUNTING_BIAS (1U << 10)

enum ttu_flags { TTU_SPLIT_HUGE_PMD = 0x4, TTU_IGNORE_MLOCK = 0x8, TTU_SYNC = 0x10, TTU_HWPOISON = 0x20, TTU_BATCH_FLUSH = 0x40, TTU_RMAP_LOCKED = 0x80,
	/* older kernels */
	TTU_UNMAP = 0x1, TTU_MIGRATION = 0x2, TTU_MUNLOCK = 0x100, TTU_LZFREE = 0x200, TTU_IGNORE_ACCESS = 0x400,
	TTU_IGNORE_HWPOISON = 0x800, TTU_SPLIT_FREEZE = 0x1000 };
/* try_to_unmap() results before 4.13 */
#define SWAP_SUCCESS 0
#define SWAP_AGAIN 1
#define SWAP_FAIL 2
#define SWAP_MLOCK 3
#define SWAP_LZFREE 4
enum migrate_mode { MIGRATE_ASYNC, MIGRATE_SYNC_LIGHT, MIGRATE_SYNC };
enum zone_type { ZONE_DMA, ZONE_DMA32, ZONE_NORMAL, ZONE_MOVABLE, ZONE_DEVICE, __MAX_NR_ZONES };
enum lru_list { LRU_INACTIVE_ANON, LRU_ACTIVE_ANON, LRU_INACTIVE_FILE, LRU_ACTIVE_FILE, LRU_UNEVICTABLE, NR_LRU_LISTS };
enum node_states { N_POSSIBLE, N_ONLINE, N_NORMAL_MEMORY, N_HIGH_MEMORY, N_MEMORY, N_CPU, N_GENERIC_INITIATOR, NR_NODE_STATES };
#define RMAP_NONE ((rmap_t)0)
#define RMAP_EXCLUSIVE ((rmap_t)1 << 0)
#define RMAP_COMPOUND ((rmap_t)1 << 1)

/* ---- assertions and messages ---- */
void __mmlint_bug(void) __attribute__((noreturn));
int __mmlint_warn(int cond);
#define BUG() __mmlint_bug()
#define BUG_ON(condition) do { if (unlikely(condition)) BUG(); } while (0)
#define WARN_ON(condition) ({ int __ret_warn_on = !!(condition); unlikely(__ret_warn_on); })
#define WARN_ON_ONCE(condition) WARN_ON(condition)
#define WARN(condition, format...) ({ int __ret_warn_on = !!(condition); unlikely(__ret_warn_on); })
#define WARN_ONCE(condition, format...) WARN(condition, format)
#define WARN_ON_SMP(x) WARN_ON(x)
#define VM_BUG_ON(cond) BUG_ON(cond)
#define VM_BUG_ON_PAGE(cond, page) BUG_ON(cond)
#define VM_BUG_ON_FOLIO(cond, folio) BUG_ON(cond)
#define VM_BUG_ON_VMA(cond, vma) BUG_ON(cond)
#define VM_BUG_ON_MM(cond, mm) BUG_ON(cond)
#define VM_WARN_ON(cond) (void)WARN_ON(cond)
#define VM_WARN_ON_ONCE(cond) (void)WARN_ON_ONCE(cond)
#define VM_WARN_ONCE(cond, format...) (void)WARN_ONCE(cond, format)
#define VM_WARN(cond, format...) (void)WARN(cond, format)
#define VM_WARN_ON_PAGE(cond, page) (void)WARN_ON(cond)
#define VM_WARN_ON_ONCE_PAGE(cond, page) WARN_ON_ONCE(cond)
#define VM_WARN_ON_FOLIO(cond, folio) (void)WARN_ON(cond)
#define VM_WARN_ON_ONCE_FOLIO(cond, folio) WARN_ON_ONCE(cond)
#define VM_WARN_ON_ONCE_MM(cond, mm) WARN_ON_ONCE(cond)
#define VM_WARN_ON_VMA(cond, vma) (void)WARN_ON(cond)
#define VM_BUG_ON_PGFLAGS(cond, page) BUG_ON(cond)
int printk(const char *fmt, ...);
#define KERN_SOH "\001"
#define KERN_EMERG KERN_SOH "0"
#define KERN_ALERT KERN_SOH "1"
#define KERN_CRIT KERN_SOH "2"
#define KERN_ERR KERN_SOH "3"
#define KERN_WARNING KERN_SOH "4"
#define KERN_NOTICE KERN_SOH "5"
#define KERN_INFO KERN_SOH "6"
#define KERN_DEBUG KERN_SOH "7"
#define KERN_CONT KERN_SOH "c"
#define pr_emerg(fmt, ...) printk(fmt, ##__VA_ARGS__)
#define pr_alert(fmt, ...) printk(fmt, ##__VA_ARGS__)
#define pr_crit(fmt, ...) printk(fmt, ##__VA_ARGS__)
#define pr_err(fmt, ...) printk(fmt, ##__VA_ARGS__)
#define pr_warn(fmt, ...) printk(fmt, ##__VA_ARGS__)
#define pr_warn_once(fmt, ...) printk(fmt, ##__VA_ARGS__)
#define pr_warn_ratelimited(fmt, ...) printk(fmt, ##__VA_ARGS__)
#define pr_notice(fmt, ...) printk(fmt, ##__VA_ARGS__)
#define pr_info(fmt, ...) printk(fmt, ##__VA_ARGS__)
#define pr_info_once(fmt, ...) printk(fmt, ##__VA_ARGS__)
#define pr_debug(fmt, ...) printk(fmt, ##__VA_ARGS__)
#define pr_cont(fmt, ...) printk(fmt, ##__VA_ARGS__)
#define lockdep_assert_held(l) do { (void)(l); } while (0)
#define lockdep_assert_held_write(l) do { (void)(l); } while (0)
#define lockdep_assert_held_read(l) do { (void)(l); } while (0)
#define lockdep_assert_not_held(l) do { (void)(l); } while (0)
#define lockdep_assert_irqs_disabled() do { } while (0)
#define might_sleep() do { } while (0)
#define might_sleep_if(cond) do { } while (0)
#define might_lock(l) do { (void)(l); } while (0)
#define might_lock_read(l) do { (void)(l); } while (0)
#define EXPORT_SYMBOL(sym) extern typeof(sym) sym
#define EXPORT_SYMBOL_GPL(sym) extern typeof(sym) sym
#define EXPORT_SYMBOL_NS(sym, ns) extern typeof(sym) sym
#define EXPORT_SYMBOL_NS_GPL(sym, ns) extern typeof(sym) sym
#define ALLOW_ERROR_INJECTION(fname, type) extern int __mmlint_error_injection
#define static_branch_likely(x) likely(static_key_enabled(x))
#define static_branch_unlikely(x) unlikely(static_key_enabled(x))
#define DEFINE_STATIC_KEY_FALSE(name) struct static_key_false name
#define DEFINE_STATIC_KEY_TRUE(name) struct static_key_true name
struct static_key { atomic_t enabled; };
struct static_key_false { struct static_key key; };
struct static_key_true { struct static_key key; };
bool static_key_enabled(const void *key);
#define rcu_dereference(p) (p)
#define rcu_dereference_protected(p, c) (p)
#define rcu_dereference_raw(p) (p)
#define rcu_access_pointer(p) (p)
#define rcu_assign_pointer(p, v) do { (p) = (v); } while (0)
#define RCU_INIT_POINTER(p, v) do { (p) = (v); } while (0)
#define spin_lock_irqsave(lock, flags) do { (flags) = 0; spin_lock(lock); } while (0)
#define spin_unlock_irqrestore(lock, flags) do { (void)(flags); spin_unlock(lock); } while (0)
#define raw_spin_lock_irqsave(lock, flags) do { (flags) = 0; raw_spin_lock(lock); } while (0)
#define raw_spin_unlock_irqrestore(lock, flags) do { (void)(flags); raw_spin_unlock(lock); } while (0)
#define local_irq_save(flags) do { (flags) = 0; } while (0)
#define local_irq_restore(flags) do { (void)(flags); } while (0)
#define xa_lock_irqsave(xa, flags) spin_lock_irqsave(&(xa)->xa_lock, flags)
#define xa_unlock_irqrestore(xa, flags) spin_unlock_irqrestore(&(xa)->xa_lock, flags)
#define xas_lock_irq(xas) spin_lock_irq(&(xas)->xa->xa_lock)
#define xas_unlock_irq(xas) spin_unlock_irq(&(xas)->xa->xa_lock)
#define xas_lock(xas) spin_lock(&(xas)->xa->xa_lock)
#define xas_unlock(xas) spin_unlock(&(xas)->xa->xa_lock)
#define get_cpu_var(var) (var)
#define put_cpu_var(var) do { } while (0)
#define this_cpu_ptr(ptr) (ptr)
#define per_cpu_ptr(ptr, cpu) (ptr)
#define raw_cpu_ptr(ptr) (ptr)
#define per_cpu(var, cpu) (var)
#define this_cpu_read(pcp) (pcp)
#define this_cpu_inc(pcp) ((pcp)++)
#define this_cpu_dec(pcp) ((pcp)--)
#define this_cpu_add(pcp, v) ((pcp) += (v))
#define DEFINE_PER_CPU(type, name) type name
#define DECLARE_PER_CPU(type, name) extern type name

/* ---- prototypes: locks, memory ---- */
void spin_lock(spinlock_t *lock);
void spin_unlock(spinlock_t *lock);
int spin_trylock(spinlock_t *lock);
void spin_lock_irq(spinlock_t *lock);
void spin_unlock_irq(spinlock_t *lock);
void spin_lock_bh(spinlock_t *lock);
void spin_unlock_bh(spinlock_t *lock);
int spin_is_locked(spinlock_t *lock);
void spin_lock_init(spinlock_t *lock);
void raw_spin_lock(raw_spinlock_t *lock);
void raw_spin_unlock(raw_spinlock_t *lock);
void mutex_lock(struct mutex *lock);
void mutex_unlock(struct mutex *lock);
int mutex_trylock(struct mutex *lock);
int mutex_lock_interruptible(struct mutex *lock);
int mutex_is_locked(struct mutex *lock);
void down_read(struct rw_semaphore *sem);
void up_read(struct rw_semaphore *sem);
void down_write(struct rw_semaphore *sem);
void up_write(struct rw_semaphore *sem);
int down_read_trylock(struct rw_semaphore *sem);
int down_write_trylock(struct rw_semaphore *sem);
void rcu_read_lock(void);
void rcu_read_unlock(void);
void synchronize_rcu(void);
void call_rcu(struct callback_head *head, void (*func)(struct callback_head *head));
void local_irq_disable(void);
void local_irq_enable(void);
void preempt_disable(void);
void preempt_enable(void);
void cond_resched(void);
int fatal_signal_pending(struct task_struct *p);
int signal_pending(struct task_struct *p);
int in_interrupt(void);
int in_atomic(void);
int smp_processor_id(void);
int numa_node_id(void);
void mmap_read_lock(struct mm_struct *mm);
int mmap_read_lock_killable(struct mm_struct *mm);
bool mmap_read_trylock(struct mm_struct *mm);
void mmap_read_unlock(struct mm_struct *mm);
void mmap_write_lock(struct mm_struct *mm);
int mmap_write_lock_killable(struct mm_struct *mm);
void mmap_write_unlock(struct mm_struct *mm);
void mmap_write_downgrade(struct mm_struct *mm);
void mmap_assert_locked(const struct mm_struct *mm);
void mmap_assert_write_locked(const struct mm_struct *mm);
void vma_start_write(struct vm_area_struct *vma);
void vma_assert_write_locked(struct vm_area_struct *vma);
struct vm_area_struct *lock_vma_under_rcu(struct mm_struct *mm, unsigned long address);
void vma_end_read(struct vm_area_struct *vma);
void mmget(struct mm_struct *mm);
bool mmget_not_zero(struct mm_struct *mm);
void mmput(struct mm_struct *mm);
void mmgrab(struct mm_struct *mm);
void mmdrop(struct mm_struct *mm);

void *memset(void *s, int c, size_t n);
void *memcpy(void *dst, const void *src, size_t n);
void *memmove(void *dst, const void *src, size_t n);
int memcmp(const void *a, const void *b, size_t n);
size_t strlen(const char *s);
int strcmp(const char *a, const char *b);
char *strcpy(char *dst, const char *src);
size_t strscpy(char *dst, const char *src, size_t n);
int sprintf(char *buf, const char *fmt, ...);
int snprintf(char *buf, size_t size, const char *fmt, ...);
int scnprintf(char *buf, size_t size, const char *fmt, ...);
int sysfs_emit(char *buf, const char *fmt, ...);
int kstrtoul(const char *s, unsigned int base, unsigned long *res);
int kstrtoint(const char *s, unsigned int base, int *res);
int kstrtobool(const char *s, bool *res);
unsigned long copy_from_user(void *to, const void __user *from, unsigned long n);
unsigned long copy_to_user(void __user *to, const void *from, unsigned long n);
void *kmalloc(size_t size, gfp_t flags);
void *kzalloc(size_t size, gfp_t flags);
void *kcalloc(size_t n, size_t size, gfp_t flags);
void *kmalloc_array(size_t n, size_t size, gfp_t flags);
void *krealloc(const void *p, size_t new_size, gfp_t flags);
void *kvmalloc(size_t size, gfp_t flags);
void *kvzalloc(size_t size, gfp_t flags);
void *kvcalloc(size_t n, size_t size, gfp_t flags);
void *kvmalloc_array(size_t n, size_t size, gfp_t flags);
void kfree(const void *p);
void kvfree(const void *p);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags);
void *kmem_cache_zalloc(struct kmem_cache *s, gfp_t flags);
void kmem_cache_free(struct kmem_cache *s, void *p);
void *vmalloc(unsigned long size);
void *vzalloc(unsigned long size);
void vfree(const void *addr);
void *vmap(struct page **pages, unsigned int count, unsigned long flags, pgprot_t prot);
void vunmap(const void *addr);
void *kmap(struct page *page);
void kunmap(struct page *page);
void *kmap_local_page(struct page *page);
void *kmap_local_folio(struct folio *folio, size_t offset);
void *kmap_atomic(struct page *page);
void kunmap_atomic(void *addr);
void kunmap_local(const void *addr);
void flush_dcache_page(struct page *page);
void flush_dcache_folio(struct folio *folio);
void flush_cache_page(struct vm_area_struct *vma, unsigned long addr, unsigned long pfn);
void flush_tlb_range(struct vm_area_struct *vma, unsigned long start, unsigned long end);
void flush_tlb_page(struct vm_area_struct *vma, unsigned long addr);
void clear_page(void *page);
void copy_page(void *to, void *from);
void clear_highpage(struct page *page);
void copy_highpage(struct page *to, struct page *from);
void folio_zero_range(struct folio *folio, size_t start, size_t length);
int copy_mc_user_highpage(struct page *to, struct page *from, unsigned long vaddr, struct vm_area_struct *vma);

static inline void *ERR_PTR(long error) { return (void *)error; }
static inline long PTR_ERR(const void *ptr) { return (long)ptr; }
static inline bool IS_ERR(const void *ptr) { return (unsigned long)ptr >= (unsigned long)-MAX_ERRNO; }
static inline bool IS_ERR_OR_NULL(const void *ptr) { return !ptr || IS_ERR(ptr); }
static inline void *ERR_CAST(const void *ptr) { return (void *)ptr; }
static inline int PTR_ERR_OR_ZERO(const void *ptr) { return IS_ERR(ptr) ? (int)PTR_ERR(ptr) : 0; }
int atomic_read(const atomic_t *v);
void atomic_set(atomic_t *v, int i);
void atomic_inc(atomic_t *v);
void atomic_dec(atomic_t *v);
void atomic_add(int i, atomic_t *v);
void atomic_sub(int i, atomic_t *v);
int atomic_inc_return(atomic_t *v);
int atomic_dec_return(atomic_t *v);
int atomic_add_return(int i, atomic_t *v);
int atomic_sub_return(int i, atomic_t *v);
bool atomic_dec_and_test(atomic_t *v);
bool atomic_inc_and_test(atomic_t *v);
bool atomic_add_unless(atomic_t *v, int a, int u);
bool atomic_inc_not_zero(atomic_t *v);
int atomic_cmpxchg(atomic_t *v, int old, int new);
long atomic_long_read(const atomic_long_t *v);
void atomic_long_set(atomic_long_t *v, long i);
void atomic_long_inc(atomic_long_t *v);
void atomic_long_dec(atomic_long_t *v);
void atomic_long_add(long i, atomic_long_t *v);
void atomic_long_sub(long i, atomic_long_t *v);
s64 atomic64_read(const atomic64_t *v);
void atomic64_add(s64 i, atomic64_t *v);
void atomic64_sub(s64 i, atomic64_t *v);
bool test_bit(long nr, const volatile unsigned long *addr);
void set_bit(long nr, volatile unsigned long *addr);
void clear_bit(long nr, volatile unsigned long *addr);
bool test_and_set_bit(long nr, volatile unsigned long *addr);
bool test_and_clear_bit(long nr, volatile unsigned long *addr);
void __set_bit(long nr, volatile unsigned long *addr);
void __clear_bit(long nr, volatile unsigned long *addr);
unsigned long find_first_bit(const unsigned long *addr, unsigned long size);
unsigned long find_next_bit(const unsigned long *addr, unsigned long size, unsigned long offset);
int ilog2(unsigned long n);
int fls(unsigned int x);
int fls_long(unsigned long x);
int ffs(int x);
unsigned long __ffs(unsigned long x);
int order_base_2(unsigned long n);
bool is_power_of_2(unsigned long n);
unsigned long roundup_pow_of_two(unsigned long n);
unsigned long rounddown_pow_of_two(unsigned long n);

void INIT_LIST_HEAD(struct list_head *list);
void list_add(struct list_head *new, struct list_head *head);
void list_add_tail(struct list_head *new, struct list_head *head);
void list_del(struct list_head *entry);
void list_del_init(struct list_head *entry);
void list_move(struct list_head *list, struct list_head *head);
void list_move_tail(struct list_head *list, struct list_head *head);
int list_empty(const struct list_head *head);
void list_splice(const struct list_head *list, struct list_head *head);
void list_splice_init(struct list_head *list, struct list_head *head);
void list_splice_tail(struct list_head *list, struct list_head *head);
void list_splice_tail_init(struct list_head *list, struct list_head *head);
int list_is_singular(const struct list_head *head);
void list_add_rcu(struct list_head *new, struct list_head *head);
void list_del_rcu(struct list_head *entry);
void hlist_add_head(struct hlist_node *n, struct hlist_head *h);
void hlist_del(struct hlist_node *n);
void hlist_del_init(struct hlist_node *n);
int hlist_unhashed(const struct hlist_node *h);
void *xa_load(struct xarray *xa, unsigned long index);
void *xa_store(struct xarray *xa, unsigned long index, void *entry, gfp_t gfp);
void *xa_erase(struct xarray *xa, unsigned long index);
void *xa_find(struct xarray *xa, unsigned long *index, unsigned long max, unsigned int filter);
void *xa_find_after(struct xarray *xa, unsigned long *index, unsigned long max, unsigned int filter);
bool xa_is_value(const void *entry);
bool xa_is_err(const void *entry);
int xa_err(void *entry);
void *xas_load(struct xa_state *xas);
void *xas_store(struct xa_state *xas, void *entry);
void *xas_find(struct xa_state *xas, unsigned long max);
void *xas_next_entry(struct xa_state *xas, unsigned long max);
typedef unsigned int xa_mark_t;
void *xas_find_marked(struct xa_state *xas, unsigned long max, xa_mark_t mark);
void *xas_next_marked(struct xa_state *xas, unsigned long max, xa_mark_t mark);
struct page *find_subpage(struct page *head, unsigned long index);
void xas_set(struct xa_state *xas, unsigned long index);
bool xas_retry(struct xa_state *xas, const void *entry);
void *xas_reload(struct xa_state *xas);
bool xas_nomem(struct xa_state *xas, gfp_t gfp);
int xas_error(const struct xa_state *xas);
struct vm_area_struct *vma_next(struct vma_iterator *vmi);
struct vm_area_struct *vma_prev(struct vma_iterator *vmi);
struct vm_area_struct *vma_find(struct vma_iterator *vmi, unsigned long max);
struct scatterlist *sg_next(struct scatterlist *sg);
struct page *sg_page(struct scatterlist *sg);

/* ---- struct page / folio API ---- */
extern struct page *vmemmap;
extern unsigned long max_mapnr;
#define pfn_to_page(pfn) (vmemmap + (pfn))
#define page_to_pfn(page) (unsigned long)((page) - vmemmap)
#define __pfn_to_page(pfn) pfn_to_page(pfn)
#define __page_to_pfn(page) page_to_pfn(page)
#define nth_page(page, n) ((page) + (n))
#define folio_page(folio, n) nth_page(&(folio)->page, n)
#define page_folio(p) ((struct folio *)_compound_head(p))
#define folio_pfn(folio) page_to_pfn(&(folio)->page)
#define virt_to_page(kaddr) pfn_to_page(__pa(kaddr) >> PAGE_SHIFT)
#define virt_to_folio(kaddr) page_folio(virt_to_page(kaddr))
#define phys_to_page(phys) pfn_to_page(PHYS_PFN(phys))
#define page_to_phys(page) PFN_PHYS(page_to_pfn(page))
#define page_address(page) ((void *)__va(page_to_phys(page)))
#define lowmem_page_address(page) page_address(page)
#define PG_head_mask (1UL << PG_head)
#define compound_head(page) ((typeof(page))_compound_head(page))
#define page_private(page) ((page)->private)
#define folio_get_private(folio) ((folio)->private)
#define page_zonenum(page) ((enum zone_type)(((page)->flags >> 60) & 7))
#define page_ref_count(page) atomic_read(&(page)->_refcount)
#define folio_ref_count(folio) page_ref_count(&(folio)->page)
bool pfn_valid(unsigned long pfn);
struct page *pfn_to_online_page(unsigned long pfn);
unsigned long _compound_head(const struct page *page);
struct folio *pfn_folio(unsigned long pfn);

enum pageflags {
	PG_locked, PG_writeback, PG_referenced, PG_uptodate, PG_dirty, PG_lru, PG_head,
	PG_waiters, PG_active, PG_workingset, PG_owner_priv_1, PG_owner_2, PG_arch_1,
	PG_reserved, PG_private, PG_private_2, PG_reclaim, PG_swapbacked, PG_unevictable,
	PG_mlocked, PG_uncached, PG_hwpoison, PG_young, PG_idle, PG_arch_2, PG_arch_3,
	__NR_PAGEFLAGS,
	PG_readahead = PG_reclaim, PG_anon_exclusive = PG_owner_2,
	PG_swapcache = PG_owner_priv_1, PG_checked = PG_owner_priv_1, PG_fscache = PG_private_2,
	PG_pinned = PG_owner_priv_1, PG_savepinned = PG_dirty, PG_foreign = PG_owner_priv_1,
	PG_xen_remapped = PG_owner_priv_1, PG_isolated = PG_reclaim, PG_reported = PG_uptodate,
	PG_has_hwpoisoned = PG_active, PG_large_rmappable = PG_workingset, PG_partially_mapped = PG_reclaim,
	PG_dropable = PG_owner_2, PG_mappedtodisk = PG_owner_2,
};
#define NR_PAGEFLAGS __NR_PAGEFLAGS
#define PAGE_MAPPING_ANON 0x1
#define PAGE_MAPPING_MOVABLE 0x2
#define PAGE_MAPPING_KSM (PAGE_MAPPING_ANON | PAGE_MAPPING_MOVABLE)
#define PAGE_MAPPING_FLAGS (PAGE_MAPPING_ANON | PAGE_MAPPING_MOVABLE)

/* page flag tests: the kernel generates these with PAGEFLAG() macros */
#define MMLINT_PAGEFLAG(uname, lname) \
	bool Page##uname(const struct page *page); void SetPage##uname(struct page *page); \
	void ClearPage##uname(struct page *page); void __SetPage##uname(struct page *page); \
	void __ClearPage##uname(struct page *page); int TestSetPage##uname(struct page *page); \
	int TestClearPage##uname(struct page *page); \
	bool folio_test_##lname(const struct folio *folio); void folio_set_##lname(struct folio *folio); \
	void folio_clear_##lname(struct folio *folio); void __folio_set_##lname(struct folio *folio); \
	void __folio_clear_##lname(struct folio *folio); bool folio_test_set_##lname(struct folio *folio); \
	bool folio_test_clear_##lname(struct folio *folio);
MMLINT_PAGEFLAG(Locked, locked)
MMLINT_PAGEFLAG(Writeback, writeback)
MMLINT_PAGEFLAG(Referenced, referenced)
MMLINT_PAGEFLAG(Uptodate, uptodate)
MMLINT_PAGEFLAG(Dirty, dirty)
MMLINT_PAGEFLAG(LRU, lru)
MMLINT_PAGEFLAG(Head, head)
MMLINT_PAGEFLAG(Waiters, waiters)
MMLINT_PAGEFLAG(Active, active)
MMLINT_PAGEFLAG(Workingset, workingset)
MMLINT_PAGEFLAG(Reserved, reserved)
MMLINT_PAGEFLAG(Private, private)
MMLINT_PAGEFLAG(Private2, private_2)
MMLINT_PAGEFLAG(Reclaim, reclaim)
MMLINT_PAGEFLAG(Readahead, readahead)
MMLINT_PAGEFLAG(SwapBacked, swapbacked)
MMLINT_PAGEFLAG(Unevictable, unevictable)
MMLINT_PAGEFLAG(Mlocked, mlocked)
MMLINT_PAGEFLAG(HWPoison, hwpoison)
MMLINT_PAGEFLAG(Young, young)
MMLINT_PAGEFLAG(Idle, idle)
MMLINT_PAGEFLAG(SwapCache, swapcache)
MMLINT_PAGEFLAG(Checked, checked)
MMLINT_PAGEFLAG(Isolated, isolated)
MMLINT_PAGEFLAG(Reported, reported)
MMLINT_PAGEFLAG(MappedToDisk, mappedtodisk)
MMLINT_PAGEFLAG(AnonExclusive, anon_exclusive)
MMLINT_PAGEFLAG(HasHWPoisoned, has_hwpoisoned)
MMLINT_PAGEFLAG(LargeRmappable, large_rmappable)
MMLINT_PAGEFLAG(PartiallyMapped, partially_mapped)
MMLINT_PAGEFLAG(Buddy, buddy)
MMLINT_PAGEFLAG(Offline, offline)
MMLINT_PAGEFLAG(Table, pgtable)
MMLINT_PAGEFLAG(Guard, guard)
MMLINT_PAGEFLAG(Slab, slab)
MMLINT_PAGEFLAG(Zsmalloc, zsmalloc)
MMLINT_PAGEFLAG(Unaccepted, unaccepted)
MMLINT_PAGEFLAG(Hugetlb, hugetlb)
MMLINT_PAGEFLAG(Ksm, ksm)
MMLINT_PAGEFLAG(Movable, movable)
MMLINT_PAGEFLAG(Anon, anon)
MMLINT_PAGEFLAG(Large, large)
MMLINT_PAGEFLAG(Pinned, pinned)
bool PageTail(const struct page *page);
bool PageCompound(const struct page *page);
bool PageHuge(const struct page *page);
bool PageTransHuge(const struct page *page);
bool PageTransCompound(const struct page *page);
bool PageTransTail(const struct page *page);
bool PageMappingFlags(const struct page *page);
bool PageKsm(const struct page *page);
bool PageAnonExclusive(const struct page *page);
bool PagePoisoned(const struct page *page);
bool folio_test_pmd_mappable(const struct folio *folio);
bool folio_test_swapbacked(const struct folio *folio);
bool folio_test_highmem(const struct folio *folio);
bool folio_test_zone_device(const struct folio *folio);
bool folio_is_zone_device(const struct folio *folio);
bool folio_is_device_private(const struct folio *folio);
bool folio_is_device_coherent(const struct folio *folio);
bool is_zone_device_page(const struct page *page);
bool is_device_private_page(const struct page *page);
bool is_zero_page(const struct page *page);
bool is_zero_folio(const struct folio *folio);
bool is_huge_zero_folio(const struct folio *folio);
bool is_huge_zero_pmd(pmd_t pmd);
bool is_longterm_pinnable_page(struct page *page);
bool folio_is_longterm_pinnable(struct folio *folio);
bool folio_is_secretmem(struct folio *folio);

unsigned int compound_order(const struct page *page);
unsigned long compound_nr(const struct page *page);
unsigned long thp_nr_pages(const struct page *page);
unsigned int thp_order(struct page *page);
unsigned long thp_size(struct page *page);
unsigned int folio_order(const struct folio *folio);
long folio_nr_pages(const struct folio *folio);
size_t folio_size(const struct folio *folio);
unsigned int folio_shift(const struct folio *folio);
unsigned long folio_large_nr_pages(const struct folio *folio);
struct folio *folio_next(struct folio *folio);

/* ---- block I/O vectors (include/linux/bvec.h, blk_types.h, bio.h) ---- */
struct bio_vec {
	struct page *bv_page;
	unsigned int bv_len;
	unsigned int bv_offset;
};
struct bvec_iter {
	sector_t bi_sector;
	unsigned int bi_size;
	unsigned int bi_idx;
	unsigned int bi_bvec_done;
};
struct bio {
	struct bio *bi_next;
	struct block_device *bi_bdev;
	unsigned int bi_opf;
	unsigned short bi_flags;
	unsigned short bi_ioprio;
	unsigned char bi_status;
	struct bvec_iter bi_iter;
	void *bi_private;
	unsigned short bi_vcnt;
	unsigned short bi_max_vecs;
	struct bio_vec *bi_io_vec;
};
struct folio_iter {
	struct folio *folio;
	size_t offset;
	size_t length;
	struct folio *_next;
	size_t _seg_count;
	int _i;
};
struct bio_vec *bio_first_bvec_all(struct bio *bio);
pgoff_t folio_index(const struct folio *folio);
pgoff_t folio_pgoff(const struct folio *folio);
pgoff_t folio_next_index(const struct folio *folio);
loff_t folio_pos(const struct folio *folio);
void *folio_address(const struct folio *folio);
struct address_space *folio_mapping(const struct folio *folio);
struct address_space *folio_file_mapping(struct folio *folio);
struct anon_vma *folio_anon_vma(const struct folio *folio);
struct address_space *page_mapping(struct page *page);
struct address_space *page_mapping_file(struct page *page);
pgoff_t page_index(struct page *page);
pgoff_t page_to_pgoff(struct page *page);
int page_to_nid(const struct page *page);
int folio_nid(const struct folio *folio);
struct zone *page_zone(const struct page *page);
struct zone *folio_zone(const struct folio *folio);
pg_data_t *page_pgdat(const struct page *page);
pg_data_t *folio_pgdat(const struct folio *folio);
pg_data_t *NODE_DATA(int nid);
pg_data_t *first_online_pgdat(void);
pg_data_t *next_online_pgdat(pg_data_t *pgdat);
struct zone *next_zone(struct zone *zone);
void set_page_private(struct page *page, unsigned long private);
void folio_attach_private(struct folio *folio, void *data);
void *folio_detach_private(struct folio *folio);
void folio_change_private(struct folio *folio, void *data);

void get_page(struct page *page);
void put_page(struct page *page);
bool get_page_unless_zero(struct page *page);
bool try_get_page(struct page *page);
int put_page_testzero(struct page *page);
void folio_get(struct folio *folio);
void folio_put(struct folio *folio);
void folio_put_refs(struct folio *folio, int refs);
bool folio_try_get(struct folio *folio);
bool folio_try_get_rcu(struct folio *folio);
bool folio_ref_try_add(struct folio *folio, int count);
bool folio_ref_try_add_rcu(struct folio *folio, int count);
int folio_put_testzero(struct folio *folio);
void folio_ref_inc(struct folio *folio);
void folio_ref_dec(struct folio *folio);
void folio_ref_add(struct folio *folio, int nr);
void folio_ref_sub(struct folio *folio, int nr);
int folio_ref_sub_return(struct folio *folio, int nr);
bool folio_ref_sub_and_test(struct folio *folio, int nr);
bool folio_ref_dec_and_test(struct folio *folio);
int folio_ref_freeze(struct folio *folio, int count);
void folio_ref_unfreeze(struct folio *folio, int count);
bool folio_ref_add_unless(struct folio *folio, int nr, int u);
void set_page_count(struct page *page, int v);
void init_page_count(struct page *page);
void set_page_refcounted(struct page *page);
void page_ref_inc(struct page *page);
void page_ref_dec(struct page *page);
void page_ref_add(struct page *page, int nr);
void page_ref_sub(struct page *page, int nr);
int page_ref_dec_and_test(struct page *page);
int page_ref_sub_and_test(struct page *page, int nr);
int page_ref_inc_return(struct page *page);
int page_ref_dec_return(struct page *page);
bool page_ref_add_unless(struct page *page, int nr, int u);
int page_ref_freeze(struct page *page, int count);
void page_ref_unfreeze(struct page *page, int count);
int page_count(const struct page *page);
int page_mapcount(struct page *page);
int total_mapcount(struct page *page);
int folio_mapcount(const struct folio *folio);
int folio_large_mapcount(const struct folio *folio);
int folio_entire_mapcount(const struct folio *folio);
int folio_precise_page_mapcount(struct folio *folio, struct page *page);
bool folio_mapped(const struct folio *folio);
bool page_mapped(const struct page *page);
bool folio_maybe_dma_pinned(struct folio *folio);
bool page_maybe_dma_pinned(struct page *page);
bool folio_likely_mapped_shared(struct folio *folio);
void page_mapcount_reset(struct page *page);
void prep_compound_page(struct page *page, unsigned int order);
void prep_compound_head(struct page *page, unsigned int order);
void prep_compound_tail(struct page *head, int tail_idx);
void set_compound_head(struct page *page, struct page *head);
void clear_compound_head(struct page *page);
void folio_set_order(struct folio *folio, unsigned int order);
void destroy_large_folio(struct folio *folio);
void free_compound_page(struct page *page);
struct folio *page_rmappable_folio(struct page *page);

struct page *alloc_pages(gfp_t gfp, unsigned int order);
struct page *alloc_pages_node(int nid, gfp_t gfp, unsigned int order);
struct page *__alloc_pages(gfp_t gfp, unsigned int order, int preferred_nid, nodemask_t *nodemask);
struct page *alloc_page_vma(gfp_t gfp, struct vm_area_struct *vma, unsigned long addr);
#define alloc_page(gfp) alloc_pages(gfp, 0)
unsigned long __get_free_pages(gfp_t gfp, unsigned int order);
unsigned long get_zeroed_page(gfp_t gfp);
#define __get_free_page(gfp) __get_free_pages(gfp, 0)
void *alloc_pages_exact(size_t size, gfp_t gfp_mask);
void free_pages_exact(void *virt, size_t size);
void __free_pages(struct page *page, unsigned int order);
void free_pages(unsigned long addr, unsigned int order);
#define __free_page(page) __free_pages(page, 0)
#define free_page(addr) free_pages(addr, 0)
void free_unref_page(struct page *page, unsigned int order);
struct folio *folio_alloc(gfp_t gfp, unsigned int order);
struct folio *__folio_alloc(gfp_t gfp, unsigned int order, int preferred_nid, nodemask_t *nodemask);
struct folio *vma_alloc_folio(gfp_t gfp, int order, struct vm_area_struct *vma, unsigned long addr);
struct folio *folio_alloc_gigantic(int order, gfp_t gfp, int nid, nodemask_t *node);
struct page *alloc_contig_pages(unsigned long nr_pages, gfp_t gfp_mask, int nid, nodemask_t *nodemask);
void free_contig_range(unsigned long pfn, unsigned long nr_pages);
struct folio *filemap_get_folio(struct address_space *mapping, pgoff_t index);
struct folio *__filemap_get_folio(struct address_space *mapping, pgoff_t index, int fgf_flags, gfp_t gfp);
struct page *find_get_page(struct address_space *mapping, pgoff_t offset);
struct page *find_lock_page(struct address_space *mapping, pgoff_t index);
int filemap_add_folio(struct address_space *mapping, struct folio *folio, pgoff_t index, gfp_t gfp);
void filemap_remove_folio(struct folio *folio);
void folio_batch_init(struct folio_batch *fbatch);
unsigned int folio_batch_count(struct folio_batch *fbatch);
unsigned int folio_batch_add(struct folio_batch *fbatch, struct folio *folio);
void folio_batch_release(struct folio_batch *fbatch);
unsigned filemap_get_folios(struct address_space *mapping, pgoff_t *start, pgoff_t end, struct folio_batch *fbatch);

void lock_page(struct page *page);
void unlock_page(struct page *page);
int trylock_page(struct page *page);
void folio_lock(struct folio *folio);
void folio_unlock(struct folio *folio);
bool folio_trylock(struct folio *folio);
int folio_lock_killable(struct folio *folio);
void folio_wait_locked(struct folio *folio);
void folio_wait_writeback(struct folio *folio);
void folio_wait_stable(struct folio *folio);
bool folio_mark_dirty(struct folio *folio);
bool set_page_dirty(struct page *page);
int set_page_dirty_lock(struct page *page);
void folio_mark_accessed(struct folio *folio);
void mark_page_accessed(struct page *page);
void folio_add_lru(struct folio *folio);
void lru_cache_add(struct page *page);
bool folio_isolate_lru(struct folio *folio);
void folio_putback_lru(struct folio *folio);
void putback_lru_page(struct page *page);
void lru_add_drain(void);
void lru_add_drain_all(void);
void folio_activate(struct folio *folio);
void folio_deactivate(struct folio *folio);
int split_huge_page(struct page *page);
int split_huge_page_to_list_to_order(struct page *page, struct list_head *list, unsigned int new_order);
int split_folio(struct folio *folio);
int split_folio_to_list(struct folio *folio, struct list_head *list);
void deferred_split_folio(struct folio *folio, bool partially_mapped);
void split_huge_pmd(struct vm_area_struct *vma, pmd_t *pmd, unsigned long address);
void folio_copy(struct folio *dst, struct folio *src);
int folio_migrate_mapping(struct address_space *mapping, struct folio *newfolio, struct folio *folio, int extra_count);
int migrate_pages(struct list_head *l, void *new, void *free, unsigned long private, enum migrate_mode mode, int reason, unsigned int *ret_succeeded);
bool isolate_movable_page(struct page *page, isolate_mode_t mode);

/* rmap */
void folio_add_anon_rmap_ptes(struct folio *folio, struct page *page, int nr_pages, struct vm_area_struct *vma, unsigned long address, rmap_t flags);
void folio_add_anon_rmap_pmd(struct folio *folio, struct page *page, struct vm_area_struct *vma, unsigned long address, rmap_t flags);
void folio_add_new_anon_rmap(struct folio *folio, struct vm_area_struct *vma, unsigned long address, rmap_t flags);
void folio_add_file_rmap_ptes(struct folio *folio, struct page *page, int nr_pages, struct vm_area_struct *vma);
void folio_add_file_rmap_pmd(struct folio *folio, struct page *page, struct vm_area_struct *vma);
void folio_remove_rmap_ptes(struct folio *folio, struct page *page, int nr_pages, struct vm_area_struct *vma);
void folio_remove_rmap_pmd(struct folio *folio, struct page *page, struct vm_area_struct *vma);
#define folio_add_anon_rmap_pte(folio, page, vma, address, flags) folio_add_anon_rmap_ptes(folio, page, 1, vma, address, flags)
#define folio_add_file_rmap_pte(folio, page, vma) folio_add_file_rmap_ptes(folio, page, 1, vma)
#define folio_remove_rmap_pte(folio, page, vma) folio_remove_rmap_ptes(folio, page, 1, vma)
void page_add_anon_rmap(struct page *page, struct vm_area_struct *vma, unsigned long address, rmap_t flags);
void page_add_file_rmap(struct page *page, struct vm_area_struct *vma, bool compound);
void page_remove_rmap(struct page *page, struct vm_area_struct *vma, bool compound);
void rmap_walk(struct folio *folio, struct rmap_walk_control *rwc);
void rmap_walk_locked(struct folio *folio, struct rmap_walk_control *rwc);
int folio_referenced(struct folio *folio, int is_locked, struct mem_cgroup *memcg, unsigned long *vm_flags);
void try_to_unmap(struct folio *folio, enum ttu_flags flags);
void try_to_migrate(struct folio *folio, enum ttu_flags flags);
bool page_vma_mapped_walk(struct page_vma_mapped_walk *pvmw);
void page_vma_mapped_walk_done(struct page_vma_mapped_walk *pvmw);
unsigned long page_address_in_vma(struct page *page, struct vm_area_struct *vma);
struct anon_vma *folio_lock_anon_vma_read(struct folio *folio, struct rmap_walk_control *rwc);
void anon_vma_lock_read(struct anon_vma *anon_vma);
void anon_vma_unlock_read(struct anon_vma *anon_vma);
void i_mmap_lock_read(struct address_space *mapping);
void i_mmap_unlock_read(struct address_space *mapping);
void i_mmap_lock_write(struct address_space *mapping);
void i_mmap_unlock_write(struct address_space *mapping);

/* memory failure */
enum mf_flags {
	MF_COUNT_INCREASED = 1 << 0,
	MF_ACTION_REQUIRED = 1 << 1,
	MF_MUST_KILL = 1 << 2,
	MF_SOFT_OFFLINE = 1 << 3,
	MF_UNPOISON = 1 << 4,
	MF_SW_SIMULATED = 1 << 5,
	MF_NO_RETRY = 1 << 6,
	MF_MEM_PRE_REMOVE = 1 << 7,
};
int memory_failure(unsigned long pfn, int flags);
int soft_offline_page(unsigned long pfn, int flags);

/* gup */
long get_user_pages(unsigned long start, unsigned long nr_pages, unsigned int gup_flags, struct page **pages);
long get_user_pages_remote(struct mm_struct *mm, unsigned long start, unsigned long nr_pages, unsigned int gup_flags, struct page **pages, int *locked);
long get_user_pages_unlocked(unsigned long start, unsigned long nr_pages, struct page **pages, unsigned int gup_flags);
int get_user_pages_fast(unsigned long start, int nr_pages, unsigned int gup_flags, struct page **pages);
int get_user_pages_fast_only(unsigned long start, int nr_pages, unsigned int gup_flags, struct page **pages);
long pin_user_pages(unsigned long start, unsigned long nr_pages, unsigned int gup_flags, struct page **pages);
long pin_user_pages_remote(struct mm_struct *mm, unsigned long start, unsigned long nr_pages, unsigned int gup_flags, struct page **pages, int *locked);
long pin_user_pages_unlocked(unsigned long start, unsigned long nr_pages, struct page **pages, unsigned int gup_flags);
int pin_user_pages_fast(unsigned long start, int nr_pages, unsigned int gup_flags, struct page **pages);
long memfd_pin_folios(struct file *memfd, loff_t start, loff_t end, struct folio **folios, unsigned int max_folios, pgoff_t *offset);
void unpin_user_page(struct page *page);
void unpin_user_pages(struct page **pages, unsigned long npages);
void unpin_user_pages_dirty_lock(struct page **pages, unsigned long npages, bool make_dirty);
void unpin_user_page_range_dirty_lock(struct page *page, unsigned long npages, bool make_dirty);
void unpin_folio(struct folio *folio);
void unpin_folios(struct folio **folios, unsigned long nfolios);
int try_grab_folio(struct folio *folio, int refs, unsigned int flags);
struct folio *try_grab_folio_fast(struct page *page, int refs, unsigned int flags);
struct folio *try_get_folio(struct page *page, int refs);
int fixup_user_fault(struct mm_struct *mm, unsigned long address, unsigned int fault_flags, bool *unlocked);
vm_fault_t handle_mm_fault(struct vm_area_struct *vma, unsigned long address, unsigned int flags, void *regs);
struct vm_area_struct *find_vma(struct mm_struct *mm, unsigned long addr);
struct vm_area_struct *vma_lookup(struct mm_struct *mm, unsigned long addr);
struct vm_area_struct *find_extend_vma(struct mm_struct *mm, unsigned long addr);
struct vm_area_struct *find_vma_intersection(struct mm_struct *mm, unsigned long start, unsigned long end);
struct vm_area_struct *expand_stack(struct mm_struct *mm, unsigned long addr);
bool vma_is_anonymous(struct vm_area_struct *vma);
bool vma_is_dax(const struct vm_area_struct *vma);
bool vma_is_fsdax(struct vm_area_struct *vma);
bool vma_is_secretmem(struct vm_area_struct *vma);
bool vma_is_special_huge(const struct vm_area_struct *vma);
bool is_vm_hugetlb_page(struct vm_area_struct *vma);
bool is_cow_mapping(vm_flags_t flags);
unsigned long vma_pages(struct vm_area_struct *vma);
pgoff_t linear_page_index(struct vm_area_struct *vma, unsigned long address);
int check_vma_flags(struct vm_area_struct *vma, unsigned long gup_flags);
bool arch_vma_access_permitted(struct vm_area_struct *vma, bool write, bool execute, bool foreign);
int arch_make_folio_accessible(struct folio *folio);
struct page *follow_page(struct vm_area_struct *vma, unsigned long address, unsigned int foll_flags);
struct page *vm_normal_page(struct vm_area_struct *vma, unsigned long addr, pte_t pte);
struct folio *vm_normal_folio(struct vm_area_struct *vma, unsigned long addr, pte_t pte);
struct page *vm_normal_page_pmd(struct vm_area_struct *vma, unsigned long addr, pmd_t pmd);
struct folio *vm_normal_folio_pmd(struct vm_area_struct *vma, unsigned long addr, pmd_t pmd);
struct page *follow_devmap_pmd(struct vm_area_struct *vma, unsigned long addr, pmd_t *pmd, int flags, struct dev_pagemap **pgmap);
struct page *follow_trans_huge_pmd(struct vm_area_struct *vma, unsigned long addr, pmd_t *pmd, unsigned int flags);
struct dev_pagemap *get_dev_pagemap(unsigned long pfn, struct dev_pagemap *pgmap);
void put_dev_pagemap(struct dev_pagemap *pgmap);
void sanity_check_pinned_pages(struct page **pages, unsigned long npages);
void mm_set_has_pinned_flag(unsigned long *mm_flags);
void dump_page(struct page *page, const char *reason);
void dump_vma(const struct vm_area_struct *vma);
void dump_mm(const struct mm_struct *mm);
void node_stat_mod_folio(struct folio *folio, int item, int nr);
void lruvec_stat_mod_folio(struct folio *folio, int idx, int val);
void mod_node_page_state(struct pglist_data *pgdat, int item, long delta);
void count_vm_event(int item);
void count_vm_events(int item, long delta);

/* hugetlb */
struct hstate *folio_hstate(struct folio *folio);
struct hstate *page_hstate(struct page *page);
struct hstate *hstate_vma(struct vm_area_struct *vma);
struct hstate *hstate_file(struct file *f);
struct hstate *size_to_hstate(unsigned long size);
unsigned int huge_page_order(struct hstate *h);
unsigned long huge_page_size(struct hstate *h);
unsigned long huge_page_mask(struct hstate *h);
unsigned int huge_page_shift(struct hstate *h);
unsigned int pages_per_huge_page(const struct hstate *h);
unsigned int blocks_per_huge_page(struct hstate *h);
bool hstate_is_gigantic(struct hstate *h);
struct folio *alloc_hugetlb_folio(struct vm_area_struct *vma, unsigned long addr, int avoid_reserve);
void free_huge_folio(struct folio *folio);
bool isolate_hugetlb(struct folio *folio, struct list_head *list);
void folio_putback_active_hugetlb(struct folio *folio);
pte_t *huge_pte_offset(struct mm_struct *mm, unsigned long addr, unsigned long sz);
pte_t *huge_pte_alloc(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long addr, unsigned long sz);
pte_t huge_ptep_get(struct mm_struct *mm, unsigned long addr, pte_t *ptep);
spinlock_t *huge_pte_lock(struct hstate *h, struct mm_struct *mm, pte_t *pte);
bool huge_pte_none(pte_t pte);
void hugetlb_vma_lock_read(struct vm_area_struct *vma);
void hugetlb_vma_unlock_read(struct vm_area_struct *vma);
vm_fault_t hugetlb_fault(struct mm_struct *mm, struct vm_area_struct *vma, unsigned long address, unsigned int flags);

/* thp */
bool transparent_hugepage_active(struct vm_area_struct *vma);
struct folio *mm_get_huge_zero_folio(struct mm_struct *mm);
struct page *mm_get_huge_zero_page(struct mm_struct *mm);
spinlock_t *pmd_lock(struct mm_struct *mm, pmd_t *pmd);
spinlock_t *pud_lock(struct mm_struct *mm, pud_t *pud);
spinlock_t *pmd_trans_huge_lock(pmd_t *pmd, struct vm_area_struct *vma);
spinlock_t *pmd_lockptr(struct mm_struct *mm, pmd_t *pmd);
spinlock_t *pte_lockptr(struct mm_struct *mm, pmd_t *pmd);
pgtable_t pgtable_trans_huge_withdraw(struct mm_struct *mm, pmd_t *pmdp);
void pgtable_trans_huge_deposit(struct mm_struct *mm, pmd_t *pmdp, pgtable_t pgtable);

/* page-table helpers */
pte_t ptep_get(pte_t *ptep);
pte_t ptep_get_lockless(pte_t *ptep);
pmd_t pmdp_get(pmd_t *pmdp);
pmd_t pmdp_get_lockless(pmd_t *pmdp);
pud_t pudp_get(pud_t *pudp);
pte_t *pte_offset_map(pmd_t *pmd, unsigned long addr);
pte_t *pte_offset_map_nolock(struct mm_struct *mm, pmd_t *pmd, unsigned long addr, spinlock_t **ptlp);
pte_t *pte_offset_map_lock(struct mm_struct *mm, pmd_t *pmd, unsigned long addr, spinlock_t **ptlp);
pte_t *pte_offset_kernel(pmd_t *pmd, unsigned long addr);
void pte_unmap(pte_t *pte);
void pte_unmap_unlock(pte_t *pte, spinlock_t *ptl);
pmd_t *pmd_offset(pud_t *pud, unsigned long addr);
pud_t *pud_offset(p4d_t *p4d, unsigned long addr);
p4d_t *p4d_offset(pgd_t *pgd, unsigned long addr);
pgd_t *pgd_offset(struct mm_struct *mm, unsigned long addr);
pgd_t *pgd_offset_k(unsigned long addr);
int pte_none(pte_t pte);
int pte_present(pte_t pte);
int pte_write(pte_t pte);
int pte_dirty(pte_t pte);
int pte_young(pte_t pte);
int pte_special(pte_t pte);
int pte_devmap(pte_t pte);
int pte_protnone(pte_t pte);
int pte_uffd_wp(pte_t pte);
int pte_swp_uffd_wp(pte_t pte);
int pte_soft_dirty(pte_t pte);
bool pte_access_permitted(pte_t pte, bool write);
unsigned long pte_pfn(pte_t pte);
struct page *pte_page(pte_t pte);
pte_t pte_mkwrite(pte_t pte, struct vm_area_struct *vma);
pte_t pte_mkdirty(pte_t pte);
pte_t pte_mkyoung(pte_t pte);
pte_t pte_mkold(pte_t pte);
pte_t pte_mkclean(pte_t pte);
pte_t pte_wrprotect(pte_t pte);
pte_t pte_mkspecial(pte_t pte);
pte_t pte_modify(pte_t pte, pgprot_t newprot);
pte_t mk_pte(struct page *page, pgprot_t pgprot);
pte_t pfn_pte(unsigned long pfn, pgprot_t pgprot);
void set_pte_at(struct mm_struct *mm, unsigned long addr, pte_t *ptep, pte_t pte);
void set_ptes(struct mm_struct *mm, unsigned long addr, pte_t *ptep, pte_t pte, unsigned int nr);
pte_t ptep_get_and_clear(struct mm_struct *mm, unsigned long addr, pte_t *ptep);
pte_t ptep_clear_flush(struct vm_area_struct *vma, unsigned long address, pte_t *ptep);
int ptep_set_access_flags(struct vm_area_struct *vma, unsigned long address, pte_t *ptep, pte_t entry, int dirty);
void pte_clear(struct mm_struct *mm, unsigned long addr, pte_t *ptep);
void update_mmu_cache(struct vm_area_struct *vma, unsigned long address, pte_t *ptep);
int pmd_none(pmd_t pmd);
int pmd_present(pmd_t pmd);
int pmd_bad(pmd_t pmd);
int pmd_write(pmd_t pmd);
int pmd_dirty(pmd_t pmd);
int pmd_young(pmd_t pmd);
int pmd_devmap(pmd_t pmd);
int pmd_special(pmd_t pmd);
int pmd_protnone(pmd_t pmd);
int pmd_leaf(pmd_t pmd);
int pmd_trans_huge(pmd_t pmd);
int pmd_huge(pmd_t pmd);
bool pmd_access_permitted(pmd_t pmd, bool write);
unsigned long pmd_pfn(pmd_t pmd);
struct page *pmd_page(pmd_t pmd);
struct ptdesc *pmd_ptdesc(pmd_t *pmd);
pmd_t pmd_mkhuge(pmd_t pmd);
pmd_t pmd_mkyoung(pmd_t pmd);
pmd_t pmd_mkdirty(pmd_t pmd);
pmd_t pmd_mkwrite(pmd_t pmd, struct vm_area_struct *vma);
pmd_t pmd_wrprotect(pmd_t pmd);
pmd_t mk_huge_pmd(struct page *page, pgprot_t prot);
pmd_t pfn_pmd(unsigned long pfn, pgprot_t pgprot);
void set_pmd_at(struct mm_struct *mm, unsigned long addr, pmd_t *pmdp, pmd_t pmd);
pmd_t pmdp_huge_get_and_clear(struct mm_struct *mm, unsigned long addr, pmd_t *pmdp);
pmd_t pmdp_invalidate(struct vm_area_struct *vma, unsigned long address, pmd_t *pmdp);
void pmd_clear(pmd_t *pmd);
void pmd_populate(struct mm_struct *mm, pmd_t *pmd, pgtable_t pte);
int pud_none(pud_t pud);
int pud_present(pud_t pud);
int pud_bad(pud_t pud);
int pud_leaf(pud_t pud);
int pud_trans_huge(pud_t pud);
int pud_devmap(pud_t pud);
int pud_write(pud_t pud);
bool pud_access_permitted(pud_t pud, bool write);
unsigned long pud_pfn(pud_t pud);
struct page *pud_page(pud_t pud);
int p4d_none(p4d_t p4d);
int p4d_bad(p4d_t p4d);
int p4d_leaf(p4d_t p4d);
int pgd_none(pgd_t pgd);
int pgd_bad(pgd_t pgd);
int pgd_leaf(pgd_t pgd);
unsigned long pmd_addr_end(unsigned long addr, unsigned long end);
unsigned long pud_addr_end(unsigned long addr, unsigned long end);
unsigned long p4d_addr_end(unsigned long addr, unsigned long end);
unsigned long pgd_addr_end(unsigned long addr, unsigned long end);
bool is_swap_pte(pte_t pte);
bool is_swap_pmd(pmd_t pmd);
swp_entry_t pte_to_swp_entry(pte_t pte);
swp_entry_t pmd_to_swp_entry(pmd_t pmd);
pte_t swp_entry_to_pte(swp_entry_t entry);
bool is_migration_entry(swp_entry_t entry);
bool is_writable_migration_entry(swp_entry_t entry);
bool is_device_private_entry(swp_entry_t entry);
bool is_device_exclusive_entry(swp_entry_t entry);
bool is_pfn_swap_entry(swp_entry_t entry);
struct page *migration_entry_to_page(swp_entry_t entry);	/* before 5.14 */
struct page *device_private_entry_to_page(swp_entry_t entry);	/* 4.14 .. 5.13 */
bool is_hwpoison_entry(swp_entry_t entry);
bool non_swap_entry(swp_entry_t entry);
struct page *pfn_swap_entry_to_page(swp_entry_t entry);
struct folio *pfn_swap_entry_folio(swp_entry_t entry);
unsigned long swp_offset(swp_entry_t entry);
unsigned int swp_type(swp_entry_t entry);
void migration_entry_wait(struct mm_struct *mm, pmd_t *pmd, unsigned long addr);
void pmd_migration_entry_wait(struct mm_struct *mm, pmd_t *pmd);
struct folio *swap_cache_get_folio(swp_entry_t entry, struct vm_area_struct *vma, unsigned long addr);
bool gup_must_unshare(struct vm_area_struct *vma, unsigned int flags, struct page *page);
bool can_follow_write_pte(pte_t pte, struct page *page, struct vm_area_struct *vma, unsigned int flags);
void tlb_gather_mmu(struct mmu_gather *tlb, struct mm_struct *mm);
void tlb_finish_mmu(struct mmu_gather *tlb);
void mmu_notifier_invalidate_range_start(void *range);
void mmu_notifier_invalidate_range_end(void *range);

/* memcg, misc */
struct mem_cgroup *folio_memcg(struct folio *folio);
struct mem_cgroup *mem_cgroup_iter(struct mem_cgroup *root, struct mem_cgroup *prev, void *reclaim);
int mem_cgroup_charge(struct folio *folio, struct mm_struct *mm, gfp_t gfp);
void mem_cgroup_uncharge(struct folio *folio);
struct lruvec *folio_lruvec(struct folio *folio);
struct lruvec *folio_lruvec_lock_irq(struct folio *folio);
struct lruvec *folio_lruvec_lock_irqsave(struct folio *folio, unsigned long *flags);
void unlock_page_lruvec_irq(struct lruvec *lruvec);
void unlock_page_lruvec_irqrestore(struct lruvec *lruvec, unsigned long flags);
struct task_struct *next_task(struct task_struct *p);
struct task_struct *next_thread(const struct task_struct *p);
extern unsigned long volatile jiffies;
unsigned long totalram_pages(void);
#define ZERO_PAGE(vaddr) pfn_to_page(0)
unsigned long my_zero_pfn(unsigned long addr);
int num_online_nodes(void);
int num_online_cpus(void);
bool node_online(int nid);
bool node_isset(int node, nodemask_t mask);
int next_node(int n, nodemask_t src);
int first_node(nodemask_t src);
extern int nr_node_ids;
extern int nr_cpu_ids;

/* ---- every page-table level, with real types (x86_64 five-level layout; other arches' names too) ---- */
#define __pgd(x) ((pgd_t) { (x) })
#define __p4d(x) ((p4d_t) { (x) })
#define PTRS_PER_P4D 512
#define PTRS_PER_PGD 512
#define P4D_SIZE (1UL << P4D_SHIFT)
#define P4D_MASK (~(P4D_SIZE - 1))
#define PGDIR_MASK (~(PGDIR_SIZE - 1))
#define PTE_PFN_MASK ((pteval_t)0x000ffffffffff000UL)
#define PHYSICAL_PAGE_MASK ((unsigned long)PTE_PFN_MASK)
#define PAGE_OFFSET ((unsigned long)0xffff888000000000UL)
unsigned long pgd_index(unsigned long address);
unsigned long p4d_index(unsigned long address);
unsigned long pud_index(unsigned long address);
unsigned long pmd_index(unsigned long address);
unsigned long pte_index(unsigned long address);
int pgd_present(pgd_t pgd);
int p4d_present(p4d_t p4d);
void pgd_clear(pgd_t *pgd);
void p4d_clear(p4d_t *p4d);
void pud_clear(pud_t *pud);
unsigned long pgd_pfn(pgd_t pgd);
unsigned long p4d_pfn(p4d_t p4d);
struct page *pgd_page(pgd_t pgd);
struct page *p4d_page(p4d_t p4d);
unsigned long pgd_page_vaddr(pgd_t pgd);
unsigned long p4d_page_vaddr(p4d_t p4d);
unsigned long pud_page_vaddr(pud_t pud);
unsigned long pmd_page_vaddr(pmd_t pmd);
pud_t *p4d_pgtable(p4d_t p4d);
pmd_t *pud_pgtable(pud_t pud);
pgd_t pgdp_get(pgd_t *pgdp);
p4d_t p4dp_get(p4d_t *p4dp);
int pgd_write(pgd_t pgd);
int p4d_write(p4d_t p4d);
bool pgd_access_permitted(pgd_t pgd, bool write);
bool p4d_access_permitted(p4d_t p4d, bool write);
int pgd_devmap(pgd_t pgd);
int p4d_devmap(p4d_t p4d);
/* leaf tests under their names across kernels: pXd_huge() (hugetlb, before 6.9), pXd_large() (x86, before 6.9) */
int pgd_huge(pgd_t pgd);
int p4d_huge(p4d_t p4d);
int pud_huge(pud_t pud);
int pgd_large(pgd_t pgd);
int p4d_large(p4d_t p4d);
int pud_large(pud_t pud);
int pmd_large(pmd_t pmd);
int pmd_trans_unstable(pmd_t *pmd);
int pmd_none_or_trans_huge_or_clear_bad(pmd_t *pmd);
int pmd_none_or_clear_bad(pmd_t *pmd);
int pud_none_or_clear_bad(pud_t *pud);
int p4d_none_or_clear_bad(p4d_t *p4d);
int pgd_none_or_clear_bad(pgd_t *pgd);
pte_t *pte_offset_map_ro_nolock(struct mm_struct *mm, pmd_t *pmd, unsigned long addr, pmd_t *pmdvalp, spinlock_t **ptlp);
p4d_t *p4d_alloc(struct mm_struct *mm, pgd_t *pgd, unsigned long address);
pud_t *pud_alloc(struct mm_struct *mm, p4d_t *p4d, unsigned long address);
pmd_t *pmd_alloc(struct mm_struct *mm, pud_t *pud, unsigned long address);

/* hugepd: a huge page directory in place of a lower table (powerpc, kernels before 6.10) */
typedef struct { unsigned long pd; } hugepd_t;
#define __hugepd(x) ((hugepd_t) { (x) })
#define hugepd_val(x) ((x).pd)
int is_hugepd(hugepd_t hpd);
int hugepd_ok(hugepd_t hpd);
pte_t *hugepd_page(hugepd_t hpd);
unsigned int hugepd_shift(hugepd_t hpd);
pte_t *hugepte_offset(hugepd_t hpd, unsigned long addr, unsigned int pdshift);
unsigned long hugepte_addr_end(unsigned long addr, unsigned long end, unsigned long sz);
int pgd_is_hugepd(pgd_t pgd);

/* contiguous PTE / PMD runs (arm64, riscv): one TLB entry over CONT_PTES ptes or CONT_PMDS pmds */
#define CONT_PTE_SHIFT (4 + PAGE_SHIFT)
#define CONT_PTES (1 << (CONT_PTE_SHIFT - PAGE_SHIFT))
#define CONT_PTE_SIZE (CONT_PTES * PAGE_SIZE)
#define CONT_PTE_MASK (~(CONT_PTE_SIZE - 1))
#define CONT_PMD_SHIFT (4 + PMD_SHIFT)
#define CONT_PMDS (1 << (CONT_PMD_SHIFT - PMD_SHIFT))
#define CONT_PMD_SIZE (CONT_PMDS * PMD_SIZE)
#define CONT_PMD_MASK (~(CONT_PMD_SIZE - 1))
int pte_cont(pte_t pte);
int pmd_cont(pmd_t pmd);
pte_t pte_mkcont(pte_t pte);
pmd_t pmd_mkcont(pmd_t pmd);

/* ---- older kernels' API (4.4 onwards) ---- */
#define PAGE_CACHE_SHIFT PAGE_SHIFT
#define PAGE_CACHE_SIZE PAGE_SIZE
#define PAGE_CACHE_MASK PAGE_MASK
#define READ 0
#define WRITE 1
#define VM_FAULT_WRITE ((vm_fault_t)0x000008)
#define VM_FAULT_MINOR 0
int page_cache_get_speculative(struct page *page);
int page_cache_add_speculative(struct page *page, int count);
void page_cache_get(struct page *page);
void page_cache_release(struct page *page);
int __get_user_pages_fast(unsigned long start, int nr_pages, int write, struct page **pages);
long get_user_pages_locked(unsigned long start, unsigned long nr_pages, unsigned int gup_flags, struct page **pages, int *locked);
int compound_mapcount(struct page *page);
int hpage_nr_pages(struct page *page);
bool hpage_pincount_available(struct page *page);
bool try_grab_page(struct page *page, unsigned int flags);
struct page *try_grab_compound_head(struct page *page, int refs, unsigned int flags);
struct page *try_get_compound_head(struct page *page, int refs);
void get_huge_page_tail(struct page *page);
bool __get_page_tail(struct page *page);
void get_page_foll(struct page *page);
void put_huge_page(struct page *page);
struct page *mem_map_next(struct page *iter, struct page *base, int offset);
struct page *mem_map_offset(struct page *base, int offset);
void *radix_tree_deref_slot(void **slot);
int radix_tree_exception(void *arg);
int radix_tree_deref_retry(void *arg);
struct page *find_get_entry(struct address_space *mapping, pgoff_t offset);
int is_zero_pfn(unsigned long pfn);
int down_read_killable(struct rw_semaphore *sem);
struct lruvec *mem_cgroup_page_lruvec(struct page *page, struct pglist_data *pgdat);
struct lruvec *lock_page_lruvec_irqsave(struct page *page, unsigned long *flags);

/* ---- more header vocabulary fragments use (kernels 4.4 to 6.18) ---- */
typedef struct { u64 val; } pfn_t;
typedef u64 kvm_pfn_t;
typedef u32 depot_stack_handle_t;
#define TASK_COMM_LEN 16
#define TASK_SIZE ((1UL << 47) - PAGE_SIZE)
#define TAIL_MAPPING ((void *)0x400)
#define PAGE_FLAGS_CHECK_AT_PREP ((1UL << 22) - 1)
#define IOMMU_READ (1 << 0)
#define IOMMU_WRITE (1 << 1)
/* 1 on the architectures that implement flush_dcache_page(), 0 elsewhere: a fragment's architecture is not known */
extern const int __mmlint_arch_implements_flush_dcache_page;
#define ARCH_IMPLEMENTS_FLUSH_DCACHE_PAGE __mmlint_arch_implements_flush_dcache_page
#define __GFP_ZEROTAGS ((gfp_t)0x800000u)
#define __GFP_SKIP_KASAN_POISON ((gfp_t)0x1000000u)
#define ALLOC_NO_WATERMARKS 0x04
#define MPOL_MF_STRICT (1 << 0)
#define MPOL_MF_MOVE (1 << 1)
#define MPOL_MF_MOVE_ALL (1 << 2)
#define TIF_MEMDIE 20
enum migratetype { MIGRATE_UNMOVABLE, MIGRATE_MOVABLE, MIGRATE_RECLAIMABLE, MIGRATE_PCPTYPES, MIGRATE_HIGHATOMIC = MIGRATE_PCPTYPES,
	MIGRATE_CMA, MIGRATE_ISOLATE, MIGRATE_TYPES };
enum { MM_FILEPAGES, MM_ANONPAGES, MM_SWAPENTS, MM_SHMEMPAGES, NR_MM_COUNTERS };
enum vm_event_item { PGPGIN, PGPGOUT, PSWPIN, PSWPOUT, PGFAULT, PGMAJFAULT, PGLAZYFREED, PGREFILL, PGSTEAL_KSWAPD,
	THP_FAULT_ALLOC, THP_FAULT_FALLBACK, THP_FAULT_FALLBACK_CHARGE, THP_COLLAPSE_ALLOC, THP_SPLIT_PAGE, THP_SPLIT_PMD,
	THP_ZERO_PAGE_ALLOC, NR_VM_EVENT_ITEMS };
enum node_stat_item { NR_LRU_BASE, NR_INACTIVE_ANON = NR_LRU_BASE, NR_ACTIVE_ANON, NR_INACTIVE_FILE, NR_ACTIVE_FILE,
	NR_UNEVICTABLE, NR_ISOLATED_ANON, NR_ISOLATED_FILE, NR_FILE_PAGES, NR_FILE_MAPPED, NR_ANON_MAPPED, NR_SHMEM,
	NR_ANON_THPS, NR_FILE_THPS, NR_VM_NODE_STAT_ITEMS };
enum mf_result { MF_IGNORED, MF_FAILED, MF_DELAYED, MF_RECOVERED };
enum mf_action_page_type { MF_MSG_KERNEL, MF_MSG_KERNEL_HIGH_ORDER, MF_MSG_SLAB, MF_MSG_DIFFERENT_COMPOUND,
	MF_MSG_POISONED_HUGE, MF_MSG_HUGE, MF_MSG_FREE_HUGE, MF_MSG_NON_PMD_HUGE, MF_MSG_UNMAP_FAILED,
	MF_MSG_DIRTY_SWAPCACHE, MF_MSG_CLEAN_SWAPCACHE, MF_MSG_DIRTY_MLOCKED_LRU, MF_MSG_CLEAN_MLOCKED_LRU,
	MF_MSG_DIRTY_UNEVICTABLE_LRU, MF_MSG_CLEAN_UNEVICTABLE_LRU, MF_MSG_DIRTY_LRU, MF_MSG_CLEAN_LRU,
	MF_MSG_TRUNCATED_LRU, MF_MSG_BUDDY, MF_MSG_BUDDY_2ND, MF_MSG_DAX, MF_MSG_UNSPLIT_THP, MF_MSG_ALREADY_POISONED,
	MF_MSG_UNKNOWN };
extern int sysctl_memory_failure_recovery;
extern int sysctl_memory_failure_early_kill;
/* get_ksm_page() modes, 5.x */
enum get_ksm_page_flags { GET_KSM_PAGE_NOLOCK, GET_KSM_PAGE_LOCK, GET_KSM_PAGE_TRYLOCK };

struct iovec { void *iov_base; size_t iov_len; };

/* ZONE_DEVICE */
struct dev_pagemap_ops {
	void (*page_free)(struct page *page);
	vm_fault_t (*migrate_to_ram)(struct vm_fault *vmf);
	int (*memory_failure)(struct dev_pagemap *pgmap, unsigned long pfn, unsigned long nr_pages, int mf_flags);
};
struct dev_pagemap {
	struct percpu_ref *ref;
	int type;
	unsigned int flags;
	unsigned long vmemmap_shift;
	const struct dev_pagemap_ops *ops;
	void *owner;
	int nr_range;
};

/* swap devices */
enum { SWP_USED = 1 << 0, SWP_WRITEOK = 1 << 1, SWP_DISCARDABLE = 1 << 2, SWP_DISCARDING = 1 << 3,
	SWP_SOLIDSTATE = 1 << 4, SWP_CONTINUED = 1 << 5, SWP_BLKDEV = 1 << 6, SWP_ACTIVATED = 1 << 7, SWP_FS_OPS = 1 << 8,
	SWP_AREA_DISCARD = 1 << 9, SWP_PAGE_DISCARD = 1 << 10, SWP_STABLE_WRITES = 1 << 11, SWP_SYNCHRONOUS_IO = 1 << 12 };
struct swap_info_struct { unsigned long flags; short prio; signed char type; unsigned int max; unsigned char *swap_map;
	unsigned int pages; unsigned int inuse_pages; struct block_device *bdev; struct file *swap_file; spinlock_t lock; };
struct swap_info_struct *swp_swap_info(swp_entry_t entry);
struct swap_info_struct *get_swap_device(swp_entry_t entry);
void put_swap_device(struct swap_info_struct *si);

/* page walks (include/linux/pagewalk.h; before 5.4 the callbacks lived in struct mm_walk itself) */
struct mm_walk;
struct mm_walk_ops {
	int (*pgd_entry)(pgd_t *pgd, unsigned long addr, unsigned long next, struct mm_walk *walk);
	int (*p4d_entry)(p4d_t *p4d, unsigned long addr, unsigned long next, struct mm_walk *walk);
	int (*pud_entry)(pud_t *pud, unsigned long addr, unsigned long next, struct mm_walk *walk);
	int (*pmd_entry)(pmd_t *pmd, unsigned long addr, unsigned long next, struct mm_walk *walk);
	int (*pte_entry)(pte_t *pte, unsigned long addr, unsigned long next, struct mm_walk *walk);
	int (*pte_hole)(unsigned long addr, unsigned long next, int depth, struct mm_walk *walk);
	int (*hugetlb_entry)(pte_t *pte, unsigned long hmask, unsigned long addr, unsigned long next, struct mm_walk *walk);
	int (*test_walk)(unsigned long addr, unsigned long next, struct mm_walk *walk);
};
struct mm_walk {
	const struct mm_walk_ops *ops;
	int (*pud_entry)(pud_t *pud, unsigned long addr, unsigned long next, struct mm_walk *walk);
	int (*pmd_entry)(pmd_t *pmd, unsigned long addr, unsigned long next, struct mm_walk *walk);
	int (*pte_entry)(pte_t *pte, unsigned long addr, unsigned long next, struct mm_walk *walk);
	int (*pte_hole)(unsigned long addr, unsigned long next, struct mm_walk *walk);
	int (*hugetlb_entry)(pte_t *pte, unsigned long hmask, unsigned long addr, unsigned long next, struct mm_walk *walk);
	struct mm_struct *mm;
	pgd_t *pgd;
	struct vm_area_struct *vma;
	void *private;
};
int walk_page_range(struct mm_struct *mm, unsigned long start, unsigned long end, const struct mm_walk_ops *ops, void *private);
int walk_page_vma(struct vm_area_struct *vma, const struct mm_walk_ops *ops, void *private);

/* page_ext (include/linux/page_ext.h) */
struct page_ext { unsigned long flags; };
enum page_ext_flags { PAGE_EXT_OWNER, PAGE_EXT_OWNER_ALLOCATED, PAGE_EXT_PINNER_MIGRATION_FAILED, PAGE_EXT_YOUNG, PAGE_EXT_IDLE };
struct page_ext_iter { unsigned long index; unsigned long start_pfn; struct page_ext *page_ext; };
struct page_ext *page_ext_get(const struct page *page);
void page_ext_put(struct page_ext *page_ext);
struct page_ext *lookup_page_ext(const struct page *page);
struct page_ext *page_ext_next(struct page_ext *curr);
struct page_ext *page_ext_iter_begin(struct page_ext_iter *iter, unsigned long pfn);
struct page_ext *page_ext_iter_next(struct page_ext_iter *iter);
struct page_ext *page_ext_iter_get(const struct page_ext_iter *iter);
#define for_each_page_ext(__page, __pgcount, __page_ext, __iter) \
	for (__page_ext = page_ext_iter_begin(&__iter, page_to_pfn(__page)); \
	     __page_ext && __iter.index < __pgcount; __page_ext = page_ext_iter_next(&__iter))
void *page_ext_data(struct page_ext *page_ext, void *ops);

/* CMA areas (mm/cma.h) */
struct cma_memrange { unsigned long base_pfn; unsigned long early_pfn; unsigned long count; unsigned long *bitmap; };
struct cma {
	unsigned long base_pfn;
	unsigned long count;
	unsigned long available_count;
	unsigned long *bitmap;
	unsigned int order_per_bit;
	spinlock_t lock;
	struct mutex alloc_mutex;
	char name[64];
	int nranges;
	struct cma_memrange ranges[8];
	atomic64_t nr_pages_succeeded;
	atomic64_t nr_pages_failed;
};
const char *cma_get_name(const struct cma *cma);
unsigned long cma_bitmap_maxno(struct cma *cma);
unsigned long cma_bitmap_aligned_mask(const struct cma *cma, unsigned int align_order);
unsigned long cma_bitmap_aligned_offset(const struct cma *cma, unsigned int align_order);
unsigned long cma_bitmap_pages_to_bits(const struct cma *cma, unsigned long pages);
void cma_clear_bitmap(struct cma *cma, unsigned long pfn, unsigned long count);
int alloc_contig_range(unsigned long start, unsigned long end, unsigned int migratetype, gfp_t gfp_mask);

/* HugeTLB vmemmap optimisation (mm/hugetlb_vmemmap.h) */
#define HUGETLB_VMEMMAP_RESERVE_SIZE PAGE_SIZE
#define HUGETLB_VMEMMAP_RESERVE_PAGES (HUGETLB_VMEMMAP_RESERVE_SIZE / sizeof(struct page))
extern struct static_key_false hugetlb_optimize_vmemmap_key;
#define DECLARE_STATIC_KEY_FALSE(name) extern struct static_key_false name

/* futex keys (kernel/futex/futex.h; kernel/futex.c before 5.16) */
#define FUT_OFF_INODE 1
#define FUT_OFF_MMSHARED 2
union futex_key {
	struct { u64 i_seq; unsigned long pgoff; unsigned int offset; struct inode *inode; } shared;
	struct { union { struct mm_struct *mm; u64 __tmp; }; unsigned long address; unsigned int offset; } private;
	struct { u64 ptr; unsigned long word; unsigned int offset; } both;
};
enum futex_access { FUTEX_READ, FUTEX_WRITE };
u64 get_inode_sequence_number(struct inode *inode);
pgoff_t basepage_index(struct page *page);

/* crypto scatterlist walks (include/crypto/scatterwalk.h, include/crypto/internal/hash.h) */
struct scatter_walk {
	union { void *const addr; void *__addr; };
	struct scatterlist *sg;
	unsigned int offset;
};
struct crypto_hash_walk {
	const char *data;
	unsigned int offset;
	unsigned int flags;
	struct page *pg;
	unsigned int entrylen;
	unsigned int total;
	struct scatterlist *sg;
};
#define CRYPTO_AHASH_REQ_VIRT 0x00000001
void scatterwalk_unmap(struct scatter_walk *walk);
void scatterwalk_start(struct scatter_walk *walk, struct scatterlist *sg);

#endif /* __MMLINT_BUILTIN_H */

/*
 * Kernel macros as CDT sees them once expanded. The definitions are those of Linux 6.12
 * (include/linux/container_of.h, list.h, mmdebug.h with CONFIG_DEBUG_VM, asm-generic/bug.h,
 * arch/x86/include/asm/bug.h, compiler.h), simplified only where CDT cannot parse the
 * original: static_assert inside container_of is dropped (the mmlint front end's prelude
 * does the same), the x86 __WARN_FLAGS/BUG inline assembly is reduced to one asm statement,
 * __auto_type is replaced by int. Test input for dev.mmlint.cfg.
 */
#define likely(x)	__builtin_expect(!!(x), 1)
#define unlikely(x)	__builtin_expect(!!(x), 0)
#define offsetof(TYPE, MEMBER)	__builtin_offsetof(TYPE, MEMBER)
#define __stringify_1(x...)	#x
#define __stringify(x...)	__stringify_1(x)

#define container_of(ptr, type, member) ({				\
	void *__mptr = (void *)(ptr);					\
	((type *)(__mptr - offsetof(type, member))); })
#define list_entry(ptr, type, member) \
	container_of(ptr, type, member)
#define list_first_entry(ptr, type, member) \
	list_entry((ptr)->next, type, member)
#define list_next_entry(pos, member) \
	list_entry((pos)->member.next, typeof(*(pos)), member)
#define list_entry_is_head(pos, head, member)				\
	list_is_head(&pos->member, (head))
#define list_for_each_entry(pos, head, member)				\
	for (pos = list_first_entry(head, typeof(*pos), member);	\
	     !list_entry_is_head(pos, head, member);			\
	     pos = list_next_entry(pos, member))

#define _BUG_FLAGS(ins, flags, extra) asm volatile("1:\t" ins "\n" : : "i" (flags))
#define BUG()							\
do {								\
	instrumentation_begin();				\
	_BUG_FLAGS("ud2", 0, "");				\
	__builtin_unreachable();				\
} while (0)
#define BUG_ON(condition) do { if (unlikely(condition)) BUG(); } while (0)
#define __WARN_FLAGS(flags)					\
do {								\
	int __flags = (1 << 0)|(flags);				\
	instrumentation_begin();				\
	_BUG_FLAGS("ud2", __flags, ANNOTATE_REACHABLE(1b));	\
	instrumentation_end();					\
} while (0)
#define WARN_ON_ONCE(condition) ({				\
	int __ret_warn_on = !!(condition);			\
	if (unlikely(__ret_warn_on))				\
		__WARN_FLAGS(BUGFLAG_ONCE |			\
			     BUGFLAG_TAINT(TAINT_WARN));	\
	unlikely(__ret_warn_on);				\
})
#define VM_BUG_ON_PAGE(cond, page)					\
	do {								\
		if (unlikely(cond)) {					\
			dump_page(page, "VM_BUG_ON_PAGE(" __stringify(cond)")");\
			BUG();						\
		}							\
	} while (0)

struct list_head { struct list_head *next, *prev; };
struct page { unsigned long flags; struct list_head lru; };

static struct page *find_locked(struct list_head *head, struct page *want)
{
	struct page *p;

	list_for_each_entry(p, head, lru) {
		if (WARN_ON_ONCE(PageTail(p)))
			continue;
		VM_BUG_ON_PAGE(!PageLocked(p), p);
		if (p == want)
			return p;
	}
	BUG_ON(!list_empty(head));
	return NULL;
}

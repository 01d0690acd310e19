/*
 * mmlint-kernel-prelude.h - forced in after include/linux/kconfig.h and
 * include/linux/compiler_types.h when parsing a kernel tree. Redefines the spellings of kernel
 * C that CDT's C parser rejects, as close to their meaning as CDT can express:
 *  - asm_inline / asm_volatile_goto: plain asm (the literal "asm goto" / "asm inline" forms are
 *    blanked in file contents by a same-length rewrite, so no position moves);
 *  - _Static_assert / static_assert: a harmless redeclaration (the condition is not checked);
 *  - typeof_unqual / __typeof_unqual__: typeof (qualifiers kept);
 *  - __seg_gs / __seg_fs (x86 named address spaces) and _Atomic: dropped.
 * _Generic is handled by mmlint's parser (the default association, else the last).
 */
#ifndef __MMLINT_KERNEL_PRELUDE_H
#define __MMLINT_KERNEL_PRELUDE_H
#undef asm_inline
#define asm_inline asm
#undef asm_volatile_goto
#define asm_volatile_goto(x...) asm volatile(x)
#undef _Static_assert
#define _Static_assert(e, ...) extern int __mmlint_static_assert[1]
#undef typeof_unqual
#define typeof_unqual(x) typeof(x)
#undef __typeof_unqual__
#define __typeof_unqual__(x) typeof(x)
#define __seg_gs
#define __seg_fs
#define _Atomic
#endif

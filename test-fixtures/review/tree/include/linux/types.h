/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H
typedef _Bool bool;
#define true 1
#define false 0
#define NULL ((void *)0)
typedef unsigned long pgoff_t;
typedef struct { int counter; } atomic_t;
struct list_head { struct list_head *next, *prev; };
#define EFAULT 14
#endif

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/types.h> and the uapi/asm types under it:
 * fixed-width integers, kernel scalar typedefs, atomic_t and the list heads.
 * Endian-annotated types (__le32 and so on) are plain integers: the host is
 * little-endian and sparse is not run.
 */
#ifndef _LINUX_TYPES_H
#define _LINUX_TYPES_H

#include <linux/stddef.h>

#ifndef __ASSEMBLY__

typedef signed char		__s8;
typedef unsigned char		__u8;
typedef signed short		__s16;
typedef unsigned short		__u16;
typedef signed int		__s32;
typedef unsigned int		__u32;
typedef signed long long	__s64;
typedef unsigned long long	__u64;

typedef __s8			s8;
typedef __u8			u8;
typedef __s16			s16;
typedef __u16			u16;
typedef __s32			s32;
typedef __u32			u32;
typedef __s64			s64;
typedef __u64			u64;

typedef __u16			__le16;
typedef __u16			__be16;
typedef __u32			__le32;
typedef __u32			__be32;
typedef __u64			__le64;
typedef __u64			__be64;
typedef __u16			__sum16;
typedef __u32			__wsum;

typedef _Bool			bool;

typedef __SIZE_TYPE__		size_t;
typedef __PTRDIFF_TYPE__	ptrdiff_t;
/* ssize_t is the signed type of the width of size_t: long on LP64. */
typedef __PTRDIFF_TYPE__	ssize_t;
_Static_assert(sizeof(ssize_t) == sizeof(size_t), "ssize_t width");
typedef __UINTPTR_TYPE__	uintptr_t;
typedef __INTPTR_TYPE__		intptr_t;

typedef unsigned char		u_char;
typedef unsigned short		u_short;
typedef unsigned int		u_int;
typedef unsigned long		u_long;
typedef unsigned char		unchar;
typedef unsigned short		ushort;
typedef unsigned int		uint;
typedef unsigned long		ulong;

typedef __u8			uint8_t;
typedef __u16			uint16_t;
typedef __u32			uint32_t;
typedef __u64			uint64_t;
typedef __s8			int8_t;
typedef __s16			int16_t;
typedef __s32			int32_t;
typedef __s64			int64_t;
typedef __u64			u_int64_t;

typedef int			pid_t;
typedef unsigned int		uid_t;
typedef unsigned int		gid_t;
typedef unsigned int		__kernel_dev_t;
typedef __kernel_dev_t		dev_t;
typedef unsigned short		umode_t;
typedef long long		loff_t;
typedef long			off_t;
typedef long			time_t;
typedef long long		time64_t;
typedef long			clock_t;
typedef int			clockid_t;
typedef unsigned long		ino_t;
typedef unsigned int		nlink_t;
typedef long			__kernel_long_t;
typedef unsigned long		__kernel_ulong_t;
typedef __u64			sector_t;
typedef __u64			blkcnt_t;
typedef __u64			phys_addr_t;
typedef __u64			dma_addr_t;
typedef phys_addr_t		resource_size_t;
typedef unsigned long		irq_hw_number_t;

typedef unsigned int __bitwise	gfp_t;
typedef unsigned int __bitwise	slab_flags_t;
typedef unsigned int __bitwise	fmode_t;
typedef unsigned short		__poll_t;

typedef struct {
	int counter;
} atomic_t;

typedef struct {
	s64 counter;
} atomic64_t;

typedef struct {
	long counter;
} atomic_long_t;

struct list_head {
	struct list_head *next, *prev;
};

struct hlist_head {
	struct hlist_node *first;
};

/* pprev points at the previous node's next field, or at the head's first. */
struct hlist_node {
	struct hlist_node *next, **pprev;
};

struct ustat;

/*
 * A queued callback: the element of call_rcu() and task_work lists. The
 * kernel requires at least 4-byte alignment so RCU may use the low bits of
 * func, and so does this.
 */
struct callback_head {
	struct callback_head *next;
	void (*func)(struct callback_head *head);
} __attribute__((aligned(sizeof(void *))));
#define rcu_head callback_head

typedef void (*rcu_callback_t)(struct rcu_head *head);
typedef void (*call_rcu_func_t)(struct rcu_head *head, rcu_callback_t func);

#endif /* __ASSEMBLY__ */

#endif /* _LINUX_TYPES_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/container_of.h>: from a pointer to a
 * member, the pointer to the structure that contains it.
 */
#ifndef _LINUX_CONTAINER_OF_H
#define _LINUX_CONTAINER_OF_H

#include <linux/build_bug.h>
#include <linux/stddef.h>

/* The type check rejects a ptr whose type does not match the member. */
#define container_of(ptr, type, member)					\
	({								\
		void *__container_mptr = (void *)(ptr);			\
		static_assert(__same_type(*(ptr), ((type *)0)->member) || \
			      __same_type(*(ptr), void),		\
			      "pointer type mismatch in container_of()"); \
		((type *)(__container_mptr - offsetof(type, member)));	\
	})

/* Like container_of(), but a NULL ptr gives NULL. */
#define container_of_safe(ptr, type, member)				\
	({								\
		typeof(ptr) __container_p = (ptr);			\
		__container_p ? container_of(__container_p, type, member) \
			      : NULL;					\
	})

#define container_of_const(ptr, type, member) container_of(ptr, type, member)

#endif /* _LINUX_CONTAINER_OF_H */

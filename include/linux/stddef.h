/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/stddef.h>, replacing the compiler's
 * <stddef.h> for kernel-side code: NULL, offsetof(), the true/false enum and
 * the struct-field size helpers.
 */
#ifndef _LINUX_STDDEF_H
#define _LINUX_STDDEF_H

#include <linux/compiler_types.h>

#undef NULL
#define NULL ((void *)0)

enum {
	false	= 0,
	true	= 1
};

#undef offsetof
#define offsetof(TYPE, MEMBER)	__builtin_offsetof(TYPE, MEMBER)

/* Size of MEMBER in struct TYPE. */
#define sizeof_field(TYPE, MEMBER) sizeof((((TYPE *)0)->MEMBER))

/* Offset of the first byte after MEMBER in struct TYPE. */
#define offsetofend(TYPE, MEMBER) \
	(offsetof(TYPE, MEMBER)	+ sizeof_field(TYPE, MEMBER))

/*
 * A group of members usable both one by one and as a single struct named
 * NAME (for memcpy() of the whole group).
 */
#define struct_group(NAME, MEMBERS...)		\
	union {					\
		struct { MEMBERS };		\
		struct { MEMBERS } NAME;	\
	}

#define struct_group_tagged(TAG, NAME, MEMBERS...)	\
	union {						\
		struct { MEMBERS };			\
		struct TAG { MEMBERS } NAME;		\
	}

/* A flexible array member that may also appear in a union. */
#define DECLARE_FLEX_ARRAY(TYPE, NAME)		\
	struct {				\
		struct { } __empty_ ## NAME;	\
		TYPE NAME[];			\
	}

#endif /* _LINUX_STDDEF_H */

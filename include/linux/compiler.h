/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/compiler.h>: branch hints, compiler
 * barriers and the marked accesses READ_ONCE()/WRITE_ONCE().
 *
 * READ_ONCE()/WRITE_ONCE() of a 1, 2, 4 or 8 byte object are relaxed
 * __atomic accesses rather than volatile ones: they compile to the same
 * plain loads and stores, and ThreadSanitizer then treats them as marked
 * accesses, as KCSAN does in the kernel. Other sizes use volatile byte copies
 * and may tear, as in the kernel.
 */
#ifndef _LINUX_COMPILER_H
#define _LINUX_COMPILER_H

#include <linux/compiler_types.h>

#ifndef __ASSEMBLY__

#define likely(x)		__builtin_expect(!!(x), 1)
#define unlikely(x)		__builtin_expect(!!(x), 0)
#define likely_notrace(x)	likely(x)
#define unlikely_notrace(x)	unlikely(x)

/* Stops the compiler from moving memory accesses across this point. */
#define barrier()		__asm__ __volatile__("" : : : "memory")
#define barrier_data(ptr)	__asm__ __volatile__("" : : "r"(ptr) : "memory")
#define barrier_before_unreachable() do { } while (0)

#define unreachable()		__builtin_unreachable()

/* Hides the value of var from the optimizer, so it cannot assume anything. */
#define OPTIMIZER_HIDE_VAR(var)	__asm__ ("" : "=r" (var) : "0" (var))

#define RELOC_HIDE(ptr, off)						\
	({								\
		unsigned long __reloc_ptr;				\
		__asm__ ("" : "=r"(__reloc_ptr) : "0"(ptr));		\
		(typeof(ptr))(__reloc_ptr + (off));			\
	})

/*
 * Non-zero if x is an integer constant expression. A null pointer constant
 * (x * 0 cast to void *) makes the conditional have type int *, any other
 * void * makes it void *, so sizeof tells the two apart.
 */
#define __is_constexpr(x) \
	(sizeof(*(1 ? (void *)((long)(x) * 0L) : (int *)1)) == sizeof(int))

/* Zero for arrays; a build error for pointers. */
#define __must_be_array(a)						\
	(sizeof(struct { int : (-!!__same_type((a), &(a)[0])); }) * 0)

/* A racy access the author has judged harmless. */
#define data_race(expr)							\
	({								\
		__unqual_scalar_typeof(({ expr; })) __data_race_v = (expr); \
		__data_race_v;						\
	})

static __always_inline void __lkl_read_once_bytes(const volatile void *p,
						  void *res, int size)
{
	switch (size) {
	case 1:
		*(unsigned char *)res = __atomic_load_n(
			(const volatile unsigned char *)p, __ATOMIC_RELAXED);
		break;
	case 2:
		*(unsigned short *)res = __atomic_load_n(
			(const volatile unsigned short *)p, __ATOMIC_RELAXED);
		break;
	case 4:
		*(unsigned int *)res = __atomic_load_n(
			(const volatile unsigned int *)p, __ATOMIC_RELAXED);
		break;
	case 8:
		*(unsigned long long *)res = __atomic_load_n(
			(const volatile unsigned long long *)p,
			__ATOMIC_RELAXED);
		break;
	default:
		for (int i = 0; i < size; i++)
			((unsigned char *)res)[i] =
				((const volatile unsigned char *)p)[i];
	}
}

static __always_inline void __lkl_write_once_bytes(volatile void *p,
						   const void *val, int size)
{
	switch (size) {
	case 1:
		__atomic_store_n((volatile unsigned char *)p,
				 *(const unsigned char *)val, __ATOMIC_RELAXED);
		break;
	case 2:
		__atomic_store_n((volatile unsigned short *)p,
				 *(const unsigned short *)val, __ATOMIC_RELAXED);
		break;
	case 4:
		__atomic_store_n((volatile unsigned int *)p,
				 *(const unsigned int *)val, __ATOMIC_RELAXED);
		break;
	case 8:
		__atomic_store_n((volatile unsigned long long *)p,
				 *(const unsigned long long *)val,
				 __ATOMIC_RELAXED);
		break;
	default:
		for (int i = 0; i < size; i++)
			((volatile unsigned char *)p)[i] =
				((const unsigned char *)val)[i];
	}
}

#define READ_ONCE(x)							\
	({								\
		union {							\
			__unqual_scalar_typeof(x) __val;		\
			char __c[sizeof(x)];				\
		} __read_once_u;					\
		__lkl_read_once_bytes(&(x), __read_once_u.__c,		\
				      sizeof(x));			\
		__read_once_u.__val;					\
	})

#define WRITE_ONCE(x, val)						\
	do {								\
		union {							\
			__unqual_scalar_typeof(x) __val;		\
			char __c[sizeof(x)];				\
		} __write_once_u = { .__val = (val) };			\
		__lkl_write_once_bytes(&(x), __write_once_u.__c,	\
				       sizeof(x));			\
	} while (0)

#define __READ_ONCE(x)		READ_ONCE(x)
#define __WRITE_ONCE(x, val)	WRITE_ONCE(x, val)
#define READ_ONCE_NOCHECK(x)	READ_ONCE(x)

/* The kernel's annotated branch profiling is not emulated. */
#define __branch_check__(x, expect, is_constant) __builtin_expect(!!(x), expect)

#endif /* __ASSEMBLY__ */

#endif /* _LINUX_COMPILER_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <asm/cmpxchg.h>: xchg(), cmpxchg() and
 * try_cmpxchg() on plain lvalues of 1, 2, 4 or 8 bytes, as fully ordered
 * __atomic operations. The _relaxed/_acquire/_release forms are provided;
 * cmpxchg_double() and cmpxchg128() are not.
 */
#ifndef _ASM_CMPXCHG_H
#define _ASM_CMPXCHG_H

#include <linux/compiler.h>

#define __lkl_xchg(ptr, v, order)					\
	({								\
		__unqual_scalar_typeof(*(ptr)) __xchg_new = (v);	\
		__unqual_scalar_typeof(*(ptr)) __xchg_old;		\
		compiletime_assert_atomic_type(*(ptr));			\
		__atomic_exchange((ptr), &__xchg_new, &__xchg_old, order); \
		__xchg_old;						\
	})

/* Returns the value *ptr had; the store happened if that equals old. */
#define __lkl_cmpxchg(ptr, o, n, order)					\
	({								\
		__unqual_scalar_typeof(*(ptr)) __cx_old = (o);		\
		__unqual_scalar_typeof(*(ptr)) __cx_new = (n);		\
		compiletime_assert_atomic_type(*(ptr));			\
		__atomic_compare_exchange((ptr), &__cx_old, &__cx_new,	\
					  false, order,			\
					  __ATOMIC_RELAXED);		\
		__cx_old;						\
	})

/*
 * Returns true if *ptr equalled *oldp and was set to n; otherwise stores the
 * value seen into *oldp and returns false.
 */
#define __lkl_try_cmpxchg(ptr, oldp, n, order)				\
	({								\
		__unqual_scalar_typeof(*(ptr)) __tcx_new = (n);		\
		compiletime_assert_atomic_type(*(ptr));			\
		__atomic_compare_exchange((ptr), (oldp), &__tcx_new,	\
					  false, order,			\
					  __ATOMIC_RELAXED);		\
	})

#define xchg(ptr, v)		__lkl_xchg(ptr, v, __ATOMIC_SEQ_CST)
#define xchg_relaxed(ptr, v)	__lkl_xchg(ptr, v, __ATOMIC_RELAXED)
#define xchg_acquire(ptr, v)	__lkl_xchg(ptr, v, __ATOMIC_ACQUIRE)
#define xchg_release(ptr, v)	__lkl_xchg(ptr, v, __ATOMIC_RELEASE)

#define cmpxchg(ptr, o, n)	__lkl_cmpxchg(ptr, o, n, __ATOMIC_SEQ_CST)
#define cmpxchg_relaxed(ptr, o, n) __lkl_cmpxchg(ptr, o, n, __ATOMIC_RELAXED)
#define cmpxchg_acquire(ptr, o, n) __lkl_cmpxchg(ptr, o, n, __ATOMIC_ACQUIRE)
#define cmpxchg_release(ptr, o, n) __lkl_cmpxchg(ptr, o, n, __ATOMIC_RELEASE)
#define cmpxchg64(ptr, o, n)	cmpxchg(ptr, o, n)
#define cmpxchg_local(ptr, o, n) cmpxchg(ptr, o, n)
#define cmpxchg64_local(ptr, o, n) cmpxchg(ptr, o, n)

#define try_cmpxchg(ptr, oldp, n) \
	__lkl_try_cmpxchg(ptr, oldp, n, __ATOMIC_SEQ_CST)
#define try_cmpxchg_relaxed(ptr, oldp, n) \
	__lkl_try_cmpxchg(ptr, oldp, n, __ATOMIC_RELAXED)
#define try_cmpxchg_acquire(ptr, oldp, n) \
	__lkl_try_cmpxchg(ptr, oldp, n, __ATOMIC_ACQUIRE)
#define try_cmpxchg_release(ptr, oldp, n) \
	__lkl_try_cmpxchg(ptr, oldp, n, __ATOMIC_RELEASE)
#define try_cmpxchg64(ptr, oldp, n) try_cmpxchg(ptr, oldp, n)

#endif /* _ASM_CMPXCHG_H */

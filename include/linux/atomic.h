/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/atomic.h>: atomic_t, atomic64_t and
 * atomic_long_t operations over the compiler's __atomic builtins.
 *
 * Ordering follows the kernel's rules: operations that return a value are
 * fully ordered (sequentially consistent), with _relaxed, _acquire and
 * _release variants; void operations (atomic_inc() and so on) and
 * atomic_read()/atomic_set() are relaxed.
 */
#ifndef _LINUX_ATOMIC_H
#define _LINUX_ATOMIC_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <asm/barrier.h>
#include <asm/cmpxchg.h>

#define ATOMIC_INIT(i)		{ (i) }
#define ATOMIC64_INIT(i)	{ (i) }
#define ATOMIC_LONG_INIT(i)	{ (i) }

#define __LKL_RLX	__ATOMIC_RELAXED
#define __LKL_ACQ	__ATOMIC_ACQUIRE
#define __LKL_REL	__ATOMIC_RELEASE
#define __LKL_FULL	__ATOMIC_SEQ_CST

/* name##sfx(v) returning the new value of v->counter after op i. */
#define __LKL_ATOMIC_OP_RETURN(name, sfx, T, I, builtin, order)	\
static __always_inline I name##sfx(I i, T *v)				\
{									\
	return builtin(&v->counter, i, order);				\
}

#define __LKL_ATOMIC_ORDERS(name, T, I, builtin)			\
	__LKL_ATOMIC_OP_RETURN(name, , T, I, builtin, __LKL_FULL)	\
	__LKL_ATOMIC_OP_RETURN(name, _relaxed, T, I, builtin, __LKL_RLX) \
	__LKL_ATOMIC_OP_RETURN(name, _acquire, T, I, builtin, __LKL_ACQ) \
	__LKL_ATOMIC_OP_RETURN(name, _release, T, I, builtin, __LKL_REL)

#define __LKL_ATOMIC_XCHG(p, T, I, sfx, order)				\
static __always_inline I p##_xchg##sfx(T *v, I new)			\
{									\
	return __atomic_exchange_n(&v->counter, new, order);		\
}									\
static __always_inline I p##_cmpxchg##sfx(T *v, I old, I new)		\
{									\
	__atomic_compare_exchange_n(&v->counter, &old, new, false,	\
				    order, __LKL_RLX);			\
	return old;							\
}									\
static __always_inline bool p##_try_cmpxchg##sfx(T *v, I *old, I new)	\
{									\
	return __atomic_compare_exchange_n(&v->counter, old, new, false, \
					   order, __LKL_RLX);		\
}

/* Every operation for one atomic type T whose counter has type I. */
#define __LKL_ATOMIC_TYPE(p, T, I)					\
static __always_inline I p##_read(const T *v)				\
{									\
	return __atomic_load_n(&v->counter, __LKL_RLX);			\
}									\
static __always_inline I p##_read_acquire(const T *v)			\
{									\
	return __atomic_load_n(&v->counter, __LKL_ACQ);			\
}									\
static __always_inline void p##_set(T *v, I i)				\
{									\
	__atomic_store_n(&v->counter, i, __LKL_RLX);			\
}									\
static __always_inline void p##_set_release(T *v, I i)			\
{									\
	__atomic_store_n(&v->counter, i, __LKL_REL);			\
}									\
static __always_inline void p##_add(I i, T *v)				\
{									\
	__atomic_fetch_add(&v->counter, i, __LKL_RLX);			\
}									\
static __always_inline void p##_sub(I i, T *v)				\
{									\
	__atomic_fetch_sub(&v->counter, i, __LKL_RLX);			\
}									\
static __always_inline void p##_and(I i, T *v)				\
{									\
	__atomic_fetch_and(&v->counter, i, __LKL_RLX);			\
}									\
static __always_inline void p##_or(I i, T *v)				\
{									\
	__atomic_fetch_or(&v->counter, i, __LKL_RLX);			\
}									\
static __always_inline void p##_xor(I i, T *v)				\
{									\
	__atomic_fetch_xor(&v->counter, i, __LKL_RLX);			\
}									\
static __always_inline void p##_andnot(I i, T *v)			\
{									\
	__atomic_fetch_and(&v->counter, ~i, __LKL_RLX);			\
}									\
static __always_inline void p##_inc(T *v)				\
{									\
	p##_add(1, v);							\
}									\
static __always_inline void p##_dec(T *v)				\
{									\
	p##_sub(1, v);							\
}									\
__LKL_ATOMIC_ORDERS(p##_add_return, T, I, __atomic_add_fetch)		\
__LKL_ATOMIC_ORDERS(p##_sub_return, T, I, __atomic_sub_fetch)		\
__LKL_ATOMIC_ORDERS(p##_fetch_add, T, I, __atomic_fetch_add)		\
__LKL_ATOMIC_ORDERS(p##_fetch_sub, T, I, __atomic_fetch_sub)		\
__LKL_ATOMIC_ORDERS(p##_fetch_and, T, I, __atomic_fetch_and)		\
__LKL_ATOMIC_ORDERS(p##_fetch_or, T, I, __atomic_fetch_or)		\
__LKL_ATOMIC_ORDERS(p##_fetch_xor, T, I, __atomic_fetch_xor)		\
static __always_inline I p##_fetch_andnot(I i, T *v)			\
{									\
	return __atomic_fetch_and(&v->counter, ~i, __LKL_FULL);		\
}									\
static __always_inline I p##_fetch_andnot_relaxed(I i, T *v)		\
{									\
	return __atomic_fetch_and(&v->counter, ~i, __LKL_RLX);		\
}									\
static __always_inline I p##_inc_return(T *v)				\
{									\
	return p##_add_return(1, v);					\
}									\
static __always_inline I p##_inc_return_relaxed(T *v)			\
{									\
	return p##_add_return_relaxed(1, v);				\
}									\
static __always_inline I p##_inc_return_acquire(T *v)			\
{									\
	return p##_add_return_acquire(1, v);				\
}									\
static __always_inline I p##_inc_return_release(T *v)			\
{									\
	return p##_add_return_release(1, v);				\
}									\
static __always_inline I p##_dec_return(T *v)				\
{									\
	return p##_sub_return(1, v);					\
}									\
static __always_inline I p##_dec_return_relaxed(T *v)			\
{									\
	return p##_sub_return_relaxed(1, v);				\
}									\
static __always_inline I p##_dec_return_acquire(T *v)			\
{									\
	return p##_sub_return_acquire(1, v);				\
}									\
static __always_inline I p##_dec_return_release(T *v)			\
{									\
	return p##_sub_return_release(1, v);				\
}									\
static __always_inline I p##_fetch_inc(T *v)				\
{									\
	return p##_fetch_add(1, v);					\
}									\
static __always_inline I p##_fetch_inc_relaxed(T *v)			\
{									\
	return p##_fetch_add_relaxed(1, v);				\
}									\
static __always_inline I p##_fetch_dec(T *v)				\
{									\
	return p##_fetch_sub(1, v);					\
}									\
static __always_inline I p##_fetch_dec_relaxed(T *v)			\
{									\
	return p##_fetch_sub_relaxed(1, v);				\
}									\
__LKL_ATOMIC_XCHG(p, T, I, , __LKL_FULL)				\
__LKL_ATOMIC_XCHG(p, T, I, _relaxed, __LKL_RLX)				\
__LKL_ATOMIC_XCHG(p, T, I, _acquire, __LKL_ACQ)				\
__LKL_ATOMIC_XCHG(p, T, I, _release, __LKL_REL)				\
static __always_inline bool p##_sub_and_test(I i, T *v)			\
{									\
	return p##_sub_return(i, v) == 0;				\
}									\
static __always_inline bool p##_dec_and_test(T *v)			\
{									\
	return p##_dec_return(v) == 0;					\
}									\
static __always_inline bool p##_inc_and_test(T *v)			\
{									\
	return p##_inc_return(v) == 0;					\
}									\
static __always_inline bool p##_add_negative(I i, T *v)			\
{									\
	return p##_add_return(i, v) < 0;				\
}									\
/* Adds a to v unless v was u; returns the old value. */		\
static __always_inline I p##_fetch_add_unless(T *v, I a, I u)		\
{									\
	I c = p##_read(v);						\
									\
	do {								\
		if (unlikely(c == u))					\
			break;						\
	} while (!p##_try_cmpxchg(v, &c, c + a));			\
	return c;							\
}									\
/* Adds a to v unless v was u; returns true if it added. */		\
static __always_inline bool p##_add_unless(T *v, I a, I u)		\
{									\
	return p##_fetch_add_unless(v, a, u) != u;			\
}									\
static __always_inline bool p##_inc_not_zero(T *v)			\
{									\
	return p##_add_unless(v, 1, 0);					\
}									\
static __always_inline bool p##_inc_unless_negative(T *v)		\
{									\
	I c = p##_read(v);						\
									\
	do {								\
		if (unlikely(c < 0))					\
			return false;					\
	} while (!p##_try_cmpxchg(v, &c, c + 1));			\
	return true;							\
}									\
static __always_inline bool p##_dec_unless_positive(T *v)		\
{									\
	I c = p##_read(v);						\
									\
	do {								\
		if (unlikely(c > 0))					\
			return false;					\
	} while (!p##_try_cmpxchg(v, &c, c - 1));			\
	return true;							\
}									\
/*									\
 * Decrements v if the result is not negative; returns the old value	\
 * minus one either way.						\
 */									\
static __always_inline I p##_dec_if_positive(T *v)			\
{									\
	I c = p##_read(v);						\
	I dec;								\
									\
	do {								\
		dec = c - 1;						\
		if (unlikely(dec < 0))					\
			break;						\
	} while (!p##_try_cmpxchg(v, &c, dec));				\
	return dec;							\
}

__LKL_ATOMIC_TYPE(atomic, atomic_t, int)
__LKL_ATOMIC_TYPE(atomic64, atomic64_t, s64)
__LKL_ATOMIC_TYPE(atomic_long, atomic_long_t, long)

/* Waits until cond_expr on VAL (the counter) is true; see <asm/barrier.h>. */
#define atomic_cond_read_relaxed(v, c)	smp_cond_load_relaxed(&(v)->counter, (c))
#define atomic_cond_read_acquire(v, c)	smp_cond_load_acquire(&(v)->counter, (c))
#define atomic64_cond_read_relaxed(v, c) smp_cond_load_relaxed(&(v)->counter, (c))
#define atomic64_cond_read_acquire(v, c) smp_cond_load_acquire(&(v)->counter, (c))
#define atomic_long_cond_read_relaxed(v, c) \
	smp_cond_load_relaxed(&(v)->counter, (c))
#define atomic_long_cond_read_acquire(v, c) \
	smp_cond_load_acquire(&(v)->counter, (c))

#endif /* _LINUX_ATOMIC_H */

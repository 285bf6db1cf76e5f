/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <asm/barrier.h>: memory barriers as C11 fences
 * (__atomic_thread_fence), so they order real host threads and
 * ThreadSanitizer understands them. smp_*() barriers are full fences even
 * without CONFIG_SMP, because emulated CPUs may run on host threads in any
 * configuration. The dma_*() and virt_*() variants are not provided.
 */
#ifndef _ASM_BARRIER_H
#define _ASM_BARRIER_H

#include <linux/compiler.h>

#define mb()		__atomic_thread_fence(__ATOMIC_SEQ_CST)
#define rmb()		__atomic_thread_fence(__ATOMIC_ACQUIRE)
#define wmb()		__atomic_thread_fence(__ATOMIC_RELEASE)

#define smp_mb()	mb()
#define smp_rmb()	rmb()
#define smp_wmb()	wmb()
#define __smp_mb()	smp_mb()
#define __smp_rmb()	smp_rmb()
#define __smp_wmb()	smp_wmb()

/* Value-returning atomics are already full barriers; plain ones are not. */
#define smp_mb__before_atomic()		smp_mb()
#define smp_mb__after_atomic()		smp_mb()
#define smp_mb__after_spinlock()	smp_mb()

/* Orders the control dependency's load before later loads too. */
#define smp_acquire__after_ctrl_dep()	smp_rmb()

#define smp_store_mb(var, value)					\
	do {								\
		WRITE_ONCE(var, value);					\
		smp_mb();						\
	} while (0)

#define __lkl_check_native_word(p)					\
	compiletime_assert_atomic_type(*(p))

#define smp_store_release(p, v)						\
	do {								\
		__lkl_check_native_word(p);				\
		__unqual_scalar_typeof(*(p)) __ssr_v = (v);		\
		__atomic_store((p), &__ssr_v, __ATOMIC_RELEASE);	\
	} while (0)

#define smp_load_acquire(p)						\
	({								\
		__unqual_scalar_typeof(*(p)) __sla_v;			\
		__lkl_check_native_word(p);				\
		__atomic_load((p), &__sla_v, __ATOMIC_ACQUIRE);		\
		__sla_v;						\
	})

/*
 * Spins until cond_expr (which may use VAL, the value at ptr) is true.
 * cpu_relax() comes from <asm/processor.h>, which the caller must include:
 * it is a scheduling point, so the task that sets *ptr gets to run.
 */
#define smp_cond_load_relaxed(ptr, cond_expr)				\
	({								\
		typeof(ptr) __scl_ptr = (ptr);				\
		__unqual_scalar_typeof(*(ptr)) VAL;			\
		for (;;) {						\
			VAL = READ_ONCE(*__scl_ptr);			\
			if (cond_expr)					\
				break;					\
			cpu_relax();					\
		}							\
		(typeof(*(ptr)))VAL;					\
	})

#define smp_cond_load_acquire(ptr, cond_expr)				\
	({								\
		__unqual_scalar_typeof(*(ptr)) __scla_v;		\
		__scla_v = smp_cond_load_relaxed(ptr, cond_expr);	\
		smp_acquire__after_ctrl_dep();				\
		(typeof(*(ptr)))__scla_v;				\
	})

#endif /* _ASM_BARRIER_H */

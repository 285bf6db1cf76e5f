/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stands in for the kernel's <linux/percpu.h> and <linux/percpu-defs.h>.
 *
 * As in the kernel, DEFINE_PER_CPU() variables live in one ELF section
 * that serves as a template; at boot each possible CPU gets its own copy,
 * and a per-CPU pointer is turned into CPU n's instance by adding
 * __per_cpu_offset[n]. alloc_percpu() carves from a reserve at the end of
 * every copy, sized by the percpu_reserve= boot parameter.
 */
#ifndef __LINUX_PERCPU_H
#define __LINUX_PERCPU_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/smp.h>
#include <linux/gfp.h>

#define PER_CPU_SECTION_NAME	"lkl_percpu"
#define __PCPU_ATTRS		__attribute__((__section__(PER_CPU_SECTION_NAME)))

#define DECLARE_PER_CPU(type, name)	extern __typeof__(type) name
#define DEFINE_PER_CPU(type, name)	__PCPU_ATTRS __typeof__(type) name
#define DECLARE_PER_CPU_ALIGNED(type, name)		DECLARE_PER_CPU(type, name)
#define DEFINE_PER_CPU_ALIGNED(type, name) \
	DEFINE_PER_CPU(type, name) ____cacheline_aligned
#define DECLARE_PER_CPU_SHARED_ALIGNED(type, name)	DECLARE_PER_CPU(type, name)
#define DEFINE_PER_CPU_SHARED_ALIGNED(type, name) \
	DEFINE_PER_CPU_ALIGNED(type, name)
#define DECLARE_PER_CPU_READ_MOSTLY(type, name)		DECLARE_PER_CPU(type, name)
#define DEFINE_PER_CPU_READ_MOSTLY(type, name)		DEFINE_PER_CPU(type, name)
#define DECLARE_PER_CPU_PAGE_ALIGNED(type, name)	DECLARE_PER_CPU(type, name)
#define DEFINE_PER_CPU_PAGE_ALIGNED(type, name)		DEFINE_PER_CPU(type, name)

extern unsigned long __per_cpu_offset[CONFIG_NR_CPUS];
#define per_cpu_offset(x)	(__per_cpu_offset[x])

#define SHIFT_PERCPU_PTR(__p, __offset) \
	((typeof(__p))((unsigned long)(__p) + (__offset)))

#define per_cpu_ptr(ptr, cpu)	SHIFT_PERCPU_PTR((ptr), per_cpu_offset(cpu))
#define per_cpu(var, cpu)	(*per_cpu_ptr(&(var), (cpu)))
#define raw_cpu_ptr(ptr)	per_cpu_ptr((ptr), raw_smp_processor_id())
#define this_cpu_ptr(ptr)	raw_cpu_ptr(ptr)
#define get_cpu_ptr(var)	({ preempt_disable(); this_cpu_ptr(var); })
#define put_cpu_ptr(var)	do { (void)(var); preempt_enable(); } while (0)
#define get_cpu_var(var)	(*({ preempt_disable(); this_cpu_ptr(&var); }))
#define put_cpu_var(var)	do { (void)&(var); preempt_enable(); } while (0)

/*
 * Interrupts reach an emulated CPU only at scheduling points, and these
 * operations contain none, so plain accesses are interrupt-safe here.
 */
#define raw_cpu_read(pcp)		READ_ONCE(*raw_cpu_ptr(&(pcp)))
#define raw_cpu_write(pcp, val)		WRITE_ONCE(*raw_cpu_ptr(&(pcp)), (val))
#define raw_cpu_add(pcp, val)		do { *raw_cpu_ptr(&(pcp)) += (val); } while (0)
#define raw_cpu_sub(pcp, val)		raw_cpu_add((pcp), -(val))
#define raw_cpu_inc(pcp)		raw_cpu_add((pcp), 1)
#define raw_cpu_dec(pcp)		raw_cpu_sub((pcp), 1)
#define raw_cpu_add_return(pcp, val)	({ *raw_cpu_ptr(&(pcp)) += (val); })
#define raw_cpu_inc_return(pcp)		raw_cpu_add_return((pcp), 1)
#define raw_cpu_dec_return(pcp)		raw_cpu_add_return((pcp), -1)
#define raw_cpu_xchg(pcp, nval)					\
({								\
	typeof(pcp) *__p = raw_cpu_ptr(&(pcp));			\
	typeof(pcp) __old = *__p;				\
	*__p = (nval);						\
	__old;							\
})
#define raw_cpu_cmpxchg(pcp, oval, nval)			\
({								\
	typeof(pcp) *__p = raw_cpu_ptr(&(pcp));			\
	typeof(pcp) __old = *__p;				\
	if (__old == (oval))					\
		*__p = (nval);					\
	__old;							\
})

#define __this_cpu_read(pcp)		raw_cpu_read(pcp)
#define __this_cpu_write(pcp, val)	raw_cpu_write(pcp, val)
#define __this_cpu_add(pcp, val)	raw_cpu_add(pcp, val)
#define __this_cpu_sub(pcp, val)	raw_cpu_sub(pcp, val)
#define __this_cpu_inc(pcp)		raw_cpu_inc(pcp)
#define __this_cpu_dec(pcp)		raw_cpu_dec(pcp)
#define __this_cpu_inc_return(pcp)	raw_cpu_inc_return(pcp)
#define __this_cpu_dec_return(pcp)	raw_cpu_dec_return(pcp)
#define this_cpu_read(pcp)		raw_cpu_read(pcp)
#define this_cpu_write(pcp, val)	raw_cpu_write(pcp, val)
#define this_cpu_add(pcp, val)		raw_cpu_add(pcp, val)
#define this_cpu_sub(pcp, val)		raw_cpu_sub(pcp, val)
#define this_cpu_inc(pcp)		raw_cpu_inc(pcp)
#define this_cpu_dec(pcp)		raw_cpu_dec(pcp)
#define this_cpu_add_return(pcp, val)	raw_cpu_add_return(pcp, val)
#define this_cpu_inc_return(pcp)	raw_cpu_inc_return(pcp)
#define this_cpu_dec_return(pcp)	raw_cpu_dec_return(pcp)
#define this_cpu_xchg(pcp, nval)	raw_cpu_xchg(pcp, nval)
#define this_cpu_cmpxchg(pcp, o, n)	raw_cpu_cmpxchg(pcp, o, n)

void __percpu *__alloc_percpu(size_t size, size_t align);
void __percpu *__alloc_percpu_gfp(size_t size, size_t align, gfp_t gfp);
void free_percpu(void __percpu *ptr);

#define alloc_percpu_gfp(type, gfp) \
	((typeof(type) __percpu *)__alloc_percpu_gfp(sizeof(type), \
						     __alignof__(type), (gfp)))
#define alloc_percpu(type) \
	((typeof(type) __percpu *)__alloc_percpu(sizeof(type), \
						 __alignof__(type)))

#endif /* __LINUX_PERCPU_H */

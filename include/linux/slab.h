/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/slab.h>, implemented by lkl-shim/slab.c
 * on the host allocator, so ASan and valgrind see each object separately.
 * Every live object is recorded with its size, cache and allocating call
 * site, so that invalid and double frees, frees to the wrong cache and
 * leaks are reported with the call sites involved.
 *
 * There are no slabs: SLAB_* flags other than SLAB_HWCACHE_ALIGN are
 * accepted and ignored, kmem_cache_shrink() does nothing, and ksize()
 * returns the requested size (so nothing may use memory past it).
 */
#ifndef _LINUX_SLAB_H
#define _LINUX_SLAB_H

#include <linux/types.h>
#include <linux/gfp.h>
#include <linux/overflow.h>
#include <linux/compiler.h>
#include <linux/instruction_pointer.h>

#define SLAB_CONSISTENCY_CHECKS	((slab_flags_t)0x00000100U)
#define SLAB_RED_ZONE		((slab_flags_t)0x00000400U)
#define SLAB_POISON		((slab_flags_t)0x00000800U)
#define SLAB_KMALLOC		((slab_flags_t)0x00001000U)
#define SLAB_HWCACHE_ALIGN	((slab_flags_t)0x00002000U)
#define SLAB_CACHE_DMA		((slab_flags_t)0x00004000U)
#define SLAB_CACHE_DMA32	((slab_flags_t)0x00008000U)
#define SLAB_STORE_USER		((slab_flags_t)0x00010000U)
#define SLAB_PANIC		((slab_flags_t)0x00040000U)
#define SLAB_TYPESAFE_BY_RCU	((slab_flags_t)0x00080000U)
#define SLAB_MEM_SPREAD		((slab_flags_t)0x00100000U)
#define SLAB_TRACE		((slab_flags_t)0x00200000U)
#define SLAB_DEBUG_OBJECTS	((slab_flags_t)0x00400000U)
#define SLAB_NOLEAKTRACE	((slab_flags_t)0x00800000U)
#define SLAB_FAILSLAB		((slab_flags_t)0x02000000U)
#define SLAB_ACCOUNT		((slab_flags_t)0x04000000U)
#define SLAB_KASAN		0
#define SLAB_NO_USER_FLAGS	((slab_flags_t)0x10000000U)
#define SLAB_RECLAIM_ACCOUNT	((slab_flags_t)0x00020000U)
#define SLAB_TEMPORARY		SLAB_RECLAIM_ACCOUNT

/*
 * kmalloc(0) returns this: not NULL, but faults on access. kfree() accepts
 * it.
 */
#define ZERO_SIZE_PTR ((void *)16)
#define ZERO_OR_NULL_PTR(x) ((unsigned long)(x) <= (unsigned long)ZERO_SIZE_PTR)

/* The x86-64 6.1 SLUB limit: order MAX_ORDER - 1 (10) pages of 4 KiB. */
#define KMALLOC_SHIFT_MAX	22
#define KMALLOC_MAX_SIZE	(1UL << KMALLOC_SHIFT_MAX)
#define KMALLOC_MAX_CACHE_SIZE	(1UL << 13)
#define KMALLOC_MIN_SIZE	8
#define ARCH_KMALLOC_MINALIGN	__alignof__(unsigned long long)
#define ARCH_SLAB_MINALIGN	__alignof__(unsigned long long)

struct kmem_cache;

void *__kmalloc(size_t size, gfp_t flags) __malloc;
void *__kmalloc_track_caller(size_t size, gfp_t flags, unsigned long caller)
	__malloc;
void *krealloc(const void *objp, size_t new_size, gfp_t flags)
	__must_check;
void kfree(const void *objp);
/* Zeroes the object before freeing it. */
void kfree_sensitive(const void *objp);
size_t ksize(const void *objp);

/*
 * Creates a cache of objects of size bytes, aligned to align (or to the
 * cache line with SLAB_HWCACHE_ALIGN). ctor, if set, runs on each object
 * as it is allocated (the kernel runs it when a slab is filled, which a
 * caller cannot tell apart, except after kmem_cache_free()).
 */
struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *));
struct kmem_cache *kmem_cache_create_usercopy(const char *name,
					      unsigned int size,
					      unsigned int align,
					      slab_flags_t flags,
					      unsigned int useroffset,
					      unsigned int usersize,
					      void (*ctor)(void *));
/* WARNs and leaks the cache if it still has live objects, as the kernel does. */
void kmem_cache_destroy(struct kmem_cache *s);
int kmem_cache_shrink(struct kmem_cache *s);
void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags) __malloc;
void kmem_cache_free(struct kmem_cache *s, void *objp);
const char *kmem_cache_name(struct kmem_cache *s);
unsigned int kmem_cache_size(struct kmem_cache *s);

/*
 * Continues a printk() line with the cache, offset, size and allocation
 * site of the slab object containing object. Returns false, and prints
 * nothing, if object is in no live slab object.
 */
bool kmem_dump_obj(void *object);

/* True if object points into a live kmalloc() or kmem_cache object. */
bool kmem_valid_obj(void *object);

/* kmalloc()-family allocation that may exceed KMALLOC_MAX_SIZE. */
void *__kvmalloc(size_t size, gfp_t flags) __malloc;
void *kvmalloc_node_caller(size_t size, gfp_t flags, unsigned long caller)
	__malloc;
void kvfree(const void *addr);
void kvfree_sensitive(const void *addr, size_t len);
void *kvrealloc(const void *p, size_t oldsize, size_t newsize, gfp_t flags)
	__must_check;

#define KMEM_CACHE(__struct, __flags)					\
	kmem_cache_create(#__struct, sizeof(struct __struct),		\
			  __alignof__(struct __struct), (__flags), NULL)

#define KMEM_CACHE_USERCOPY(__struct, __flags, __field)			\
	KMEM_CACHE(__struct, __flags)

/*
 * The allocation entry points are macros over out-of-line functions, so
 * the return address the allocator records is in the kernel caller and
 * symbolizes to the caller's own line, not to an inlined wrapper.
 */
#define kmalloc(size, flags)		__kmalloc(size, flags)
#define kmalloc_node(size, flags, node)	__kmalloc(size, flags)
#define kzalloc(size, flags)		__kmalloc(size, (flags) | __GFP_ZERO)
#define kzalloc_node(size, flags, node)	__kmalloc(size, (flags) | __GFP_ZERO)
#define kmalloc_track_caller(size, flags) \
	__kmalloc_track_caller(size, flags, _RET_IP_)

/* Each returns NULL, without a warning, if n * size overflows. */
void *kmalloc_array(size_t n, size_t size, gfp_t flags) __malloc;
void *kcalloc(size_t n, size_t size, gfp_t flags) __malloc;
void *krealloc_array(void *p, size_t new_n, size_t new_size, gfp_t flags)
	__must_check;
void *kvmalloc_array(size_t n, size_t size, gfp_t flags) __malloc;
void *kvcalloc(size_t n, size_t size, gfp_t flags) __malloc;

#define kmem_cache_zalloc(s, flags)	kmem_cache_alloc(s, (flags) | __GFP_ZERO)
#define kmem_cache_alloc_node(s, flags, node) kmem_cache_alloc(s, flags)

#define kvmalloc(size, flags)		__kvmalloc(size, flags)
#define kvmalloc_node(size, flags, node) __kvmalloc(size, flags)
#define kvzalloc(size, flags)		__kvmalloc(size, (flags) | __GFP_ZERO)

#endif /* _LINUX_SLAB_H */

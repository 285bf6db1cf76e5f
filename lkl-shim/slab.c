// SPDX-License-Identifier: GPL-2.0
/*
 * kmalloc(), kmem_cache and kvmalloc() for the emulated kernel, on the host
 * allocator. Each live object is in a hash table with its size, cache and
 * allocation site. Recently freed objects are remembered, so a second free
 * is reported as a double free. Invalid frees stop the run, and
 * lkl_slab_report_leaks() lists leaks. A spinlock on __atomic builtins
 * protects the table, so host threads may allocate concurrently.
 */

#define MODULE_PARAM_PREFIX "lkl."

#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/bug.h>
#include <linux/moduleparam.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/cache.h>
#include <linux/bug.h>
#include <lkl/debug.h>
#include <lkl/host.h>

#define SYM_LEN			256
#define OBJ_HASH_BITS		16
#define OBJ_HASH_SIZE		(1UL << OBJ_HASH_BITS)
/* How many freed objects are remembered for double-free reports. */
#define FREED_RING_SIZE		4096

enum obj_kind {
	OBJ_KMALLOC,
	OBJ_CACHE,
	/* kvmalloc() beyond KMALLOC_MAX_SIZE: the kernel's vmalloc() case. */
	OBJ_VMALLOC,
};

struct kmem_cache {
	const char *name;
	unsigned int size;
	unsigned int align;
	slab_flags_t flags;
	void (*ctor)(void *);
	unsigned long live;		/* objects allocated and not freed */
};

struct slab_obj {
	struct slab_obj *next;		/* hash chain */
	const void *ptr;
	size_t size;
	struct kmem_cache *cache;	/* NULL for kmalloc() */
	enum obj_kind kind;
	unsigned long alloc_site;
};

struct freed_obj {
	const void *ptr;
	size_t size;
	struct kmem_cache *cache;
	unsigned long alloc_site;
	unsigned long free_site;
};

static struct slab_obj **obj_hash;
static unsigned long nr_live;
static struct freed_obj freed_ring[FREED_RING_SIZE];
static unsigned long freed_next;
static int slab_lock;

/* Fault injection state, read without the lock. */
static unsigned long fail_nth;
static unsigned long alloc_attempts;
static unsigned long injected_failures;
static bool (*fail_hook)(size_t size, gfp_t flags);
module_param_named(failslab, fail_nth, ulong, 0644);
MODULE_PARM_DESC(failslab,
		 "make every Nth slab allocation fail (0: never; __GFP_NOFAIL ones never fail)");

static void slab_lock_acquire(void)
{
	while (__atomic_exchange_n(&slab_lock, 1, __ATOMIC_ACQUIRE))
		while (__atomic_load_n(&slab_lock, __ATOMIC_RELAXED))
			__builtin_ia32_pause();
}

static void slab_lock_release(void)
{
	__atomic_store_n(&slab_lock, 0, __ATOMIC_RELEASE);
}

static unsigned long hash_ptr_slot(const void *ptr)
{
	unsigned long v = (unsigned long)ptr >> 4;

	v *= 0x9e3779b97f4a7c15UL;
	return v >> (64 - OBJ_HASH_BITS);
}

static const char *site_name(unsigned long site, char *buf, size_t size)
{
	if (!site)
		return "(unknown)";
	return lkl_host_symbolize((const void *)site, buf, size);
}

void lkl_slab_fail_nth(unsigned long n)
{
	WRITE_ONCE(fail_nth, n);
}

void lkl_slab_set_fail_hook(bool (*hook)(size_t size, gfp_t flags))
{
	WRITE_ONCE(fail_hook, hook);
}

unsigned long lkl_slab_injected_failures(void)
{
	return READ_ONCE(injected_failures);
}

/* True if fault injection makes this allocation fail. */
static bool should_fail(size_t size, gfp_t flags)
{
	unsigned long nth = READ_ONCE(fail_nth);
	bool (*hook)(size_t size, gfp_t flags) = READ_ONCE(fail_hook);
	unsigned long attempt;

	if (flags & __GFP_NOFAIL)
		return false;
	attempt = __atomic_add_fetch(&alloc_attempts, 1, __ATOMIC_RELAXED);
	if ((nth && attempt % nth == 0) || (hook && hook(size, flags))) {
		__atomic_fetch_add(&injected_failures, 1, __ATOMIC_RELAXED);
		return true;
	}
	return false;
}

/* Records a new object; returns false if the host had no memory for it. */
static bool track_object(const void *ptr, size_t size, struct kmem_cache *s,
			 enum obj_kind kind, unsigned long site)
{
	struct slab_obj *obj = lkl_host_malloc(sizeof(*obj), 0);
	unsigned long slot = hash_ptr_slot(ptr);

	if (!obj)
		return false;
	obj->ptr = ptr;
	obj->size = size;
	obj->cache = s;
	obj->kind = kind;
	obj->alloc_site = site;

	slab_lock_acquire();
	if (!obj_hash) {
		obj_hash = lkl_host_malloc(OBJ_HASH_SIZE * sizeof(*obj_hash), 0);
		if (!obj_hash) {
			slab_lock_release();
			lkl_host_free(obj);
			return false;
		}
		memset(obj_hash, 0, OBJ_HASH_SIZE * sizeof(*obj_hash));
	}
	obj->next = obj_hash[slot];
	obj_hash[slot] = obj;
	nr_live++;
	if (s)
		s->live++;
	slab_lock_release();
	return true;
}

/* Unlinks the record of ptr and returns it, or NULL. Caller holds the lock. */
static struct slab_obj *untrack_object_locked(const void *ptr)
{
	struct slab_obj **link;

	if (!obj_hash)
		return NULL;
	for (link = &obj_hash[hash_ptr_slot(ptr)]; *link; link = &(*link)->next) {
		struct slab_obj *obj = *link;

		if (obj->ptr == ptr) {
			*link = obj->next;
			nr_live--;
			if (obj->cache)
				obj->cache->live--;
			return obj;
		}
	}
	return NULL;
}

static void remember_freed_locked(const struct slab_obj *obj,
				  unsigned long free_site)
{
	struct freed_obj *f = &freed_ring[freed_next++ % FREED_RING_SIZE];

	f->ptr = obj->ptr;
	f->size = obj->size;
	f->cache = obj->cache;
	f->alloc_site = obj->alloc_site;
	f->free_site = free_site;
}

/* Copies the record of the live object containing ptr; false if none. */
static bool find_containing_object(const void *ptr, struct slab_obj *copy)
{
	bool found = false;
	unsigned long i;

	if (ZERO_OR_NULL_PTR(ptr))
		return false;
	slab_lock_acquire();
	/*
	 * The common case, ptr at the start of an object (kfree_rcu() checks
	 * every head this way), is one hash lookup; only an interior pointer
	 * needs the scan of every live object.
	 */
	if (obj_hash) {
		struct slab_obj *obj;

		for (obj = obj_hash[hash_ptr_slot(ptr)]; obj; obj = obj->next) {
			if (obj->ptr == ptr) {
				*copy = *obj;
				slab_lock_release();
				return true;
			}
		}
	}
	for (i = 0; obj_hash && i < OBJ_HASH_SIZE && !found; i++) {
		struct slab_obj *obj;

		for (obj = obj_hash[i]; obj; obj = obj->next) {
			if ((const char *)ptr >= (const char *)obj->ptr &&
			    (const char *)ptr < (const char *)obj->ptr + obj->size) {
				*copy = *obj;
				found = true;
				break;
			}
		}
	}
	slab_lock_release();
	return found;
}

/* Stops the run on a free of ptr that no live object matches. */
static void __noreturn report_bad_free(const char *fn, const void *ptr,
				       unsigned long site)
{
	char sym1[SYM_LEN], sym2[SYM_LEN], sym3[SYM_LEN];
	struct freed_obj freed = { 0 };
	struct slab_obj *container = NULL;
	struct slab_obj copy;
	unsigned long i;

	slab_lock_acquire();
	for (i = 0; i < FREED_RING_SIZE && i < freed_next; i++) {
		struct freed_obj *f =
			&freed_ring[(freed_next - 1 - i) % FREED_RING_SIZE];

		if (f->ptr == ptr) {
			freed = *f;
			break;
		}
	}
	slab_lock_release();
	if (!freed.ptr && find_containing_object(ptr, &copy))
		container = &copy;

	if (freed.ptr)
		lkl_report_bug("slab: double free of %px in %s() from %s; the %zu-byte object was allocated at %s%s%s and already freed at %s\n",
			       ptr, fn, site_name(site, sym1, sizeof(sym1)),
			       freed.size,
			       site_name(freed.alloc_site, sym2, sizeof(sym2)),
			       freed.cache ? " from cache " : "",
			       freed.cache ? freed.cache->name : "",
			       site_name(freed.free_site, sym3, sizeof(sym3)));
	if (container)
		lkl_report_bug("slab: invalid free of %px in %s() from %s: pointer is %zu bytes inside the %zu-byte object %px allocated at %s\n",
			       ptr, fn, site_name(site, sym1, sizeof(sym1)),
			       (size_t)((const char *)ptr -
					(const char *)container->ptr),
			       container->size, container->ptr,
			       site_name(container->alloc_site, sym2,
					 sizeof(sym2)));
	lkl_report_bug("slab: invalid free of %px in %s() from %s: not allocated by kmalloc() or kmem_cache_alloc()\n",
		       ptr, fn, site_name(site, sym1, sizeof(sym1)));
}

static void *slab_alloc(size_t size, gfp_t flags, struct kmem_cache *s,
			enum obj_kind kind, unsigned long site)
{
	unsigned long align = ARCH_KMALLOC_MINALIGN;
	void *p;

	might_sleep_if(gfpflags_allow_blocking(flags));

	if (s) {
		align = s->align;
	} else if (size && (size & (size - 1)) == 0) {
		/* The kernel aligns power-of-two kmalloc() sizes naturally. */
		align = size < 4096 ? size : 4096;
		if (align < ARCH_KMALLOC_MINALIGN)
			align = ARCH_KMALLOC_MINALIGN;
	}

	if (should_fail(size, flags))
		return NULL;

	p = lkl_host_malloc(size, align);
	if (!p || !track_object(p, size, s, kind, site)) {
		if (p)
			lkl_host_free(p);
		if (flags & __GFP_NOFAIL)
			panic("slab: out of host memory for a __GFP_NOFAIL allocation of %zu bytes\n",
			      size);
		WARN(!(flags & __GFP_NOWARN),
		     "slab: host allocator failed for %zu bytes\n", size);
		return NULL;
	}
	if (flags & __GFP_ZERO)
		memset(p, 0, size);
	else if (s && s->ctor)
		s->ctor(p);
	return p;
}

static void *kmalloc_common(size_t size, gfp_t flags, unsigned long site)
{
	char sym[SYM_LEN];

	if (unlikely(size > KMALLOC_MAX_SIZE)) {
		WARN(!(flags & __GFP_NOWARN),
		     "kmalloc() of %zu bytes from %s exceeds KMALLOC_MAX_SIZE (%lu)\n",
		     size, site_name(site, sym, sizeof(sym)), KMALLOC_MAX_SIZE);
		return NULL;
	}
	if (unlikely(!size)) {
		might_sleep_if(gfpflags_allow_blocking(flags));
		return ZERO_SIZE_PTR;
	}
	return slab_alloc(size, flags, NULL, OBJ_KMALLOC, site);
}

noinline void *__kmalloc(size_t size, gfp_t flags)
{
	return kmalloc_common(size, flags, _RET_IP_);
}
EXPORT_SYMBOL(__kmalloc);

noinline void *__kmalloc_track_caller(size_t size, gfp_t flags,
				      unsigned long caller)
{
	return kmalloc_common(size, flags, caller);
}
EXPORT_SYMBOL(__kmalloc_track_caller);

static void *kvmalloc_common(size_t size, gfp_t flags, unsigned long site);

noinline void *kmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return kmalloc_common(bytes, flags, _RET_IP_);
}
EXPORT_SYMBOL(kmalloc_array);

noinline void *kcalloc(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return kmalloc_common(bytes, flags | __GFP_ZERO, _RET_IP_);
}
EXPORT_SYMBOL(kcalloc);

noinline void *kvmalloc_array(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return kvmalloc_common(bytes, flags, _RET_IP_);
}
EXPORT_SYMBOL(kvmalloc_array);

noinline void *kvcalloc(size_t n, size_t size, gfp_t flags)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(n, size, &bytes)))
		return NULL;
	return kvmalloc_common(bytes, flags | __GFP_ZERO, _RET_IP_);
}
EXPORT_SYMBOL(kvcalloc);

static void *kvmalloc_common(size_t size, gfp_t flags, unsigned long site)
{
	if (size <= KMALLOC_MAX_SIZE)
		return kmalloc_common(size, flags, site);
	/* Like vmalloc(), larger allocations may always block. */
	might_sleep();
	return slab_alloc(size, flags, NULL, OBJ_VMALLOC, site);
}

noinline void *__kvmalloc(size_t size, gfp_t flags)
{
	return kvmalloc_common(size, flags, _RET_IP_);
}
EXPORT_SYMBOL(__kvmalloc);

noinline void *kvmalloc_node_caller(size_t size, gfp_t flags,
				    unsigned long caller)
{
	return kvmalloc_common(size, flags, caller);
}
EXPORT_SYMBOL(kvmalloc_node_caller);

/*
 * Frees ptr, which must be a live object. expect_cache is the cache
 * kmem_cache_free() was given, or NULL for the kfree() family, which
 * accepts objects of any cache, as in 6.1 SLUB.
 */
static void slab_free(const char *fn, const void *ptr,
		      struct kmem_cache *expect_cache, bool allow_vmalloc,
		      unsigned long site)
{
	char sym1[SYM_LEN], sym2[SYM_LEN];
	struct slab_obj *obj;

	slab_lock_acquire();
	obj = untrack_object_locked(ptr);
	if (obj && expect_cache && obj->cache != expect_cache) {
		struct slab_obj copy = *obj;

		/* The report stops the run, so the record is not restored. */
		slab_lock_release();
		lkl_report_bug("slab: %s() of %px from %s with cache %s, but the object was allocated from %s%s at %s\n",
			       fn, ptr, site_name(site, sym1, sizeof(sym1)),
			       expect_cache->name,
			       copy.cache ? "cache " : "kmalloc()",
			       copy.cache ? copy.cache->name : "",
			       site_name(copy.alloc_site, sym2, sizeof(sym2)));
	}
	if (obj && obj->kind == OBJ_VMALLOC && !allow_vmalloc) {
		slab_lock_release();
		lkl_report_bug("slab: %s() of %px from %s, but the %zu-byte object came from kvmalloc() beyond KMALLOC_MAX_SIZE at %s; use kvfree()\n",
			       fn, ptr, site_name(site, sym1, sizeof(sym1)),
			       obj->size,
			       site_name(obj->alloc_site, sym2, sizeof(sym2)));
	}
	if (obj)
		remember_freed_locked(obj, site);
	slab_lock_release();

	if (!obj)
		report_bad_free(fn, ptr, site);
	lkl_host_free((void *)ptr);
	lkl_host_free(obj);
}

noinline void kfree(const void *objp)
{
	if (unlikely(ZERO_OR_NULL_PTR(objp)))
		return;
	slab_free("kfree", objp, NULL, false, _RET_IP_);
}
EXPORT_SYMBOL(kfree);

noinline void kvfree(const void *addr)
{
	if (unlikely(ZERO_OR_NULL_PTR(addr)))
		return;
	slab_free("kvfree", addr, NULL, true, _RET_IP_);
}
EXPORT_SYMBOL(kvfree);

/* Returns the object's size, or 0 after reporting if ptr is not live. */
static size_t object_size(const void *ptr, const char *fn, unsigned long site)
{
	struct slab_obj *obj;
	size_t size = 0;

	slab_lock_acquire();
	if (obj_hash) {
		for (obj = obj_hash[hash_ptr_slot(ptr)]; obj; obj = obj->next) {
			if (obj->ptr == ptr) {
				size = obj->size;
				break;
			}
		}
	}
	slab_lock_release();
	if (!size)
		report_bad_free(fn, ptr, site);
	return size;
}

noinline void kfree_sensitive(const void *objp)
{
	if (unlikely(ZERO_OR_NULL_PTR(objp)))
		return;
	memzero_explicit((void *)objp, object_size(objp, "kfree_sensitive",
						   _RET_IP_));
	slab_free("kfree_sensitive", objp, NULL, false, _RET_IP_);
}
EXPORT_SYMBOL(kfree_sensitive);

noinline void kvfree_sensitive(const void *addr, size_t len)
{
	if (unlikely(ZERO_OR_NULL_PTR(addr)))
		return;
	memzero_explicit((void *)addr, len);
	slab_free("kvfree_sensitive", addr, NULL, true, _RET_IP_);
}
EXPORT_SYMBOL(kvfree_sensitive);

noinline size_t ksize(const void *objp)
{
	if (unlikely(ZERO_OR_NULL_PTR(objp)))
		return 0;
	return object_size(objp, "ksize", _RET_IP_);
}
EXPORT_SYMBOL(ksize);

/* Copies into a new object unless the old one is already big enough. */
static void *realloc_common(const void *p, size_t new_size, gfp_t flags,
			    bool vmalloc_ok, unsigned long site)
{
	size_t old_size = 0;
	void *ret;

	if (!ZERO_OR_NULL_PTR(p))
		old_size = object_size(p, "krealloc", site);
	if (!new_size) {
		if (!ZERO_OR_NULL_PTR(p))
			slab_free("krealloc", p, NULL, vmalloc_ok, site);
		return ZERO_SIZE_PTR;
	}
	/* Like the kernel, keep an object that is already big enough. */
	if (new_size <= old_size)
		return (void *)p;
	ret = vmalloc_ok ? kvmalloc_common(new_size, flags, site) :
			   kmalloc_common(new_size, flags, site);
	if (!ret)
		return NULL;
	if (old_size) {
		memcpy(ret, p, old_size);
		if (flags & __GFP_ZERO)
			memset((char *)ret + old_size, 0, new_size - old_size);
		slab_free("krealloc", p, NULL, vmalloc_ok, site);
	}
	return ret;
}

noinline void *krealloc(const void *p, size_t new_size, gfp_t flags)
{
	return realloc_common(p, new_size, flags, false, _RET_IP_);
}
EXPORT_SYMBOL(krealloc);

noinline void *krealloc_array(void *p, size_t new_n, size_t new_size,
			       gfp_t flags)
{
	size_t bytes;

	if (unlikely(check_mul_overflow(new_n, new_size, &bytes)))
		return NULL;
	return realloc_common(p, bytes, flags, false, _RET_IP_);
}
EXPORT_SYMBOL(krealloc_array);

noinline void *kvrealloc(const void *p, size_t oldsize, size_t newsize,
			 gfp_t flags)
{
	return realloc_common(p, newsize, flags, true, _RET_IP_);
}
EXPORT_SYMBOL(kvrealloc);

struct kmem_cache *kmem_cache_create_usercopy(const char *name,
					      unsigned int size,
					      unsigned int align,
					      slab_flags_t flags,
					      unsigned int useroffset,
					      unsigned int usersize,
					      void (*ctor)(void *))
{
	struct kmem_cache *s;

	might_sleep();
	if (WARN(!name || !size, "kmem_cache_create(%s, %u): invalid arguments\n",
		 name ? name : "(null)", size))
		goto fail;

	s = lkl_host_malloc(sizeof(*s), 0);
	if (!s)
		goto fail;
	memset(s, 0, sizeof(*s));
	s->name = name;
	s->size = size;
	s->flags = flags;
	s->ctor = ctor;
	if (align < ARCH_SLAB_MINALIGN)
		align = ARCH_SLAB_MINALIGN;
	if ((flags & SLAB_HWCACHE_ALIGN) && size > L1_CACHE_BYTES / 2 &&
	    align < L1_CACHE_BYTES)
		align = L1_CACHE_BYTES;
	s->align = align;
	return s;

fail:
	if (flags & SLAB_PANIC)
		panic("kmem_cache_create: failed to create slab '%s'\n",
		      name ? name : "(null)");
	return NULL;
}
EXPORT_SYMBOL(kmem_cache_create_usercopy);

struct kmem_cache *kmem_cache_create(const char *name, unsigned int size,
				     unsigned int align, slab_flags_t flags,
				     void (*ctor)(void *))
{
	return kmem_cache_create_usercopy(name, size, align, flags, 0, 0, ctor);
}
EXPORT_SYMBOL(kmem_cache_create);

void kmem_cache_destroy(struct kmem_cache *s)
{
	unsigned long live;

	if (!s)
		return;
	might_sleep();
	slab_lock_acquire();
	live = s->live;
	slab_lock_release();
	if (live) {
		/* As in the kernel: the cache and its objects are leaked. */
		WARN(1, "kmem_cache_destroy %s: Slab cache still has %lu objects\n",
		     s->name, live);
		return;
	}
	lkl_host_free(s);
}
EXPORT_SYMBOL(kmem_cache_destroy);

int kmem_cache_shrink(struct kmem_cache *s)
{
	return 0;
}
EXPORT_SYMBOL(kmem_cache_shrink);

const char *kmem_cache_name(struct kmem_cache *s)
{
	return s->name;
}

unsigned int kmem_cache_size(struct kmem_cache *s)
{
	return s->size;
}
EXPORT_SYMBOL(kmem_cache_size);

noinline void *kmem_cache_alloc(struct kmem_cache *s, gfp_t flags)
{
	if (WARN_ON_ONCE(!s))
		return NULL;
	return slab_alloc(s->size, flags, s, OBJ_CACHE, _RET_IP_);
}
EXPORT_SYMBOL(kmem_cache_alloc);

noinline void kmem_cache_free(struct kmem_cache *s, void *objp)
{
	if (unlikely(!objp))
		return;
	if (WARN_ON_ONCE(!s))
		return;
	slab_free("kmem_cache_free", objp, s, false, _RET_IP_);
}
EXPORT_SYMBOL(kmem_cache_free);

/* NOTE: scans the whole table; meant for error paths, as in RCU. */
bool kmem_valid_obj(void *object)
{
	struct slab_obj copy;

	return find_containing_object(object, &copy);
}
EXPORT_SYMBOL(kmem_valid_obj);

/*
 * Continues a printk() line with what is known about object; returns false
 * (printing nothing) if it is not inside a live slab object.
 */
bool kmem_dump_obj(void *object)
{
	char sym[SYM_LEN];
	struct slab_obj copy;

	if (!find_containing_object(object, &copy))
		return false;
	pr_cont(" slab %s start %px pointer offset %zu size %zu allocated at %s\n",
		copy.cache ? copy.cache->name : "kmalloc", copy.ptr,
		(size_t)((char *)object - (const char *)copy.ptr), copy.size,
		site_name(copy.alloc_site, sym, sizeof(sym)));
	return true;
}

unsigned long lkl_slab_live_objects(void)
{
	return __atomic_load_n(&nr_live, __ATOMIC_RELAXED);
}

struct leak_site {
	unsigned long site;
	struct kmem_cache *cache;
	unsigned long count;
	unsigned long bytes;
};

unsigned long lkl_slab_report_leaks(void)
{
	struct leak_site *sites;
	unsigned long nsites = 0, live, total_bytes = 0, i, j;
	char sym[SYM_LEN];

	slab_lock_acquire();
	live = nr_live;
	if (!live) {
		slab_lock_release();
		return 0;
	}
	/* At most one site per object; allocated with the lock held. */
	sites = lkl_host_malloc(live * sizeof(*sites), 0);
	for (i = 0; sites && i < OBJ_HASH_SIZE; i++) {
		struct slab_obj *obj;

		for (obj = obj_hash[i]; obj; obj = obj->next) {
			for (j = 0; j < nsites; j++)
				if (sites[j].site == obj->alloc_site &&
				    sites[j].cache == obj->cache)
					break;
			if (j == nsites) {
				sites[j].site = obj->alloc_site;
				sites[j].cache = obj->cache;
				sites[j].count = 0;
				sites[j].bytes = 0;
				nsites++;
			}
			sites[j].count++;
			sites[j].bytes += obj->size;
			total_bytes += obj->size;
		}
	}
	slab_lock_release();

	if (!sites) {
		pr_err("slab: %lu objects leaked (no memory to group them by site)\n",
		       live);
		return live;
	}
	/* Largest first: a simple selection sort, this is a report path. */
	for (i = 0; i < nsites; i++) {
		for (j = i + 1; j < nsites; j++) {
			if (sites[j].bytes > sites[i].bytes) {
				struct leak_site t = sites[i];

				sites[i] = sites[j];
				sites[j] = t;
			}
		}
	}
	pr_err("slab: %lu objects (%lu bytes) leaked, from %lu allocation sites:\n",
	       live, total_bytes, nsites);
	for (i = 0; i < nsites; i++)
		pr_err("slab:   %lu objects, %lu bytes, %s%s allocated at %s\n",
		       sites[i].count, sites[i].bytes,
		       sites[i].cache ? "cache " : "kmalloc",
		       sites[i].cache ? sites[i].cache->name : "",
		       site_name(sites[i].site, sym, sizeof(sym)));
	lkl_host_free(sites);
	return live;
}

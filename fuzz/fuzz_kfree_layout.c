// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer driver for the kfree_rcu() object layout: objects of many
 * sizes and alignments, each with its rcu_head at an offset from 0 to
 * 4088 (every 8-byte-aligned offset below 4096), are queued for kfree()
 * after a grace period, and the reclaim must free exactly that object.
 * The same driver is linked against Tiny and Tree RCU.
 *
 * Input format (bytes; a missing byte reads as 0):
 *   0    flags: bit 0 selects 2 CPUs instead of 1 (Tree only), bits 1-7
 *        are the machine's seed
 *   then up to LAYOUT_MAX_RECORDS records of four bytes, SIZE ALIGN OFF16:
 *    OFF16 (little endian) % 4096, rounded down to a multiple of 8, is the
 *          offset of the rcu_head; 4096 values map onto the 512 legal ones
 *    SIZE  extra bytes after the rcu_head: SIZE when below 128, else
 *          512 * (SIZE - 128), so objects reach about 69 KB
 *    ALIGN % 12: 0 is kmalloc(), 1-10 a kmem_cache with alignment
 *          8 << (ALIGN % 12 - 1) (8 to 4096), 11 kmalloc() with the
 *          compile-time kfree_rcu() macro at one of a few fixed offsets
 *   ALIGN bits 4-5 pick the API: kfree_rcu()-style __kfree_rcu(),
 *   call_rcu() with the offset (__kfree_rcu() for offset 0, because
 *   call_rcu(head, NULL) is rejected), or kvfree_call_rcu().
 *   Records are queued in batches of LAYOUT_BATCH; after each batch
 *   rcu_barrier() runs and no object of the batch may still be live. A
 *   wrong pointer handed to kfree() is a slab BUG, an object freed too
 *   early an ASan report, one never freed an oracle or leak report.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <lkl/debug.h>
#include <lkl/machine.h>
#include <lkl/oracle.h>

#include "harness.h"

#define LAYOUT_MAX_RECORDS	256
#define LAYOUT_BATCH		16
#define LAYOUT_ALIGNS		10

/* Fixed layouts for the kfree_rcu() macro, which needs constant offsets. */
#define LAYOUT(n) struct layout_##n { char pad[n]; struct rcu_head rh; }
LAYOUT(8); LAYOUT(24); LAYOUT(512); LAYOUT(2048); LAYOUT(4072); LAYOUT(4088);
struct layout_0 { struct rcu_head rh; char pad[40]; };

struct layout_obj {
	void *base;
	size_t size;
	unsigned int offset;
};

struct layout_state {
	struct fuzz_input in;
	struct kmem_cache *caches[LAYOUT_ALIGNS];
	struct layout_obj batch[LAYOUT_BATCH];
	unsigned int nbatch;
	unsigned long live_before;	/* lkl_slab_live_objects() before it */
	unsigned long queued;
};

/* Reset at every input: nothing carries over from one input to the next. */
static struct layout_state layout;

/* Cache objects are larger than any record's object (about 69 KB at most). */
#define LAYOUT_CACHE_SIZE	(72 * 1024)

/* Returns the cache of alignment 8 << @k, created at its first use. */
static struct kmem_cache *layout_cache(unsigned int k)
{
	char name[32];

	if (!layout.caches[k]) {
		snprintf(name, sizeof(name), "layout-align%u", 8U << k);
		layout.caches[k] = kmem_cache_create(name, LAYOUT_CACHE_SIZE,
						     8U << k, 0, NULL);
	}
	return layout.caches[k];
}

/* Queues one object with the kfree_rcu() macro; returns its size or 0. */
static size_t queue_with_macro(unsigned int which, void **base,
			       unsigned int *offset)
{
#define MACRO_CASE(n)							\
	do {								\
		struct layout_##n *p = kmalloc(sizeof(*p), GFP_KERNEL);	\
									\
		if (!p)							\
			return 0;					\
		memset(p, 0xa5, sizeof(*p));				\
		*base = p;						\
		*offset = offsetof(struct layout_##n, rh);		\
		kfree_rcu(p, rh);					\
		return sizeof(*p);					\
	} while (0)

	switch (which % 7) {
	case 0: MACRO_CASE(0);
	case 1: MACRO_CASE(8);
	case 2: MACRO_CASE(24);
	case 3: MACRO_CASE(512);
	case 4: MACRO_CASE(2048);
	case 5: MACRO_CASE(4072);
	default: MACRO_CASE(4088);
	}
#undef MACRO_CASE
}

static void layout_record(unsigned int size_byte, unsigned int align_byte,
			  unsigned int off16)
{
	unsigned int offset = (off16 % 4096) & ~7U;
	unsigned int kind = align_byte % 12;
	unsigned int api = (align_byte >> 4) & 3;
	size_t extra = size_byte < 128 ? size_byte : 512UL * (size_byte - 128);
	size_t size = offset + sizeof(struct rcu_head) + extra;
	struct layout_obj *o = &layout.batch[layout.nbatch];
	struct kmem_cache *cache = NULL;
	struct rcu_head *head;
	void *base;

	/* Caches are created before the count, so they are not in it. */
	if (kind && kind < 11 && !layout_cache(kind - 1))
		return;
	if (!layout.nbatch)
		layout.live_before = lkl_slab_live_objects();

	if (kind == 11) {
		size = queue_with_macro(off16, &base, &offset);
		if (!size)
			return;
		goto queued;
	}
	if (kind) {
		cache = layout_cache(kind - 1);
		if (!cache)
			return;
		base = kmem_cache_alloc(cache, GFP_KERNEL);
		size = kmem_cache_size(cache);
	} else {
		base = kmalloc(size, GFP_KERNEL);
	}
	if (!base)
		return;
	memset(base, 0x5a, size);
	head = base + offset;

	/* call_rcu() with offset 0 is call_rcu(head, NULL), which is rejected. */
	if (api == 1 && !offset)
		api = 0;
	switch (api) {
	case 0:
		__kfree_rcu(head, offset);
		break;
	case 1:
		call_rcu(head, (rcu_callback_t)(unsigned long)offset);
		break;
	default:
		kvfree_call_rcu(head, (rcu_callback_t)(unsigned long)offset);
		break;
	}
queued:
	o->base = base;
	o->size = size;
	o->offset = offset;
	layout.nbatch++;
	layout.queued++;
}

/*
 * After rcu_barrier(): every object of the batch must have been freed, so
 * the live count is back where it was before the batch. Only a mismatch
 * pays for kmem_valid_obj() on freed pointers, which scans every object.
 */
static void layout_check_batch(void)
{
	unsigned int i;

	fuzz_rcu_barrier();
	if (lkl_slab_live_objects() == layout.live_before) {
		layout.nbatch = 0;
		return;
	}
	for (i = 0; i < layout.nbatch; i++) {
		struct layout_obj *o = &layout.batch[i];

		if (kmem_valid_obj(o->base))
			lkl_report_bug("fuzz: kfree_layout: object %px (%zu bytes, rcu_head at offset %u) still allocated after rcu_barrier()\n",
				       o->base, o->size, o->offset);
	}
	lkl_report_bug("fuzz: kfree_layout: %lu live objects after rcu_barrier(), expected %lu\n",
		       lkl_slab_live_objects(), layout.live_before);
}

static int layout_main(void *unused)
{
	unsigned int n, i;

	for (n = 0; n < LAYOUT_MAX_RECORDS && fuzz_more(&layout.in); n++) {
		unsigned int size_byte = fuzz_u8(&layout.in);
		unsigned int align_byte = fuzz_u8(&layout.in);

		layout_record(size_byte, align_byte, fuzz_u16(&layout.in));
		if (layout.nbatch == LAYOUT_BATCH)
			layout_check_batch();
	}
	layout_check_batch();
	lkl_rcu_oracle_check_all_invoked("after the final rcu_barrier()");
	for (i = 0; i < LAYOUT_ALIGNS; i++)
		if (layout.caches[i])
			kmem_cache_destroy(layout.caches[i]);
	pr_info("fuzz: %u records, %lu objects queued\n", n, layout.queued);
	return 0;
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct fuzz_cmdline cl;
	unsigned int flags;

	memset(&layout, 0, sizeof(layout));
	layout.in.data = data;
	layout.in.size = size;
	flags = fuzz_u8(&layout.in);

	fuzz_cmdline_init(&cl, flags >> 1);
	fuzz_cmdline_add(&cl, "nr_cpus=%u",
			 IS_ENABLED(CONFIG_SMP) && (flags & 1) ? 2 : 1);
	fuzz_run("kfree_layout", data, size, &cl, layout_main, NULL);
	return 0;
}

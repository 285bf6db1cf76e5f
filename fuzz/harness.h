/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Shared part of the fuzz drivers under fuzz/: reading the input, booting
 * a fresh emulated machine per input with a command line built from the
 * input's header, the objects that the drivers publish and retire, and
 * allocation-failure injection. Kernel-side code, like the drivers.
 */
#ifndef _FUZZ_HARNESS_H
#define _FUZZ_HARNESS_H

#include <linux/types.h>
#include <linux/rcupdate.h>

/* The libFuzzer entry point; fuzz/reproducer.c calls it too. */
int LLVMFuzzerTestOneInput(const u8 *data, size_t size);

/* A cursor over the input. Reads past the end return 0. */
struct fuzz_input {
	const u8 *data;
	size_t size;
	size_t pos;
};

static inline bool fuzz_more(const struct fuzz_input *in)
{
	return in->pos < in->size;
}

static inline unsigned int fuzz_u8(struct fuzz_input *in)
{
	return in->pos < in->size ? in->data[in->pos++] : 0;
}

static inline unsigned int fuzz_u16(struct fuzz_input *in)
{
	unsigned int lo = fuzz_u8(in);

	return lo | fuzz_u8(in) << 8;
}

/* Command-line parameters of one boot, at most FUZZ_MAX_PARAMS of them. */
#define FUZZ_MAX_PARAMS		24
#define FUZZ_PARAM_LEN		48

struct fuzz_cmdline {
	int argc;
	char *argv[FUZZ_MAX_PARAMS + 1];
	char buf[FUZZ_MAX_PARAMS][FUZZ_PARAM_LEN];
};

/*
 * Starts a command line with the parameters every driver sets at every
 * boot: parameters keep their values from one boot to the next in the same
 * process, so a driver sets each one it changes on every boot.
 */
void fuzz_cmdline_init(struct fuzz_cmdline *cl, unsigned int seed);
void fuzz_cmdline_add(struct fuzz_cmdline *cl, const char *fmt, ...)
	__printf(2, 3);

/*
 * Boots a fresh machine with @cl, runs @fn(@arg) as its init task and
 * checks the teardown: a nonzero exit, a WARN, a leaked object or a
 * callback still queued stops the process with a report naming @name and
 * the input's hash, so that every failure reproduces from the input alone.
 */
void fuzz_run(const char *name, const u8 *data, size_t size,
	      struct fuzz_cmdline *cl, int (*fn)(void *), void *arg);

/* Objects published to readers and retired with kfree_rcu() or call_rcu(). */
#define FUZZ_OBJ_LIVE		0x4c495645u	/* "LIVE" */
#define FUZZ_OBJ_DEAD		0x44454144u	/* "DEAD" */

struct fuzz_obj {
	u32 magic;
	u32 id;
	struct rcu_head rh;
	u32 size;			/* bytes of payload[] */
	u8 payload[];			/* filled with (u8)id */
};

struct fuzz_obj *fuzz_obj_alloc(unsigned int payload, u32 id, gfp_t gfp);
/* Stops the run if @obj is not a live object with its payload intact. */
void fuzz_obj_check(const struct fuzz_obj *obj, const char *where);
void fuzz_obj_kfree_rcu(struct fuzz_obj *obj);
void fuzz_obj_call_rcu(struct fuzz_obj *obj);
/* Callbacks of fuzz_obj_call_rcu() invoked since boot. */
extern unsigned long fuzz_obj_callbacks;

/*
 * Published objects: slots that readers load with rcu_dereference() and
 * that updaters empty before retiring the object. Operations return false
 * when they are illegal in the current state and were skipped.
 */
#define FUZZ_SLOTS		16
#define FUZZ_HELD_MAX		64
#define FUZZ_MAX_DEPTH		8

struct fuzz_slots {
	struct fuzz_obj __rcu *slot[FUZZ_SLOTS];
	u32 next_id;
};

/* One CPU's reader: nesting depth and the objects it loaded. */
struct fuzz_reader {
	int depth;
	unsigned int nheld;
	unsigned int next_check;	/* round robin of fuzz_read_check() */
	struct fuzz_obj *held[FUZZ_HELD_MAX];
};

/* @arg selects the slot (low 4 bits) and the payload size (high 4 bits). */
bool fuzz_publish(struct fuzz_slots *s, unsigned int arg, gfp_t gfp);
bool fuzz_retire(struct fuzz_slots *s, unsigned int arg, bool use_kfree_rcu);
/* Queues arg % 64 + 1 unpublished objects, alternating the two APIs. */
void fuzz_flood(struct fuzz_slots *s, unsigned int arg, gfp_t gfp);
void fuzz_retire_all(struct fuzz_slots *s);
bool fuzz_read_lock(struct fuzz_reader *r, struct fuzz_slots *s);
bool fuzz_read_unlock(struct fuzz_reader *r);
/* Loads every published object into the reader's held set. */
void fuzz_read_capture(struct fuzz_reader *r, struct fuzz_slots *s);
/* Checks the magic of the next held object in turn: a freed one is a crash. */
void fuzz_read_check(struct fuzz_reader *r, const char *where);

/* Makes the next @n slab allocations fail (0 turns injection off). */
void fuzz_fail_next_allocs(unsigned int n);

/* rcu_barrier() checked by the oracle; synchronize_rcu() likewise. */
void fuzz_rcu_barrier(void);
void fuzz_synchronize_rcu(void);

/* Verbose runs (FUZZ_VERBOSE=1 in the reproducer) keep info messages. */
extern bool fuzz_verbose;

#endif /* _FUZZ_HARNESS_H */

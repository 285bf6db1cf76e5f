// SPDX-License-Identifier: GPL-2.0
/*
 * Shared part of the fuzz drivers: per-input boot and teardown checks,
 * published objects, allocation-failure injection and the oracle-checked
 * grace-period waits. See fuzz/harness.h.
 */
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/printk.h>
#include <linux/rcupdate.h>
#include <linux/slab.h>
#include <linux/sprintf.h>
#include <linux/string.h>
#include <lkl/debug.h>
#include <lkl/machine.h>
#include <lkl/oracle.h>

#include "harness.h"

bool fuzz_verbose;
unsigned long fuzz_obj_callbacks;
static unsigned int fail_budget;
/* "NAME input HASH, N bytes": printed by the oracle in every report. */
static char input_desc[96];

void fuzz_cmdline_add(struct fuzz_cmdline *cl, const char *fmt, ...)
{
	va_list args;

	if (WARN(cl->argc >= FUZZ_MAX_PARAMS, "fuzz: too many parameters"))
		return;
	va_start(args, fmt);
	vsnprintf(cl->buf[cl->argc - 1], FUZZ_PARAM_LEN, fmt, args);
	va_end(args);
	cl->argv[cl->argc] = cl->buf[cl->argc - 1];
	cl->argc++;
	cl->argv[cl->argc] = NULL;
}

void fuzz_cmdline_init(struct fuzz_cmdline *cl, unsigned int seed)
{
	static char prog[] = "fuzz";

	memset(cl, 0, sizeof(*cl));
	cl->argv[0] = prog;
	cl->argc = 1;
	fuzz_cmdline_add(cl, "seed=%u", seed);
	/* Info messages cost more than the runs themselves. */
	fuzz_cmdline_add(cl, "loglevel=%d", fuzz_verbose ? 8 : 5);
	/* A WARN is a crash to the fuzzer, with the WARN's report. */
	fuzz_cmdline_add(cl, "panic_on_warn=1");
	fuzz_cmdline_add(cl, "lkl.failslab=0");
	fuzz_cmdline_add(cl, "lkl.rcu_oracle=1");
	/* 64 KiB stacks instead of 256: page faults dominate a 41-CPU boot. */
	fuzz_cmdline_add(cl, "lkl.stack_kb=64");
	/* A task blocked this long is a stall, reported rather than waited out. */
	fuzz_cmdline_add(cl, "hung_task_timeout_secs=60");
}

static u64 fnv1a(const u8 *data, size_t size)
{
	u64 h = 0xcbf29ce484222325ULL;
	size_t i;

	for (i = 0; i < size; i++) {
		h ^= data[i];
		h *= 0x100000001b3ULL;
	}
	return h;
}

static bool fail_hook(size_t size, gfp_t flags)
{
	if (!fail_budget)
		return false;
	fail_budget--;
	return true;
}

void fuzz_fail_next_allocs(unsigned int n)
{
	fail_budget = n;
}

void fuzz_run(const char *name, const u8 *data, size_t size,
	      struct fuzz_cmdline *cl, int (*fn)(void *), void *arg)
{
	unsigned long live;
	int ret;

	snprintf(input_desc, sizeof(input_desc), "%s input %016llx, %zu bytes",
		 name, (unsigned long long)fnv1a(data, size), size);
	lkl_rcu_oracle_set_input(input_desc);
	fuzz_obj_callbacks = 0;
	fail_budget = 0;
	lkl_slab_set_fail_hook(fail_hook);

	ret = lkl_start_kernel(cl->argc, cl->argv, fn, arg);

	lkl_slab_set_fail_hook(NULL);
	live = lkl_slab_live_objects();
	/* A fingerprint of the run, compared by fuzz/check-reproducible. */
	if (fuzz_verbose) {
		struct lkl_machine_stats st;

		lkl_get_machine_stats(&st);
		pr_info("fuzz: result %s: exit %d, %llu ns, ticks %lu, switches %lu, softirqs %lu, cpu switches %lu, ipis %lu, callbacks %lu\n",
			input_desc, ret, lkl_emulated_time_ns(), st.ticks,
			st.context_switches, st.softirqs_run, st.cpu_switches,
			st.ipis, lkl_rcu_oracle_invoked());
	}
	if (ret || live)
		lkl_report_bug("fuzz: %s: the machine exited with %d and %lu live objects (seed %llu)\n",
			       input_desc, ret, live,
			       (unsigned long long)lkl_seed());
}

struct fuzz_obj *fuzz_obj_alloc(unsigned int payload, u32 id, gfp_t gfp)
{
	struct fuzz_obj *obj = kmalloc(sizeof(*obj) + payload, gfp);

	if (!obj)
		return NULL;
	obj->magic = FUZZ_OBJ_LIVE;
	obj->id = id;
	obj->size = payload;
	memset(obj->payload, (u8)id, payload);
	return obj;
}

void fuzz_obj_check(const struct fuzz_obj *obj, const char *where)
{
	u32 i;

	if (obj->magic != FUZZ_OBJ_LIVE)
		lkl_report_bug("fuzz: %s: object %px (id %u) has magic %08x, expected %08x: it was freed under a reader\n",
			       where, obj, obj->id, obj->magic, FUZZ_OBJ_LIVE);
	for (i = 0; i < obj->size; i++)
		if (obj->payload[i] != (u8)obj->id)
			lkl_report_bug("fuzz: %s: object %px (id %u): payload byte %u is %02x, expected %02x\n",
				       where, obj, obj->id, i, obj->payload[i],
				       (u8)obj->id);
}

static void fuzz_obj_free_cb(struct rcu_head *rh)
{
	struct fuzz_obj *obj = container_of(rh, struct fuzz_obj, rh);

	fuzz_obj_check(obj, "call_rcu() callback");
	obj->magic = FUZZ_OBJ_DEAD;
	fuzz_obj_callbacks++;
	kfree(obj);
}

void fuzz_obj_kfree_rcu(struct fuzz_obj *obj)
{
	kfree_rcu(obj, rh);
}

void fuzz_obj_call_rcu(struct fuzz_obj *obj)
{
	call_rcu(&obj->rh, fuzz_obj_free_cb);
}

void fuzz_rcu_barrier(void)
{
	u64 ticket = lkl_rcu_oracle_ticket();

	rcu_barrier();
	lkl_rcu_oracle_barrier_end(ticket, LKL_RCU_ORACLE_SCHED, _RET_IP_);
}

void fuzz_synchronize_rcu(void)
{
	u64 ticket = lkl_rcu_oracle_ticket();

	synchronize_rcu();
	lkl_rcu_oracle_check_gp(ticket, LKL_RCU_ORACLE_SCHED,
				"synchronize_rcu()", _RET_IP_);
}

bool fuzz_publish(struct fuzz_slots *s, unsigned int arg, gfp_t gfp)
{
	unsigned int i = arg % FUZZ_SLOTS;
	struct fuzz_obj *obj;

	if (rcu_access_pointer(s->slot[i]))
		return false;
	obj = fuzz_obj_alloc((arg / FUZZ_SLOTS) * 16, ++s->next_id, gfp);
	/* An injected allocation failure is a legal outcome. */
	if (obj)
		rcu_assign_pointer(s->slot[i], obj);
	return true;
}

bool fuzz_retire(struct fuzz_slots *s, unsigned int arg, bool use_kfree_rcu)
{
	unsigned int i = arg % FUZZ_SLOTS;
	struct fuzz_obj *obj = rcu_dereference_protected(s->slot[i], 1);

	if (!obj)
		return false;
	RCU_INIT_POINTER(s->slot[i], NULL);
	fuzz_obj_check(obj, "retire");
	if (use_kfree_rcu)
		fuzz_obj_kfree_rcu(obj);
	else
		fuzz_obj_call_rcu(obj);
	return true;
}

void fuzz_flood(struct fuzz_slots *s, unsigned int arg, gfp_t gfp)
{
	unsigned int n = arg % 64 + 1, i;

	for (i = 0; i < n; i++) {
		struct fuzz_obj *obj = fuzz_obj_alloc(0, ++s->next_id, gfp);

		if (!obj)
			continue;
		if (i & 1)
			fuzz_obj_call_rcu(obj);
		else
			fuzz_obj_kfree_rcu(obj);
	}
}

void fuzz_retire_all(struct fuzz_slots *s)
{
	unsigned int i;

	for (i = 0; i < FUZZ_SLOTS; i++)
		fuzz_retire(s, i, i & 1);
}

void fuzz_read_capture(struct fuzz_reader *r, struct fuzz_slots *s)
{
	unsigned int i;

	for (i = 0; i < FUZZ_SLOTS && r->nheld < FUZZ_HELD_MAX; i++) {
		struct fuzz_obj *obj = rcu_dereference(s->slot[i]);

		if (obj)
			r->held[r->nheld++] = obj;
	}
}

bool fuzz_read_lock(struct fuzz_reader *r, struct fuzz_slots *s)
{
	if (r->depth >= FUZZ_MAX_DEPTH)
		return false;
	rcu_read_lock();
	r->depth++;
	fuzz_read_capture(r, s);
	return true;
}

void fuzz_read_check(struct fuzz_reader *r, const char *where)
{
	struct fuzz_obj *obj;

	if (!r->nheld)
		return;
	/* One object per call: spinning readers call this at every spin. */
	obj = r->held[r->next_check++ % r->nheld];
	if (READ_ONCE(obj->magic) != FUZZ_OBJ_LIVE)
		fuzz_obj_check(obj, where);
}

bool fuzz_read_unlock(struct fuzz_reader *r)
{
	unsigned int i;

	if (!r->depth)
		return false;
	if (r->depth == 1) {
		/* The outermost unlock: every held object must still be intact. */
		for (i = 0; i < r->nheld; i++)
			fuzz_obj_check(r->held[i], "rcu_read_unlock()");
		r->nheld = 0;
	}
	r->depth--;
	rcu_read_unlock();
	return true;
}

// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer driver for Tiny RCU: each input boots a fresh one-CPU machine
 * and runs a bounded sequence of RCU operations in its init task, with the
 * RCU oracle (include/lkl/oracle.h) and ASan checking every callback.
 *
 * Input format (bytes; a missing byte reads as 0):
 *   0-1  seed of the machine's scheduler (little endian)
 *   2    flags: bit 0 nohz=off, bits 1-3 lkl.sched_slice_ticks - 1
 *   3    lkl.sched_point_ns = 100 + 20 * byte
 *   then up to TINY_MAX_OPS operations of two bytes, OPCODE ARG, with
 *   OPCODE taken modulo TINY_NR_OPS:
 *    0 publish      allocate an object (payload 16 * (ARG >> 4) bytes) and
 *                   publish it in slot ARG & 15, if the slot is empty
 *    1 kfree_rcu    unpublish slot ARG & 15 and retire it with kfree_rcu()
 *    2 call_rcu     the same with call_rcu() and a callback that checks it
 *    3 lock         rcu_read_lock() (at most 8 deep), loading every slot
 *    4 unlock       rcu_read_unlock(); the outermost one checks the objects
 *    5 tick-user    a tick from user mode (outside readers only)
 *    6 tick-kernel  a tick from kernel mode
 *    7 idle         sleep ARG % 4 + 1 jiffies: the CPU enters idle, takes
 *                   idle ticks if RCU needs them, and leaves idle
 *    8 switch       a context switch (yield())
 *    9 softirq      local_bh_disable()/local_bh_enable(): pending softirqs run
 *   10 sync         synchronize_rcu(), checked by the oracle
 *   11 barrier      rcu_barrier(), checked by the oracle
 *   12 failalloc    the next ARG % 4 + 1 slab allocations fail
 *   13 flood        queue ARG % 64 + 1 unpublished objects
 *   14 poll-start   start_poll_synchronize_rcu() into cookie ARG & 3
 *   15 poll-check   poll_state_synchronize_rcu() of cookie ARG & 3; true
 *                   while an older reader is open is an oracle failure
 *   16 deref        load every slot into the open reader
 * Operations illegal in the current state (sleeping or a user tick inside
 * a reader, unlock without lock, publish into a full slot) are skipped. At
 * the end, readers are closed, every slot is retired and rcu_barrier()
 * must leave no callback queued; the boot's teardown then checks for
 * leaks and warnings.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/bottom_half.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <lkl/machine.h>
#include <lkl/oracle.h>

#include "harness.h"

#define TINY_MAX_OPS	512
#define TINY_POLLS	4

enum tiny_op {
	OP_PUBLISH, OP_KFREE_RCU, OP_CALL_RCU, OP_LOCK, OP_UNLOCK,
	OP_TICK_USER, OP_TICK_KERNEL, OP_IDLE, OP_SWITCH, OP_SOFTIRQ,
	OP_SYNC, OP_BARRIER, OP_FAILALLOC, OP_FLOOD, OP_POLL_START,
	OP_POLL_CHECK, OP_DEREF,
	TINY_NR_OPS
};

struct tiny_state {
	struct fuzz_input in;
	struct fuzz_slots slots;
	struct fuzz_reader reader;
	unsigned long poll_cookie[TINY_POLLS];
	u64 poll_ticket[TINY_POLLS];
	bool poll_used[TINY_POLLS];
};

/* Reset at every input: nothing carries over from one input to the next. */
static struct tiny_state tiny;

static gfp_t tiny_gfp(void)
{
	return tiny.reader.depth ? GFP_ATOMIC : GFP_KERNEL;
}

/* Runs one operation; returns false if it was skipped. */
static bool tiny_op(unsigned int op, unsigned int arg)
{
	bool in_reader = tiny.reader.depth > 0;
	unsigned int p = arg % TINY_POLLS;

	switch (op) {
	case OP_PUBLISH:
		return fuzz_publish(&tiny.slots, arg, tiny_gfp());
	case OP_KFREE_RCU:
		return fuzz_retire(&tiny.slots, arg, true);
	case OP_CALL_RCU:
		return fuzz_retire(&tiny.slots, arg, false);
	case OP_LOCK:
		return fuzz_read_lock(&tiny.reader, &tiny.slots);
	case OP_UNLOCK:
		return fuzz_read_unlock(&tiny.reader);
	case OP_TICK_USER:
		if (in_reader)
			return false;
		lkl_tick(true);
		return true;
	case OP_TICK_KERNEL:
		lkl_tick(false);
		return true;
	case OP_IDLE:
		if (in_reader)
			return false;
		schedule_timeout_uninterruptible(arg % 4 + 1);
		return true;
	case OP_SWITCH:
		if (in_reader)
			return false;
		yield();
		return true;
	case OP_SOFTIRQ:
		local_bh_disable();
		local_bh_enable();
		return true;
	case OP_SYNC:
		if (in_reader)
			return false;
		fuzz_synchronize_rcu();
		return true;
	case OP_BARRIER:
		if (in_reader)
			return false;
		fuzz_rcu_barrier();
		return true;
	case OP_FAILALLOC:
		fuzz_fail_next_allocs(arg % 4 + 1);
		return true;
	case OP_FLOOD:
		fuzz_flood(&tiny.slots, arg, tiny_gfp());
		return true;
	case OP_POLL_START:
		tiny.poll_cookie[p] = start_poll_synchronize_rcu();
		tiny.poll_ticket[p] = lkl_rcu_oracle_ticket();
		tiny.poll_used[p] = true;
		return true;
	case OP_POLL_CHECK:
		if (!tiny.poll_used[p])
			return false;
		if (poll_state_synchronize_rcu(tiny.poll_cookie[p])) {
			lkl_rcu_oracle_check_gp(tiny.poll_ticket[p],
						LKL_RCU_ORACLE_SCHED,
						"poll_state_synchronize_rcu()",
						_THIS_IP_);
			tiny.poll_used[p] = false;
		}
		return true;
	case OP_DEREF:
		if (!in_reader)
			return false;
		fuzz_read_capture(&tiny.reader, &tiny.slots);
		return true;
	}
	return false;
}

static int tiny_main(void *unused)
{
	unsigned int n;

	for (n = 0; n < TINY_MAX_OPS && fuzz_more(&tiny.in); n++) {
		unsigned int op = fuzz_u8(&tiny.in) % TINY_NR_OPS;
		unsigned int arg = fuzz_u8(&tiny.in);

		tiny_op(op, arg);
		if (tiny.reader.depth)
			fuzz_read_check(&tiny.reader, "tiny operation");
	}

	while (tiny.reader.depth)
		fuzz_read_unlock(&tiny.reader);
	fuzz_fail_next_allocs(0);
	fuzz_retire_all(&tiny.slots);
	fuzz_rcu_barrier();
	lkl_rcu_oracle_check_all_invoked("after the final rcu_barrier()");
	pr_info("fuzz: %u operations, %lu callbacks checked by the oracle\n",
		n, lkl_rcu_oracle_invoked());
	return 0;
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct fuzz_cmdline cl;
	unsigned int seed, flags, point;

	memset(&tiny, 0, sizeof(tiny));
	tiny.in.data = data;
	tiny.in.size = size;
	seed = fuzz_u16(&tiny.in);
	flags = fuzz_u8(&tiny.in);
	point = fuzz_u8(&tiny.in);

	fuzz_cmdline_init(&cl, seed);
	fuzz_cmdline_add(&cl, "nr_cpus=1");
	fuzz_cmdline_add(&cl, "nohz=%s", flags & 1 ? "off" : "on");
	fuzz_cmdline_add(&cl, "lkl.sched_slice_ticks=%u", (flags >> 1 & 7) + 1);
	fuzz_cmdline_add(&cl, "lkl.sched_point_ns=%u", 100 + 20 * point);
	fuzz_run("rcutiny", data, size, &cl, tiny_main, NULL);
	return 0;
}

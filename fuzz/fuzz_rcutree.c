// SPDX-License-Identifier: GPL-2.0
/*
 * libFuzzer driver for Tree RCU: each input boots a fresh machine with
 * 1 + W CPUs and runs a bounded sequence of operations, each on one CPU,
 * with the RCU oracle (include/lkl/oracle.h) and ASan checking every
 * callback and every object a reader holds.
 *
 * CPU 0 runs the dispatcher, a kthread bound to it that reads the input
 * and never goes offline. CPUs 1..W each run a bound worker kthread that
 * executes the operations sent to it. A worker inside rcu_read_lock()
 * stays in the section, spinning with cpu_relax() and checking the objects
 * it loaded, and runs later operations for its CPU inside the section, so
 * readers stay open on some CPUs while other CPUs queue callbacks, tick,
 * go idle, wait for grace periods or go offline.
 *
 * Input format (bytes; a missing byte reads as 0):
 *   0-1  seed of the machine's scheduler (little endian)
 *   2    W, the number of worker CPUs: 1 + (b >> 2) % 8 unless b % 4 is
 *        3, then 9 + (b >> 2) % 32 (so up to 40 workers: with a leaf
 *        fanout of 16, more than 15 workers need two levels of rcu_node)
 *   3    flags: bit 0 nohz=off, bits 1-3 lkl.sched_slice_ticks - 1,
 *        bits 4-7 lkl.cpu_switch_percent = 5 + 5 * value
 *   4    rcutree.blimit = 1 + b % 16; the high nibble h sets the tree's
 *        geometry: rcutree.rcu_fanout_leaf = 2 + h % 15 and
 *        rcutree.rcu_fanout = 2 * rcu_fanout_leaf; with h = 0 (leaf 2,
 *        fanout 4) 9 to 32 CPUs need three levels and 33 or more four.
 *        A pair the node array cannot hold falls back to the build's 64
 *        and 16, and rcu_init() says so.
 *   5    rcutree.qhimark = 8 + 4 * b, rcutree.qlowmark = qhimark / 4
 *   then up to TREE_MAX_OPS operations of three bytes, OPCODE CPU ARG:
 *   OPCODE is taken modulo TREE_NR_OPS, the worker is 1 + CPU % W.
 *    0 publish      allocate an object (payload 16 * (ARG >> 4) bytes) and
 *                   publish it in slot ARG & 15 (slots are shared by CPUs)
 *    1 kfree_rcu    unpublish slot ARG & 15, retire it with kfree_rcu()
 *    2 call_rcu     the same with call_rcu() and a checking callback
 *    3 lock         rcu_read_lock() (at most 8 deep), loading every slot;
 *                   the section stays open until the matching unlock
 *    4 unlock       rcu_read_unlock(); the outermost one checks the objects
 *    5 tick-user    a tick from user mode (outside readers only)
 *    6 tick-kernel  a tick from kernel mode
 *    7 idle         the worker sleeps ARG % 4 + 1 jiffies, so the CPU
 *                   enters and leaves idle (does not wait for it)
 *    8 switch       a context switch (yield())
 *    9 softirq      local_bh_disable()/local_bh_enable()
 *   10 sync         synchronize_rcu() on the CPU, checked by the oracle
 *                   (does not wait for it: other CPUs go on)
 *   11 barrier      rcu_barrier() on the CPU, checked by the oracle (ditto)
 *   12 failalloc    the next ARG % 4 + 1 slab allocations fail
 *   13 flood        queue ARG % 64 + 1 unpublished objects on the CPU
 *   14 poll-start   start_poll_synchronize_rcu() into cookie ARG & 3
 *   15 poll-check   poll_state_synchronize_rcu() of cookie ARG & 3; true
 *                   while an older reader is open is an oracle failure
 *   16 deref        load every slot into the CPU's open reader
 *   17 offline      remove_cpu(): the CPU goes offline, RCU adopts its
 *                   callbacks elsewhere (only a CPU outside readers, with
 *                   nothing in progress, and not the last worker online)
 *   18 online       add_cpu() and a fresh worker bound to the CPU
 *   19 wait         the dispatcher sleeps ARG % 8 + 1 jiffies
 * Operations illegal in the current state are skipped, and so are
 * operations for a CPU whose worker is still in a sync, barrier or idle.
 * At the end, readers are closed, every slot is retired, a final
 * rcu_barrier() must leave no callback queued, and a worker that does not
 * finish within TREE_STALL_SECS emulated seconds is a stall report.
 *
 * NOTE: CONFIG_RCU_FANOUT and CONFIG_RCU_FANOUT_LEAF are fixed at build
 * time (64 and 16), so the input chooses the CPU count but not the fanout.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/bottom_half.h>
#include <linux/completion.h>
#include <linux/cpu.h>
#include <linux/cpumask.h>
#include <linux/err.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <asm/processor.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/wait.h>
#include <lkl/machine.h>
#include <lkl/oracle.h>

#include "harness.h"

#define TREE_MAX_WORKERS	40
#define TREE_MAX_OPS		512
#define TREE_POLLS		4
#define TREE_STALL_SECS		5

enum tree_op {
	OP_PUBLISH, OP_KFREE_RCU, OP_CALL_RCU, OP_LOCK, OP_UNLOCK,
	OP_TICK_USER, OP_TICK_KERNEL, OP_IDLE, OP_SWITCH, OP_SOFTIRQ,
	OP_SYNC, OP_BARRIER, OP_FAILALLOC, OP_FLOOD, OP_POLL_START,
	OP_POLL_CHECK, OP_DEREF, OP_OFFLINE, OP_ONLINE, OP_WAIT,
	TREE_NR_OPS
};

struct tree_worker {
	struct task_struct *task;	/* NULL while the CPU is offline */
	unsigned int cpu;
	bool online;			/* the worker runs on its CPU */
	wait_queue_head_t wq;
	bool has_op;			/* set by the dispatcher, cleared when done */
	unsigned int op, arg;
	struct completion done;		/* completed after every operation */
	struct fuzz_reader reader;
};

struct tree_state {
	struct fuzz_input in;
	unsigned int nr_workers;
	struct fuzz_slots slots;
	struct tree_worker workers[TREE_MAX_WORKERS + 1];	/* [0] unused */
	unsigned long poll_cookie[TREE_POLLS];
	u64 poll_ticket[TREE_POLLS];
	bool poll_used[TREE_POLLS];
	struct completion finished;
};

/* Reset at every input: nothing carries over from one input to the next. */
static struct tree_state tree;

static void worker_op(struct tree_worker *w, unsigned int op, unsigned int arg)
{
	struct fuzz_reader *r = &w->reader;
	gfp_t gfp = r->depth ? GFP_ATOMIC : GFP_KERNEL;

	switch (op) {
	case OP_PUBLISH:
		fuzz_publish(&tree.slots, arg, gfp);
		break;
	case OP_KFREE_RCU:
		fuzz_retire(&tree.slots, arg, true);
		break;
	case OP_CALL_RCU:
		fuzz_retire(&tree.slots, arg, false);
		break;
	case OP_LOCK:
		fuzz_read_lock(r, &tree.slots);
		break;
	case OP_UNLOCK:
		fuzz_read_unlock(r);
		break;
	case OP_TICK_USER:
		lkl_tick(true);
		break;
	case OP_TICK_KERNEL:
		lkl_tick(false);
		break;
	case OP_IDLE:
		schedule_timeout_uninterruptible(arg % 4 + 1);
		break;
	case OP_SWITCH:
		yield();
		break;
	case OP_SOFTIRQ:
		local_bh_disable();
		local_bh_enable();
		break;
	case OP_SYNC:
		fuzz_synchronize_rcu();
		break;
	case OP_BARRIER:
		fuzz_rcu_barrier();
		break;
	case OP_FLOOD:
		fuzz_flood(&tree.slots, arg, gfp);
		break;
	case OP_DEREF:
		fuzz_read_capture(r, &tree.slots);
		break;
	}
}

static int worker_fn(void *data)
{
	struct tree_worker *w = data;

	for (;;) {
		if (w->reader.depth) {
			/* Inside a reader: stay in it until the next operation. */
			while (!READ_ONCE(w->has_op)) {
				fuzz_read_check(&w->reader, "open reader");
				cpu_relax();
			}
		} else {
			wait_event_idle(w->wq, READ_ONCE(w->has_op) ||
					       kthread_should_stop());
			if (!READ_ONCE(w->has_op))
				break;
		}
		worker_op(w, w->op, w->arg);
		WRITE_ONCE(w->has_op, false);
		complete(&w->done);
	}
	return 0;
}

static bool worker_start(struct tree_worker *w)
{
	struct task_struct *t;

	t = kthread_create_on_cpu(worker_fn, w, w->cpu, "fuzzcpu/%u");
	if (IS_ERR(t))
		return false;
	w->task = t;
	w->online = true;
	wake_up_process(t);
	return true;
}

/* Sends an operation and waits for it, unless @async (it may block). */
static void worker_post(struct tree_worker *w, unsigned int op,
			unsigned int arg, bool async)
{
	w->op = op;
	w->arg = arg;
	reinit_completion(&w->done);
	WRITE_ONCE(w->has_op, true);
	wake_up(&w->wq);
	if (!async)
		wait_for_completion(&w->done);
}

/* Waits for a worker's blocking operation and reports a stall on timeout. */
static void worker_drain(struct tree_worker *w, const char *what)
{
	if (!READ_ONCE(w->has_op))
		return;
	if (!wait_for_completion_timeout(&w->done, TREE_STALL_SECS * HZ))
		lkl_rcu_oracle_stall(what);
}

static unsigned int workers_online(void)
{
	unsigned int i, n = 0;

	for (i = 1; i <= tree.nr_workers; i++)
		n += tree.workers[i].online;
	return n;
}

static void cpu_offline(struct tree_worker *w)
{
	if (!w->online || w->reader.depth || READ_ONCE(w->has_op) ||
	    workers_online() < 2)
		return;
	/* -EBUSY while the worker is still on its CPU: skipped. */
	if (remove_cpu(w->cpu))
		return;
	/* Its worker moved to another CPU: stop it, add_cpu() starts another. */
	w->online = false;
	kthread_stop(w->task);
	w->task = NULL;
}

static void cpu_online_again(struct tree_worker *w)
{
	if (w->online)
		return;
	if (add_cpu(w->cpu))
		return;
	init_waitqueue_head(&w->wq);
	init_completion(&w->done);
	worker_start(w);
}

static void dispatch(unsigned int op, struct tree_worker *w, unsigned int arg)
{
	unsigned int p = arg % TREE_POLLS;
	bool in_reader = w->reader.depth > 0;

	switch (op) {
	case OP_FAILALLOC:
		fuzz_fail_next_allocs(arg % 4 + 1);
		return;
	case OP_POLL_START:
		tree.poll_cookie[p] = start_poll_synchronize_rcu();
		tree.poll_ticket[p] = lkl_rcu_oracle_ticket();
		tree.poll_used[p] = true;
		return;
	case OP_POLL_CHECK:
		if (tree.poll_used[p] &&
		    poll_state_synchronize_rcu(tree.poll_cookie[p])) {
			lkl_rcu_oracle_check_gp(tree.poll_ticket[p],
						LKL_RCU_ORACLE_SCHED,
						"poll_state_synchronize_rcu()",
						_THIS_IP_);
			tree.poll_used[p] = false;
		}
		return;
	case OP_WAIT:
		schedule_timeout_uninterruptible(arg % 8 + 1);
		return;
	case OP_OFFLINE:
		cpu_offline(w);
		return;
	case OP_ONLINE:
		cpu_online_again(w);
		return;
	}

	/* Operations that run on the worker's CPU. */
	if (!w->online || READ_ONCE(w->has_op))
		return;
	switch (op) {
	case OP_TICK_USER:
	case OP_SWITCH:
		if (in_reader)
			return;
		break;
	case OP_IDLE:
	case OP_SYNC:
	case OP_BARRIER:
		if (in_reader)
			return;
		worker_post(w, op, arg, true);
		return;
	case OP_UNLOCK:
		if (!in_reader)
			return;
		break;
	case OP_DEREF:
		if (!in_reader)
			return;
		break;
	}
	worker_post(w, op, arg, false);
}

static void finish(void)
{
	struct tree_worker *w, *last = NULL;
	unsigned int i;

	/* Close every reader, then let blocked operations finish. */
	for (i = 1; i <= tree.nr_workers; i++) {
		w = &tree.workers[i];
		while (w->online && w->reader.depth && !READ_ONCE(w->has_op))
			worker_post(w, OP_UNLOCK, 0, false);
	}
	for (i = 1; i <= tree.nr_workers; i++)
		worker_drain(&tree.workers[i],
			     "in a worker's synchronize_rcu(), rcu_barrier() or sleep at the end of the input");

	fuzz_fail_next_allocs(0);
	fuzz_retire_all(&tree.slots);
	for (i = 1; i <= tree.nr_workers; i++)
		if (tree.workers[i].online)
			last = &tree.workers[i];
	/* The final barrier runs in a worker, so a stall is reported. */
	if (last) {
		worker_post(last, OP_BARRIER, 0, true);
		worker_drain(last, "in the final rcu_barrier()");
	} else {
		fuzz_rcu_barrier();
	}
	lkl_rcu_oracle_check_all_invoked("after the final rcu_barrier()");

	for (i = 1; i <= tree.nr_workers; i++)
		if (tree.workers[i].task)
			kthread_stop(tree.workers[i].task);
}

static int dispatcher_fn(void *unused)
{
	unsigned int n, i;

	for (i = 1; i <= tree.nr_workers; i++) {
		struct tree_worker *w = &tree.workers[i];

		w->cpu = i;
		init_waitqueue_head(&w->wq);
		init_completion(&w->done);
		if (!worker_start(w))
			panic("fuzz: cannot start the worker of CPU %u", i);
	}
	for (n = 0; n < TREE_MAX_OPS && fuzz_more(&tree.in); n++) {
		unsigned int op = fuzz_u8(&tree.in) % TREE_NR_OPS;
		unsigned int cpu = 1 + fuzz_u8(&tree.in) % tree.nr_workers;
		unsigned int arg = fuzz_u8(&tree.in);

		dispatch(op, &tree.workers[cpu], arg);
	}
	finish();
	pr_info("fuzz: %u operations, %lu callbacks checked by the oracle\n",
		n, lkl_rcu_oracle_invoked());
	complete(&tree.finished);
	/* tree_main() calls kthread_stop(), which needs this task still alive. */
	set_current_state(TASK_IDLE);
	while (!kthread_should_stop()) {
		schedule();
		set_current_state(TASK_IDLE);
	}
	__set_current_state(TASK_RUNNING);
	return 0;
}

static int tree_main(void *unused)
{
	struct task_struct *t;

	init_completion(&tree.finished);
	t = kthread_create_on_cpu(dispatcher_fn, NULL, 0, "fuzzctl/%u");
	if (IS_ERR(t))
		panic("fuzz: cannot start the dispatcher: %ld", PTR_ERR(t));
	wake_up_process(t);
	wait_for_completion(&tree.finished);
	kthread_stop(t);
	return 0;
}

int LLVMFuzzerTestOneInput(const u8 *data, size_t size)
{
	struct fuzz_cmdline cl;
	unsigned int seed, b, flags, qhimark;

	memset(&tree, 0, sizeof(tree));
	tree.in.data = data;
	tree.in.size = size;
	seed = fuzz_u16(&tree.in);
	b = fuzz_u8(&tree.in);
	tree.nr_workers = b % 4 != 3 ? 1 + (b >> 2) % 8 : 9 + (b >> 2) % 32;
	flags = fuzz_u8(&tree.in);

	fuzz_cmdline_init(&cl, seed);
	fuzz_cmdline_add(&cl, "nr_cpus=%u", tree.nr_workers + 1);
	fuzz_cmdline_add(&cl, "nohz=%s", flags & 1 ? "off" : "on");
	fuzz_cmdline_add(&cl, "lkl.sched_slice_ticks=%u", (flags >> 1 & 7) + 1);
	fuzz_cmdline_add(&cl, "lkl.cpu_switch_percent=%u", 5 + 5 * (flags >> 4));
	b = fuzz_u8(&tree.in);
	fuzz_cmdline_add(&cl, "rcutree.blimit=%u", 1 + b % 16);
	fuzz_cmdline_add(&cl, "rcutree.rcu_fanout_leaf=%u", 2 + (b >> 4) % 15);
	fuzz_cmdline_add(&cl, "rcutree.rcu_fanout=%u", 2 * (2 + (b >> 4) % 15));
	qhimark = 8 + 4 * fuzz_u8(&tree.in);
	fuzz_cmdline_add(&cl, "rcutree.qhimark=%u", qhimark);
	fuzz_cmdline_add(&cl, "rcutree.qlowmark=%u", qhimark / 4);
	fuzz_run("rcutree", data, size, &cl, tree_main, NULL);
	return 0;
}

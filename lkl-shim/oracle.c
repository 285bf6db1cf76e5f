// SPDX-License-Identifier: GPL-2.0
/*
 * The RCU-guarantee oracle: per-CPU read-side section tracking, a table of
 * queued callbacks with their queueing context, and the checks that stop
 * the run when a callback runs too early, twice, out of order or not at
 * all. include/lkl/oracle.h describes the checks.
 */
#include <linux/kernel.h>
#include <linux/bug.h>
#include <linux/lockdep.h>
#include <linux/moduleparam.h>
#include <linux/panic.h>
#include <linux/printk.h>
#include <linux/rcupdate.h>
#include <linux/smp.h>
#include <linux/string.h>
#include <lkl/machine.h>
#include <lkl/oracle.h>

#include "internal.h"

static bool rcu_oracle = true;
module_param(rcu_oracle, bool, 0444);
MODULE_PARM_DESC(rcu_oracle,
		 "Check every RCU callback against the readers open when it was queued");

/*
 * Queued callbacks tracked at once; more turn tracking off for the boot.
 * Records are handed out from a high-water mark and a free list, and the
 * tables below carry the boot generation, so that a reset at every boot
 * costs almost nothing: the fuzz drivers boot once per input.
 */
#define ORACLE_CB_MAX		(1U << 16)
#define ORACLE_BUCKET_BITS	12
#define ORACLE_BUCKETS		(1U << ORACLE_BUCKET_BITS)
/* Invoked callbacks remembered for double-invocation reports. */
#define ORACLE_RING_SIZE	1024
/* Order domains: (callback list owner, queueing CPU, invoking CPU). */
#define ORACLE_ORDER_BITS	12
#define ORACLE_ORDER_SIZE	(1U << ORACLE_ORDER_BITS)
/* Record 0 is never used, so that zeroed tables are empty ones. */
#define ORACLE_NONE		0
/* The invoking-CPU value of an order domain's queue side. */
#define ORACLE_QUEUE_SIDE	(-1)

struct oracle_reader {
	unsigned int depth;		/* all rcu_read_lock*() maps */
	unsigned int bh_depth;		/* rcu_read_lock_bh() only */
	u64 start_seq;
	u64 bh_start_seq;
	unsigned long ip;		/* site of the outermost lock */
	unsigned long bh_ip;
	const char *name;		/* map of the outermost lock */
	int pid;
};

struct oracle_cb {
	struct rcu_head *head;
	rcu_callback_t func;		/* as queued */
	const void *domain;
	u64 seq;			/* global sequence number at queueing */
	u64 order;			/* index in its (domain, cpu) queue */
	unsigned long caller;
	unsigned long gp_cookie;	/* get_state_synchronize_rcu() */
	int cpu;			/* list the callback joined */
	int host_cpu;			/* CPU that ran call_rcu() */
	int pid;
	unsigned int flavour;
	int hash_next;			/* bucket chain, or free list */
	int pend_prev, pend_next;	/* queue-ordered list of its flavour */
};

struct oracle_invoked {
	unsigned long gen;		/* entry valid in this boot only */
	struct rcu_head *head;
	unsigned long caller;
	int cpu;
	unsigned long gp_cookie;
};

/* Last invoked callback of one order domain. */
struct oracle_order {
	const void *domain;
	int qcpu, icpu;			/* icpu ORACLE_QUEUE_SIDE: queue side */
	u64 next_order;			/* queue side: next index to give */
	u64 last_order;			/* invoke side: last index invoked */
	unsigned long last_caller;
	unsigned long gen;		/* slot used in this boot */
	bool invoked;			/* last_order is valid */
};

static struct oracle_reader readers[CONFIG_NR_CPUS];
static unsigned int readers_used;
static struct oracle_cb cbs[ORACLE_CB_MAX];
static int buckets[ORACLE_BUCKETS];
static int free_list;
static unsigned int cbs_used;		/* records ever handed out this boot */
/* Starts at 1, so the zeroed ring[] and orders[] hold no valid entry. */
static unsigned long oracle_gen = 1;
static int pend_head[2], pend_tail[2];
static struct oracle_invoked ring[ORACLE_RING_SIZE];
static unsigned int ring_next;
static struct oracle_order orders[ORACLE_ORDER_SIZE];
static bool order_full;
static u64 oracle_seq;
static unsigned long nr_pending, nr_invoked;
static unsigned int open_readers;
static bool tracking_off;
static const char *input_desc;

/*
 * Protects every table above. Threaded mode runs CPUs on their own host
 * threads, so queueing, invocation and reader tracking race without it.
 * A host-level lock: it never reaches a scheduling point, so no emulated
 * interrupt can re-enter the oracle while it is held. Reports keep it
 * held until panic() ends the process.
 */
static int oracle_lock;

static bool oracle_active(void)
{
	return READ_ONCE(rcu_oracle) && lkl_machine_running() &&
	       !READ_ONCE(tracking_off);
}

void lkl_rcu_oracle_set_input(const char *desc)
{
	input_desc = desc;
}

void lkl_rcu_oracle_reset(void)
{
	int i;

	/* Every CPU any boot of this process had, not only this boot's. */
	readers_used = max(readers_used, nr_cpu_ids);
	memset(readers, 0, sizeof(readers[0]) * readers_used);
	memset(buckets, 0, sizeof(buckets));
	free_list = ORACLE_NONE;
	cbs_used = 0;
	for (i = 0; i < 2; i++) {
		pend_head[i] = ORACLE_NONE;
		pend_tail[i] = ORACLE_NONE;
	}
	/* Entries of ring[] and orders[] from earlier boots become stale. */
	oracle_gen++;
	ring_next = 0;
	order_full = false;
	oracle_seq = 0;
	nr_pending = 0;
	nr_invoked = 0;
	open_readers = 0;
	tracking_off = false;
}

static unsigned int hash_head(const struct rcu_head *head)
{
	return (((unsigned long)head >> 3) * 0x9e3779b97f4a7c15UL) >>
	       (64 - ORACLE_BUCKET_BITS);
}

/* Returns the slot of the order domain, or NULL when the table is full. */
static struct oracle_order *order_slot(const void *domain, int qcpu, int icpu)
{
	unsigned long key = (unsigned long)domain ^ ((unsigned long)qcpu << 20) ^
			    ((unsigned long)(icpu + 1) << 40);
	unsigned int i = (key * 0x9e3779b97f4a7c15UL) >> (64 - ORACLE_ORDER_BITS);
	unsigned int n;

	for (n = 0; n < ORACLE_ORDER_SIZE; n++, i = (i + 1) % ORACLE_ORDER_SIZE) {
		struct oracle_order *o = &orders[i];

		if (o->gen != oracle_gen) {
			memset(o, 0, sizeof(*o));
			o->gen = oracle_gen;
			o->domain = domain;
			o->qcpu = qcpu;
			o->icpu = icpu;
			return o;
		}
		if (o->domain == domain && o->qcpu == qcpu && o->icpu == icpu)
			return o;
	}
	if (!order_full)
		pr_warn("rcu oracle: more than %u callback order domains: order checks are off for this boot\n",
			ORACLE_ORDER_SIZE);
	order_full = true;
	return NULL;
}

/* Reports go out with interrupts off, so that nothing runs in between. */
static void report_begin(const char *what)
{
	local_irq_disable();
	pr_emerg("==================================================================\n");
	pr_emerg("BUG: RCU oracle: %s\n", what);
	pr_emerg("input: %s, seed=%llu, CPU %d, pid %d (%s)\n",
		 input_desc ?: "(not set)", (unsigned long long)lkl_seed(),
		 lkl_current_cpu_id(), lkl_current_pid(), lkl_current_comm());
	pr_emerg("grace-period cookie now: %lu (get_state_synchronize_rcu())\n",
		 get_state_synchronize_rcu());
}

static void __noreturn report_end(const char *what)
{
	pr_emerg("==================================================================\n");
	dump_stack();
	panic("RCU oracle: %s", what);
}

static void report_cb(const char *label, const struct oracle_cb *cb)
{
	if (__is_kfree_rcu_offset((unsigned long)cb->func))
		pr_emerg("%s: rcu_head %px, kfree_rcu() at offset %lu\n", label,
			 cb->head, (unsigned long)cb->func);
	else
		pr_emerg("%s: rcu_head %px, callback %ps\n", label, cb->head,
			 cb->func);
	pr_emerg("  queued at %pS by pid %d on CPU %d onto CPU %d's list, sequence %llu, grace-period cookie %lu\n",
		 (void *)cb->caller, cb->pid, cb->host_cpu, cb->cpu,
		 (unsigned long long)cb->seq, cb->gp_cookie);
}

static void report_reader(unsigned int cpu, bool bh)
{
	const struct oracle_reader *r = &readers[cpu];

	pr_emerg("  reader still open on CPU %u: %s at %pS by pid %d, started at sequence %llu\n",
		 cpu, bh ? "rcu_read_lock_bh" : r->name,
		 (void *)(bh ? r->bh_ip : r->ip), r->pid,
		 (unsigned long long)(bh ? r->bh_start_seq : r->start_seq));
}

/* Returns the CPU of an open reader that started before @seq, or -1. */
static int find_older_reader(u64 seq, unsigned int flavour)
{
	unsigned int cpu;

	if (!open_readers)
		return -1;
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		const struct oracle_reader *r = &readers[cpu];

		if (flavour == LKL_RCU_ORACLE_BH) {
			if (r->bh_depth && r->bh_start_seq < seq)
				return cpu;
		} else if (r->depth && r->start_seq < seq) {
			return cpu;
		}
	}
	return -1;
}

static bool is_bh_map(const struct lockdep_map *map)
{
	return !strcmp(map->name, "rcu_read_lock_bh");
}

void lkl_rcu_oracle_reader_lock(const struct lockdep_map *map,
				unsigned long ip)
{
	struct oracle_reader *r;

	if (!READ_ONCE(rcu_oracle) || !lkl_machine_running())
		return;
	lkl_raw_lock(&oracle_lock);
	r = &readers[lkl_current_cpu_id()];
	if (!r->depth++) {
		r->start_seq = ++oracle_seq;
		r->ip = ip;
		r->name = map->name;
		r->pid = lkl_current_pid();
		open_readers++;
	}
	if (is_bh_map(map) && !r->bh_depth++) {
		r->bh_start_seq = ++oracle_seq;
		r->bh_ip = ip;
	}
	lkl_raw_unlock(&oracle_lock);
}

void lkl_rcu_oracle_reader_unlock(const struct lockdep_map *map,
				  unsigned long ip)
{
	struct oracle_reader *r;

	if (!READ_ONCE(rcu_oracle) || !lkl_machine_running())
		return;
	lkl_raw_lock(&oracle_lock);
	r = &readers[lkl_current_cpu_id()];
	/* An unlock on another CPU than its lock: lockdep reports it. */
	if (r->depth) {
		if (!--r->depth)
			open_readers--;
		if (is_bh_map(map) && r->bh_depth)
			r->bh_depth--;
	}
	lkl_raw_unlock(&oracle_lock);
}

static void pend_link(int i)
{
	struct oracle_cb *cb = &cbs[i];
	unsigned int f = cb->flavour;

	cb->pend_next = ORACLE_NONE;
	cb->pend_prev = pend_tail[f];
	if (pend_tail[f] != ORACLE_NONE)
		cbs[pend_tail[f]].pend_next = i;
	else
		pend_head[f] = i;
	pend_tail[f] = i;
}

static void pend_unlink(int i)
{
	struct oracle_cb *cb = &cbs[i];
	unsigned int f = cb->flavour;

	if (cb->pend_prev != ORACLE_NONE)
		cbs[cb->pend_prev].pend_next = cb->pend_next;
	else
		pend_head[f] = cb->pend_next;
	if (cb->pend_next != ORACLE_NONE)
		cbs[cb->pend_next].pend_prev = cb->pend_prev;
	else
		pend_tail[f] = cb->pend_prev;
}

void lkl_rcu_oracle_queue(struct rcu_head *head, const void *domain,
			  unsigned int flavour, int cpu, unsigned long caller)
{
	struct oracle_order *o;
	struct oracle_cb *cb;
	unsigned int b;
	int i;

	if (!oracle_active())
		return;
	lkl_raw_lock(&oracle_lock);
	if (free_list != ORACLE_NONE) {
		i = free_list;
		free_list = cbs[i].hash_next;
	} else if (cbs_used < ORACLE_CB_MAX - 1) {
		i = ++cbs_used;
	} else {
		pr_warn("rcu oracle: more than %u callbacks queued: checks are off for this boot\n",
			ORACLE_CB_MAX);
		WRITE_ONCE(tracking_off, true);
		lkl_raw_unlock(&oracle_lock);
		return;
	}
	cb = &cbs[i];
	b = hash_head(head);
	cb->hash_next = buckets[b];
	buckets[b] = i;

	cb->head = head;
	cb->func = READ_ONCE(head->func);
	cb->domain = domain;
	cb->seq = ++oracle_seq;
	cb->caller = caller;
	cb->gp_cookie = get_state_synchronize_rcu();
	cb->cpu = cpu;
	cb->host_cpu = lkl_current_cpu_id();
	cb->pid = lkl_current_pid();
	cb->flavour = flavour ? LKL_RCU_ORACLE_BH : LKL_RCU_ORACLE_SCHED;
	o = order_slot(domain, cpu, ORACLE_QUEUE_SIDE);
	cb->order = o ? o->next_order++ : 0;
	pend_link(i);
	WRITE_ONCE(nr_pending, nr_pending + 1);
	lkl_raw_unlock(&oracle_lock);
}

/* Removes @head's record from the table and returns a copy in @out. */
static bool take_cb(struct rcu_head *head, struct oracle_cb *out)
{
	unsigned int b = hash_head(head);
	int *link = &buckets[b];

	while (*link != ORACLE_NONE) {
		int i = *link;
		struct oracle_cb *cb = &cbs[i];

		if (cb->head == head) {
			*out = *cb;
			*link = cb->hash_next;
			pend_unlink(i);
			cb->head = NULL;
			cb->hash_next = free_list;
			free_list = i;
			WRITE_ONCE(nr_pending, nr_pending - 1);
			return true;
		}
		link = &cb->hash_next;
	}
	return false;
}

static void __noreturn report_double(struct rcu_head *head, int cpu,
				     const struct oracle_invoked *first)
{
	const char *what = "callback invoked twice";

	report_begin(what);
	pr_emerg("rcu_head %px invoked again on CPU %d\n", head, cpu);
	pr_emerg("  first invoked on CPU %d at grace-period cookie %lu; queued at %pS\n",
		 first->cpu, first->gp_cookie, (void *)first->caller);
	report_end(what);
}

static void __noreturn report_early(const struct oracle_cb *cb, int cpu,
				    int reader_cpu)
{
	const char *what = "callback invoked while a reader that predates it is still open";

	report_begin(what);
	report_cb("callback", cb);
	pr_emerg("  invoked from CPU %d's list on CPU %d\n", cpu,
		 lkl_current_cpu_id());
	report_reader(reader_cpu, cb->flavour == LKL_RCU_ORACLE_BH);
	report_end(what);
}

static void __noreturn report_order(const struct oracle_cb *cb, int cpu,
				    const struct oracle_order *o)
{
	const char *what = "callbacks of one CPU invoked out of queue order";

	report_begin(what);
	report_cb("callback", cb);
	pr_emerg("  it is number %llu of CPU %d's queue, invoked on CPU %d after number %llu (queued at %pS)\n",
		 (unsigned long long)cb->order, cb->cpu, cpu,
		 (unsigned long long)o->last_order, (void *)o->last_caller);
	report_end(what);
}

void lkl_rcu_oracle_invoke(struct rcu_head *head, int cpu)
{
	struct oracle_order *o;
	struct oracle_cb cb;
	unsigned int i;
	int reader;

	if (!oracle_active())
		return;
	lkl_raw_lock(&oracle_lock);
	if (!take_cb(head, &cb)) {
		/* Not tracked: queued before the oracle started, or twice. */
		for (i = 0; i < ORACLE_RING_SIZE; i++)
			if (ring[i].gen == oracle_gen && ring[i].head == head)
				report_double(head, cpu, &ring[i]);
		lkl_raw_unlock(&oracle_lock);
		return;
	}
	WRITE_ONCE(nr_invoked, nr_invoked + 1);
	/* A flavour may set ->func after its queue hook (6.1's tiny.c does). */
	cb.func = READ_ONCE(head->func);

	reader = find_older_reader(cb.seq, cb.flavour);
	if (reader >= 0)
		report_early(&cb, cpu, reader);

	o = order_slot(cb.domain, cb.cpu, cpu);
	if (o) {
		if (o->invoked && o->last_order >= cb.order)
			report_order(&cb, cpu, o);
		o->invoked = true;
		o->last_order = cb.order;
		o->last_caller = cb.caller;
	}

	/* Only an untracked invocation searches the ring: stale copies are harmless. */
	ring[ring_next].gen = oracle_gen;
	ring[ring_next].head = head;
	ring[ring_next].caller = cb.caller;
	ring[ring_next].cpu = cpu;
	ring[ring_next].gp_cookie = get_state_synchronize_rcu();
	ring_next = (ring_next + 1) % ORACLE_RING_SIZE;
	lkl_raw_unlock(&oracle_lock);
}

u64 lkl_rcu_oracle_ticket(void)
{
	u64 ticket;

	lkl_raw_lock(&oracle_lock);
	ticket = ++oracle_seq;
	lkl_raw_unlock(&oracle_lock);
	return ticket;
}

void lkl_rcu_oracle_check_gp(u64 ticket, unsigned int flavour,
			     const char *what, unsigned long caller)
{
	const char *msg = "grace-period wait returned while a reader that predates it is still open";
	int reader;

	if (!oracle_active())
		return;
	lkl_raw_lock(&oracle_lock);
	reader = find_older_reader(ticket, flavour);
	if (reader < 0) {
		lkl_raw_unlock(&oracle_lock);
		return;
	}
	report_begin(msg);
	pr_emerg("%s called at %pS, sequence %llu\n", what, (void *)caller,
		 (unsigned long long)ticket);
	report_reader(reader, flavour == LKL_RCU_ORACLE_BH);
	report_end(msg);
}

void lkl_rcu_oracle_barrier_end(u64 ticket, unsigned int flavour,
				unsigned long caller)
{
	const char *what = "callback not invoked by the time rcu_barrier() returned";
	int i;

	if (!oracle_active())
		return;
	lkl_raw_lock(&oracle_lock);
	i = pend_head[flavour ? 1 : 0];
	if (i == ORACLE_NONE || cbs[i].seq > ticket) {
		lkl_raw_unlock(&oracle_lock);
		return;
	}
	report_begin(what);
	pr_emerg("rcu_barrier() called at %pS, sequence %llu; %lu callbacks pending\n",
		 (void *)caller, (unsigned long long)ticket, nr_pending);
	report_cb("oldest pending callback", &cbs[i]);
	report_end(what);
}

void lkl_rcu_oracle_check_all_invoked(const char *what)
{
	const char *msg = "callbacks still queued";
	int f;

	if (!oracle_active())
		return;
	lkl_raw_lock(&oracle_lock);
	if (!nr_pending) {
		lkl_raw_unlock(&oracle_lock);
		return;
	}
	report_begin(msg);
	pr_emerg("%lu callbacks still queued %s\n", nr_pending, what);
	for (f = 0; f < 2; f++)
		if (pend_head[f] != ORACLE_NONE)
			report_cb("oldest pending callback", &cbs[pend_head[f]]);
	report_end(msg);
}

unsigned long lkl_rcu_oracle_pending(void)
{
	return READ_ONCE(nr_pending);
}

unsigned long lkl_rcu_oracle_invoked(void)
{
	return READ_ONCE(nr_invoked);
}

void lkl_rcu_oracle_stall(const char *what)
{
	const char *msg = "grace period stalled";
	unsigned int cpu;
	int f;

	lkl_raw_lock(&oracle_lock);
	report_begin(msg);
	pr_emerg("no progress %s; %lu callbacks pending\n", what, nr_pending);
	for (f = 0; f < 2; f++)
		if (pend_head[f] != ORACLE_NONE)
			report_cb("oldest pending callback", &cbs[pend_head[f]]);
	for (cpu = 0; cpu < nr_cpu_ids; cpu++) {
		pr_emerg("  CPU %u: %s%s\n", cpu,
			 cpu_online(cpu) ? "online" : "offline",
			 lkl_cpus[cpu].in_idle ? ", idle" : "");
		if (readers[cpu].depth)
			report_reader(cpu, false);
	}
	report_end(msg);
}

// SPDX-License-Identifier: GPL-2.0
/*
 * RCU torture test. Reader kthreads traverse an array of RCU-protected
 * objects while updater kthreads and a timer replace them and retire the
 * old ones with kfree_rcu(), call_rcu() and call_rcu_bh(). Grace-period
 * kthreads wait with synchronize_rcu(), rcu_barrier() and the polled API.
 * Readers and callbacks check that no object is reclaimed while a reader
 * can reach it and that callbacks run once, in order, after a grace
 * period. The end of the run checks that every callback ran. Parameters
 * are rcutorture.NAME on the kernel command line.
 */
#include <linux/kernel.h>
#include <linux/atomic.h>
#include <linux/bug.h>
#include <linux/cpumask.h>
#include <linux/delay.h>
#include <linux/errno.h>
#include <linux/init.h>
#include <linux/jiffies.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/poison.h>
#include <linux/printk.h>
#include <linux/rcupdate.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <linux/timer.h>

#include "rcu.h"
#include "rcutorture.h"

static int nreaders = 3;
module_param(nreaders, int, 0444);
MODULE_PARM_DESC(nreaders, "Number of reader kthreads");

static int nupdaters = 2;
module_param(nupdaters, int, 0444);
MODULE_PARM_DESC(nupdaters, "Number of updater kthreads");

static int timer_updater = 1;
module_param(timer_updater, int, 0444);
MODULE_PARM_DESC(timer_updater,
		 "Nonzero: a timer also updates one object per jiffy, in softirq context, so retirements happen inside readers");

static int nfakewriters = 1;
module_param(nfakewriters, int, 0444);
MODULE_PARM_DESC(nfakewriters,
		 "Number of kthreads that only wait for grace periods");

static int nslots = 8;
module_param(nslots, int, 0444);
MODULE_PARM_DESC(nslots,
		 "Number of RCU-protected object pointers of each of RCU and RCU-bh");

static int duration = 240;
module_param(duration, int, 0444);
MODULE_PARM_DESC(duration, "Length of the run in emulated seconds (0: no limit)");

static long nupdates;
module_param(nupdates, long, 0444);
MODULE_PARM_DESC(nupdates, "End the run after this many updates (0: no limit)");

static int stat_interval = 30;
module_param(stat_interval, int, 0444);
MODULE_PARM_DESC(stat_interval,
		 "Emulated seconds between progress lines (0: none)");

static int reader_delay_us = 3;
module_param(reader_delay_us, int, 0444);
MODULE_PARM_DESC(reader_delay_us,
		 "Maximum udelay() per object inside a read-side section, in microseconds");

static int long_reader_delay_us = 2500;
module_param(long_reader_delay_us, int, 0444);
MODULE_PARM_DESC(long_reader_delay_us,
		 "Maximum udelay() per object in one read-side section out of 8, in microseconds: longer than a tick, so sections span several (0: none)");

/* Reports of failed checks printed per run; later ones are only counted. */
#define TORTURE_MAX_REPORTS	10
#define TORTURE_MAGIC		0x52435554UL	/* "RCUT" */
#define TORTURE_PAYLOAD_WORDS	8
/* Reader iterations between voluntary sleeps. */
#define TORTURE_READER_SLEEP_EVERY 64

enum torture_obj_state {
	TORTURE_ALIVE = 1,	/* reachable from a slot */
	TORTURE_RETIRED,	/* unpublished, callback queued */
	TORTURE_FREED,		/* callback ran: poisoned, about to be freed */
};

struct torture_obj {
	unsigned long magic;
	int state;			/* enum torture_obj_state */
	int slot;
	unsigned long version;		/* update number that created it */
	unsigned long payload[TORTURE_PAYLOAD_WORDS]; /* derived from version */
	/* Set at retirement, before the callback is queued. */
	unsigned long retire_gp;	/* get_state_synchronize_rcu() */
	long retire_epoch;		/* torture_epoch after unpublishing */
	unsigned long callback_seq;	/* order of call_rcu() on its CPU */
	int callback_cpu;
	bool bh;			/* in a slot of the RCU-bh half */
	struct rcu_head rh;
};

/*
 * The RCU-protected objects: 2 * nslots pointers. Slots below nslots are
 * read under rcu_read_lock() or rcu_read_lock_sched() and retired with
 * kfree_rcu() or call_rcu(); the others are read under rcu_read_lock_bh()
 * and retired with call_rcu_bh(). Updaters replace them under torture_lock,
 * with bottom halves disabled because the timer updater takes it in
 * softirq context.
 */
static struct torture_obj __rcu **torture_slots;
static DEFINE_SPINLOCK(torture_lock);
static struct timer_list torture_timer;

/*
 * Reader epochs. torture_epoch is incremented after each unpublication;
 * a reader stores the value it reads at entry in reader_epoch[] (0 while
 * outside a section). A callback for an object retired at epoch R that
 * finds a reader with a nonzero entry below R has run before that reader,
 * which began before the call_rcu(), ended.
 */
static atomic_long_t torture_epoch;
static long *reader_epoch;
static bool *reader_in_bh;	/* the reader's section is rcu_read_lock_bh() */

/*
 * Per flavour and queuing CPU, at [bh * nr_cpu_ids + cpu]: the last
 * callback_seq handed out and the last one invoked.
 */
static unsigned long *cpu_queued_seq;
static unsigned long *cpu_invoked_seq;

static atomic_long_t n_reads;
static atomic_long_t n_objects_read;
static atomic_long_t n_updates;
static atomic_long_t n_timer_updates;
static atomic_long_t n_allocated;
static atomic_long_t n_kfree_rcu;
static atomic_long_t n_call_rcu;
static atomic_long_t n_call_rcu_bh;
static atomic_long_t n_callbacks_run;
static atomic_long_t n_gp_waits;
static atomic_long_t n_failures;

static struct task_struct **torture_tasks;
static int torture_ntasks;
static bool torture_stop;
static u64 torture_seed;

/* A xorshift64* generator per kthread, seeded from the machine's seed. */
struct torture_rand {
	u64 state;
};

static struct torture_rand torture_timer_rand;

static void torture_rand_init(struct torture_rand *r, unsigned int stream)
{
	r->state = (torture_seed ^ (0x9e3779b97f4a7c15ULL * (stream + 1))) | 1;
}

static u32 torture_random(struct torture_rand *r)
{
	r->state ^= r->state >> 12;
	r->state ^= r->state << 25;
	r->state ^= r->state >> 27;
	return (u32)((r->state * 0x2545f4914f6cdd1dULL) >> 32);
}

static unsigned long torture_payload(unsigned long version, int i)
{
	return (version * 0x100000001b3UL) ^ (TORTURE_MAGIC + i);
}

#define torture_fail(fmt, ...)						\
do {									\
	if (atomic_long_inc_return(&n_failures) <= TORTURE_MAX_REPORTS)	\
		WARN(1, "rcutorture: FAILED: " fmt "\n", ##__VA_ARGS__); \
} while (0)

static void torture_check_object(struct torture_obj *p, int slot,
				 const char *reader)
{
	int state = READ_ONCE(p->state);
	int i;

	if (READ_ONCE(p->magic) != TORTURE_MAGIC) {
		torture_fail("%s: object %px in slot %d has magic %#lx: not a torture object or overwritten",
			     reader, p, slot, READ_ONCE(p->magic));
		return;
	}
	if (state == TORTURE_FREED) {
		torture_fail("%s: object %px (version %lu) in slot %d was reclaimed while the reader could reach it",
			     reader, p, p->version, slot);
		return;
	}
	if (state != TORTURE_ALIVE && state != TORTURE_RETIRED)
		torture_fail("%s: object %px in slot %d has invalid state %d",
			     reader, p, slot, state);
	if (p->slot != slot)
		torture_fail("%s: object %px of slot %d found in slot %d",
			     reader, p, p->slot, slot);
	for (i = 0; i < TORTURE_PAYLOAD_WORDS; i++) {
		if (READ_ONCE(p->payload[i]) != torture_payload(p->version, i)) {
			torture_fail("%s: object %px (version %lu) payload word %d corrupted",
				     reader, p, p->version, i);
			return;
		}
	}
}

/* One read-side section of the flavour chosen by @kind. */
static void torture_read_section(int id, unsigned int kind, bool long_delay,
				 struct torture_rand *rand)
{
	static const char * const names[] = {
		"rcu_read_lock", "rcu_read_lock_bh", "rcu_read_lock_sched",
	};
	struct torture_obj *p;
	int nobjs = 1 + torture_random(rand) % 3;
	int i, slot;

	switch (kind) {
	case 0:
		rcu_read_lock();
		break;
	case 1:
		rcu_read_lock_bh();
		break;
	default:
		rcu_read_lock_sched();
		break;
	}
	/*
	 * The full barrier orders the epoch load before the slot loads, as
	 * the updater increments the epoch after its pointer store.
	 */
	WRITE_ONCE(reader_in_bh[id], kind == 1);
	WRITE_ONCE(reader_epoch[id], atomic_long_read(&torture_epoch));
	smp_mb();

	for (i = 0; i < nobjs; i++) {
		slot = torture_random(rand) % nslots + (kind == 1 ? nslots : 0);
		switch (kind) {
		case 0:
			p = rcu_dereference(torture_slots[slot]);
			break;
		case 1:
			p = rcu_dereference_bh(torture_slots[slot]);
			break;
		default:
			p = rcu_dereference_sched(torture_slots[slot]);
			break;
		}
		if (!p)
			continue;
		torture_check_object(p, slot, names[kind]);
		/* Let ticks and softirqs arrive while the object is in use. */
		if (long_delay)
			udelay(torture_random(rand) % (long_reader_delay_us + 1));
		else if (reader_delay_us)
			udelay(torture_random(rand) % (reader_delay_us + 1));
		torture_check_object(p, slot, names[kind]);
		atomic_long_inc(&n_objects_read);
	}

	smp_mb();
	WRITE_ONCE(reader_epoch[id], 0);
	switch (kind) {
	case 0:
		rcu_read_unlock();
		break;
	case 1:
		rcu_read_unlock_bh();
		break;
	default:
		rcu_read_unlock_sched();
		break;
	}
}

static int torture_reader(void *arg)
{
	int id = (long)arg;
	struct torture_rand rand;
	unsigned long iter = 0;

	torture_rand_init(&rand, id);
	while (!kthread_should_stop()) {
		torture_read_section(id, torture_random(&rand) % 3,
				     long_reader_delay_us &&
				     torture_random(&rand) % 8 == 0, &rand);
		atomic_long_inc(&n_reads);
		if (++iter % TORTURE_READER_SLEEP_EVERY == 0)
			msleep(1);
		else
			cond_resched();
	}
	return 0;
}

/* The call_rcu() callback: checks, poisons and frees one object. */
static void torture_cb(struct rcu_head *rh)
{
	struct torture_obj *p = container_of(rh, struct torture_obj, rh);
	int seq_index = p->bh * nr_cpu_ids + p->callback_cpu;
	int i;

	atomic_long_inc(&n_callbacks_run);
	if (p->magic != TORTURE_MAGIC || p->state != TORTURE_RETIRED) {
		torture_fail("callback for object %px invoked in state %d with magic %#lx: invoked twice or never queued",
			     p, p->state, p->magic);
		return;
	}
	/* The polled API follows the RCU-sched grace periods only. */
	if (!p->bh && !poll_state_synchronize_rcu(p->retire_gp))
		torture_fail("callback for object %px (version %lu) ran before a grace period had ended since its call_rcu()",
			     p, p->version);
	for (i = 0; i < nreaders; i++) {
		long e = READ_ONCE(reader_epoch[i]);

		/* RCU-bh grace periods need not wait for other readers. */
		if (p->bh && !READ_ONCE(reader_in_bh[i]))
			continue;
		if (e && e < p->retire_epoch)
			torture_fail("callback for object %px (version %lu, epoch %ld) ran while reader %d, which entered at epoch %ld, is still inside its section",
				     p, p->version, p->retire_epoch, i, e);
	}
	if (p->callback_seq != cpu_invoked_seq[seq_index] + 1)
		torture_fail("%s callback %lu queued on CPU %d ran after callback %lu: callbacks of a CPU must run once each, in queuing order",
			     p->bh ? "call_rcu_bh()" : "call_rcu()",
			     p->callback_seq, p->callback_cpu,
			     cpu_invoked_seq[seq_index]);
	cpu_invoked_seq[seq_index] = p->callback_seq;

	WRITE_ONCE(p->state, TORTURE_FREED);
	memset(p->payload, POISON_FREE, sizeof(p->payload));
	kfree(p);
}

static struct torture_obj *torture_alloc(int slot, unsigned long version,
					 gfp_t gfp)
{
	struct torture_obj *p = kmalloc(sizeof(*p), gfp);
	int i;

	if (!p)
		return NULL;
	p->magic = TORTURE_MAGIC;
	p->state = TORTURE_ALIVE;
	p->slot = slot;
	p->bh = slot >= nslots;
	p->version = version;
	for (i = 0; i < TORTURE_PAYLOAD_WORDS; i++)
		p->payload[i] = torture_payload(version, i);
	atomic_long_inc(&n_allocated);
	return p;
}

/*
 * Retires @old, which the caller has just unpublished: with call_rcu_bh()
 * from an RCU-bh slot, else with kfree_rcu(), kvfree_rcu() or call_rcu().
 * Called with torture_lock held, which also keeps the CPU and its
 * callback order stable.
 */
static void torture_retire(struct torture_obj *old, bool use_kfree_rcu)
{
	int cpu = raw_smp_processor_id();

	WRITE_ONCE(old->state, TORTURE_RETIRED);
	old->retire_gp = get_state_synchronize_rcu();
	old->retire_epoch = atomic_long_inc_return(&torture_epoch);
	if (use_kfree_rcu && !old->bh) {
		atomic_long_inc(&n_kfree_rcu);
		/* kvfree_rcu() goes through kvfree_call_rcu() instead. */
		if (old->version & 2)
			kvfree_rcu(old, rh);
		else
			kfree_rcu(old, rh);
		return;
	}
	old->callback_cpu = cpu;
	old->callback_seq = ++cpu_queued_seq[old->bh * nr_cpu_ids + cpu];
	if (old->bh) {
		atomic_long_inc(&n_call_rcu_bh);
		call_rcu_bh(&old->rh, torture_cb);
	} else {
		atomic_long_inc(&n_call_rcu);
		call_rcu(&old->rh, torture_cb);
	}
}

static bool torture_updates_done(void)
{
	return nupdates && atomic_long_read(&n_updates) >= nupdates;
}

static int torture_updater(void *arg)
{
	int id = (long)arg;
	struct torture_rand rand;
	struct torture_obj *new, *old;
	unsigned long version;
	int slot;

	torture_rand_init(&rand, 1000 + id);
	while (!kthread_should_stop()) {
		if (torture_updates_done() || READ_ONCE(torture_stop)) {
			msleep(10);
			continue;
		}
		slot = torture_random(&rand) % (2 * nslots);
		version = atomic_long_inc_return(&n_updates);
		new = torture_alloc(slot, version, GFP_KERNEL);
		if (!new) {
			torture_fail("updater %d: kmalloc() of a %zu-byte object failed",
				     id, sizeof(*new));
			msleep(10);
			continue;
		}

		spin_lock_bh(&torture_lock);
		old = rcu_replace_pointer(torture_slots[slot], new,
					  lockdep_is_held(&torture_lock));
		if (old)
			torture_retire(old, version & 1);
		spin_unlock_bh(&torture_lock);

		if (torture_random(&rand) % 16 == 0)
			msleep(1);
		else
			cond_resched();
	}
	return 0;
}

/*
 * One update per jiffy from TIMER_SOFTIRQ. The softirq runs on the exit of
 * a tick, often one that interrupted a reader, so objects are retired while
 * readers are inside their sections even on one CPU.
 */
static void torture_timer_fn(struct timer_list *timer)
{
	struct torture_obj *new, *old;
	unsigned long version;
	int slot;

	if (READ_ONCE(torture_stop) || torture_updates_done())
		return;
	slot = torture_random(&torture_timer_rand) % (2 * nslots);
	version = atomic_long_inc_return(&n_updates);
	new = torture_alloc(slot, version, GFP_ATOMIC);
	if (new) {
		spin_lock(&torture_lock);
		old = rcu_replace_pointer(torture_slots[slot], new,
					  lockdep_is_held(&torture_lock));
		if (old)
			torture_retire(old, version & 1);
		spin_unlock(&torture_lock);
		atomic_long_inc(&n_timer_updates);
	} else {
		torture_fail("timer updater: kmalloc(GFP_ATOMIC) of a %zu-byte object failed",
			     sizeof(*new));
	}
	mod_timer(&torture_timer, jiffies + 1);
}

/* Waits for grace periods in the ways the API offers, checking each. */
static int torture_fakewriter(void *arg)
{
	int id = (long)arg;
	struct torture_rand rand;
	unsigned long cookie;
	const char *op;
	int spins;

	torture_rand_init(&rand, 2000 + id);
	while (!kthread_should_stop()) {
		cookie = get_state_synchronize_rcu();
		switch (torture_random(&rand) % 4) {
		case 0:
			op = "synchronize_rcu()";
			synchronize_rcu();
			break;
		case 1:
			op = "rcu_barrier()";
			rcu_barrier();
			break;
		case 2:
			op = "cond_synchronize_rcu()";
			cond_synchronize_rcu(cookie);
			break;
		default:
			op = "polling after start_poll_synchronize_rcu()";
			cookie = start_poll_synchronize_rcu();
			for (spins = 0; !poll_state_synchronize_rcu(cookie);
			     spins++) {
				if (spins > 10000) {
					torture_fail("fakewriter %d: no grace period ended in 10000 ms after start_poll_synchronize_rcu()",
						     id);
					break;
				}
				msleep(1);
			}
			break;
		}
		if (!poll_state_synchronize_rcu(cookie))
			torture_fail("fakewriter %d: %s returned before the grace period of cookie %lu ended",
				     id, op, cookie);
		atomic_long_inc(&n_gp_waits);
		msleep(1 + torture_random(&rand) % 5);
	}
	return 0;
}

static unsigned long torture_cbs_invoked(void)
{
	struct lkl_rcu_stats stats;
	unsigned long total = 0;
	bool have_stats = false;
	int f;

	for (f = 0; f < LKL_RCU_NR_FLAVOURS; f++) {
		if (lkl_rcu_get_stats(f, &stats))
			continue;
		have_stats = true;
		total += stats.cbs_invoked_kfree + stats.cbs_invoked_func;
	}
	/*
	 * An RCU without our statistics (Linux 6.1's tiny.c): count what this
	 * module saw run, which leaves out kfree_rcu() reclaims.
	 */
	if (!have_stats)
		total = atomic_long_read(&n_callbacks_run);
	return total;
}

static void torture_print_progress(unsigned long seconds)
{
	struct lkl_rcu_stats stats;
	bool have = !lkl_rcu_get_stats(LKL_RCU_SCHED, &stats);

	pr_info("rcutorture: t=%lus reads=%ld objects-read=%ld updates=%ld kfree_rcu=%ld call_rcu=%ld gp-waits=%ld gps=%ld pending=%ld failures=%ld\n",
		seconds, atomic_long_read(&n_reads),
		atomic_long_read(&n_objects_read),
		atomic_long_read(&n_updates), atomic_long_read(&n_kfree_rcu),
		atomic_long_read(&n_call_rcu), atomic_long_read(&n_gp_waits),
		have ? (long)stats.gp_completed : -1L,
		have ? (long)stats.cbs_pending : -1L,
		atomic_long_read(&n_failures));
}

static int torture_start_task(int (*fn)(void *), long id, const char *name)
{
	struct task_struct *t = kthread_run(fn, (void *)id, "%s/%ld", name, id);

	if (IS_ERR(t)) {
		pr_err("rcutorture: failed to start %s/%ld: error %ld\n",
		       name, id, PTR_ERR(t));
		return PTR_ERR(t);
	}
	torture_tasks[torture_ntasks++] = t;
	return 0;
}

bool rcu_torture_stopping(void)
{
	return READ_ONCE(torture_stop);
}

static void torture_stop_tasks(void)
{
	int i;

	WRITE_ONCE(torture_stop, true);
	if (timer_updater) {
		del_timer_sync(&torture_timer);
		WARN_ON(timer_pending(&torture_timer));
	}
	for (i = 0; i < torture_ntasks; i++)
		kthread_stop(torture_tasks[i]);
	torture_ntasks = 0;
}

/* Unpublishes every slot and retires the objects with kfree_rcu(). */
static void torture_empty_slots(void)
{
	struct torture_obj *old;
	int i;

	spin_lock_bh(&torture_lock);
	for (i = 0; i < 2 * nslots; i++) {
		old = rcu_replace_pointer(torture_slots[i], NULL,
					  lockdep_is_held(&torture_lock));
		if (old)
			torture_retire(old, true);
	}
	spin_unlock_bh(&torture_lock);
}

/*
 * Prints the statistics of one callback flavour since @before and checks
 * that rcu_barrier() left nothing queued. Returns false on a failure.
 */
static bool torture_check_flavour(enum lkl_rcu_flavour flavour,
				  const char *name,
				  const struct lkl_rcu_stats *before)
{
	struct lkl_rcu_stats after;
	unsigned long queued, kfrees, funcs;

	if (lkl_rcu_get_stats(flavour, &after)) {
		pr_info("rcutorture: summary: %s: this RCU keeps no statistics\n",
			name);
		return true;
	}
	queued = after.cbs_queued - before->cbs_queued;
	kfrees = after.cbs_invoked_kfree - before->cbs_invoked_kfree;
	funcs = after.cbs_invoked_func - before->cbs_invoked_func;
	pr_info("rcutorture: summary: %s: grace periods=%lu (with callbacks %lu), callbacks invoked=%lu (kfree offsets %lu, functions %lu), largest batch=%lu, peak pending=%lu\n",
		name, after.gp_completed - before->gp_completed,
		after.gp_with_callbacks - before->gp_with_callbacks,
		kfrees + funcs, kfrees, funcs, after.max_batch,
		after.max_pending);
	if (after.cbs_pending || queued != kfrees + funcs) {
		torture_fail("%s: after the barrier %lu callbacks were queued, %lu invoked, %lu still pending",
			     name, queued, kfrees + funcs, after.cbs_pending);
		return false;
	}
	if (flavour == LKL_RCU_SCHED &&
	    kfrees < (unsigned long)atomic_long_read(&n_kfree_rcu)) {
		torture_fail("%ld objects retired with kfree_rcu() but only %lu kfree offsets reclaimed",
			     atomic_long_read(&n_kfree_rcu), kfrees);
		return false;
	}
	return true;
}

static bool torture_print_summary(const struct lkl_rcu_stats *before)
{
	long queued = atomic_long_read(&n_call_rcu) +
		      atomic_long_read(&n_call_rcu_bh);
	bool ok = true;

	pr_info("rcutorture: summary: reads=%ld objects-read=%ld updates=%ld (from the timer %ld) objects-allocated=%ld gp-waits=%ld\n",
		atomic_long_read(&n_reads), atomic_long_read(&n_objects_read),
		atomic_long_read(&n_updates),
		atomic_long_read(&n_timer_updates),
		atomic_long_read(&n_allocated), atomic_long_read(&n_gp_waits));
	pr_info("rcutorture: summary: retired with kfree_rcu() or kvfree_rcu()=%ld call_rcu()=%ld call_rcu_bh()=%ld, torture callbacks run=%ld\n",
		atomic_long_read(&n_kfree_rcu), atomic_long_read(&n_call_rcu),
		atomic_long_read(&n_call_rcu_bh),
		atomic_long_read(&n_callbacks_run));

	if (atomic_long_read(&n_callbacks_run) != queued) {
		torture_fail("%ld torture callbacks queued but %ld ran after rcu_barrier() and rcu_barrier_bh()",
			     queued, atomic_long_read(&n_callbacks_run));
		ok = false;
	}
	ok &= torture_check_flavour(LKL_RCU_SCHED, "rcu", &before[LKL_RCU_SCHED]);
	ok &= torture_check_flavour(LKL_RCU_BH, "rcu_bh", &before[LKL_RCU_BH]);
	return ok;
}

static bool torture_params_valid(void)
{
	static const struct {
		const char *name;
		long min;
	} limits[] = {
		{ "nreaders", 0 }, { "nupdaters", 0 }, { "nfakewriters", 0 },
		{ "nslots", 1 }, { "duration", 0 }, { "nupdates", 0 },
		{ "stat_interval", 0 }, { "reader_delay_us", 0 },
		{ "long_reader_delay_us", 0 },
	};
	long values[ARRAY_SIZE(limits)] = {
		nreaders, nupdaters, nfakewriters, nslots, duration,
		nupdates, stat_interval, reader_delay_us, long_reader_delay_us,
	};
	bool valid = true;
	int i;

	for (i = 0; i < ARRAY_SIZE(limits); i++) {
		if (values[i] >= limits[i].min)
			continue;
		pr_err("rcutorture: invalid rcutorture.%s=%ld: must be at least %ld\n",
		       limits[i].name, values[i], limits[i].min);
		valid = false;
	}
	if (!valid)
		return false;
	if (!duration && !nupdates) {
		pr_err("rcutorture: invalid parameters: duration=0 needs nupdates > 0, or the run never ends\n");
		return false;
	}
	if (!duration && !nupdaters && !timer_updater) {
		pr_err("rcutorture: invalid parameters: nupdates needs nupdaters > 0\n");
		return false;
	}
	return true;
}

static void torture_free_arrays(void)
{
	kfree(torture_tasks);
	kfree(reader_epoch);
	kfree(reader_in_bh);
	kfree(cpu_queued_seq);
	kfree(cpu_invoked_seq);
	kfree(torture_slots);
	torture_tasks = NULL;
	reader_epoch = NULL;
	reader_in_bh = NULL;
	cpu_queued_seq = NULL;
	cpu_invoked_seq = NULL;
	torture_slots = NULL;
}

static int torture_alloc_arrays(void)
{
	torture_tasks = kcalloc(nreaders + nupdaters + nfakewriters,
				sizeof(*torture_tasks), GFP_KERNEL);
	reader_epoch = kcalloc(nreaders + 1, sizeof(*reader_epoch), GFP_KERNEL);
	reader_in_bh = kcalloc(nreaders + 1, sizeof(*reader_in_bh), GFP_KERNEL);
	cpu_queued_seq = kcalloc(2 * nr_cpu_ids, sizeof(*cpu_queued_seq),
				 GFP_KERNEL);
	cpu_invoked_seq = kcalloc(2 * nr_cpu_ids, sizeof(*cpu_invoked_seq),
				  GFP_KERNEL);
	torture_slots = kcalloc(2 * nslots, sizeof(*torture_slots), GFP_KERNEL);
	if (!torture_tasks || !reader_epoch || !reader_in_bh || !cpu_queued_seq ||
	    !cpu_invoked_seq || !torture_slots) {
		torture_free_arrays();
		return -ENOMEM;
	}
	return 0;
}

static void torture_reset_counters(void)
{
	atomic_long_set(&torture_epoch, 1);
	atomic_long_set(&n_reads, 0);
	atomic_long_set(&n_objects_read, 0);
	atomic_long_set(&n_updates, 0);
	atomic_long_set(&n_timer_updates, 0);
	atomic_long_set(&n_allocated, 0);
	atomic_long_set(&n_kfree_rcu, 0);
	atomic_long_set(&n_call_rcu, 0);
	atomic_long_set(&n_call_rcu_bh, 0);
	atomic_long_set(&n_callbacks_run, 0);
	atomic_long_set(&n_gp_waits, 0);
	atomic_long_set(&n_failures, 0);
	torture_stop = false;
	torture_ntasks = 0;
}

static int torture_start_all(void)
{
	long i;
	int ret = 0;

	for (i = 0; i < nreaders && !ret; i++)
		ret = torture_start_task(torture_reader, i, "rcu_torture_reader");
	for (i = 0; i < nupdaters && !ret; i++)
		ret = torture_start_task(torture_updater, i, "rcu_torture_updater");
	for (i = 0; i < nfakewriters && !ret; i++)
		ret = torture_start_task(torture_fakewriter, i,
					 "rcu_torture_fakewriter");
	if (!ret && timer_updater) {
		torture_rand_init(&torture_timer_rand, 3000);
		timer_setup(&torture_timer, torture_timer_fn, 0);
		mod_timer(&torture_timer, jiffies + 1);
	}
	return ret;
}

/* Sleeps until the duration or the update count ends the run. */
static void torture_wait_for_end(void)
{
	unsigned long start = jiffies;
	unsigned long next_stat = start + stat_interval * HZ;
	unsigned long end = start + (unsigned long)duration * HZ;

	for (;;) {
		msleep(10);
		if (duration && time_after_eq(jiffies, end))
			break;
		if (torture_updates_done())
			break;
		if (stat_interval && time_after_eq(jiffies, next_stat)) {
			torture_print_progress((jiffies - start) / HZ);
			next_stat += stat_interval * HZ;
		}
	}
	pr_info("rcutorture: run ended after %u emulated ms\n",
		jiffies_to_msecs(jiffies - start));
}

int rcu_torture_run(u64 seed, struct rcu_torture_result *result)
{
	struct lkl_rcu_stats before[LKL_RCU_NR_FLAVOURS] = { };
	bool ok;
	int ret;

	memset(result, 0, sizeof(*result));
	torture_seed = seed;
	pr_info("rcutorture: seed=%llu\n", (unsigned long long)seed);
	pr_info("rcutorture: nreaders=%d nupdaters=%d timer_updater=%d nfakewriters=%d nslots=%d duration=%d nupdates=%ld stat_interval=%d reader_delay_us=%d long_reader_delay_us=%d nr_cpu_ids=%u\n",
		nreaders, nupdaters, timer_updater, nfakewriters, nslots,
		duration, nupdates, stat_interval, reader_delay_us,
		long_reader_delay_us, nr_cpu_ids);
	if (!torture_params_valid()) {
		result->not_started = true;
		return 1;
	}

	torture_reset_counters();
	if (torture_alloc_arrays()) {
		pr_err("rcutorture: out of memory for %d slots and %d kthreads\n",
		       2 * nslots, nreaders + nupdaters + nfakewriters);
		result->not_started = true;
		return 1;
	}
	lkl_rcu_get_stats(LKL_RCU_SCHED, &before[LKL_RCU_SCHED]);
	lkl_rcu_get_stats(LKL_RCU_BH, &before[LKL_RCU_BH]);
	result->callbacks_invoked = torture_cbs_invoked();

	ret = torture_start_all();
	if (!ret)
		torture_wait_for_end();
	torture_stop_tasks();

	torture_empty_slots();
	rcu_barrier();
	rcu_barrier_bh();
	ok = torture_print_summary(before) && !ret;

	result->callbacks_invoked = torture_cbs_invoked() -
				    result->callbacks_invoked;
	result->failures = atomic_long_read(&n_failures);
	torture_free_arrays();
	return ok && !result->failures ? 0 : 1;
}

static int __init rcu_torture_init(void)
{
	return torture_params_valid() ? 0 : -EINVAL;
}

/* Frees what a run interrupted before its end left behind. */
static void __exit rcu_torture_exit(void)
{
	if (torture_ntasks)
		torture_stop_tasks();
	if (torture_slots) {
		torture_empty_slots();
		rcu_barrier();
		rcu_barrier_bh();
	}
	torture_free_arrays();
}

module_init(rcu_torture_init);
module_exit(rcu_torture_exit);

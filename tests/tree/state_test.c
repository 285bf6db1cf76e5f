// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite for Tree RCU's grace-period machinery, driven step by step
 * on a private rcu_state that no tick or softirq touches: callback
 * segments, quiescent states carried up the tree, stale reports, forcing
 * quiescent states from dyntick counters, batch limits and callback
 * adoption from a dead CPU.
 */
#include <kunit/test.h>

#include <linux/irqflags.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/limits.h>
#include <linux/slab.h>
#include <linux/smp.h>

#include "../../kernel-src/rcutree.h"

struct tree_fixture {
	struct rcu_state *rsp;
	struct rcu_data *data;
	struct rcu_dynticks *dynticks;
	int nr_cpus;
};

/* A private state of @nr_cpus CPUs, all prepared (online). */
static struct tree_fixture *tree_fixture_new(struct kunit *test, int nr_cpus)
{
	struct tree_fixture *f;
	struct rcu_data **rda;
	int cpu;

	f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, f);
	f->nr_cpus = nr_cpus;
	f->rsp = kunit_kzalloc(test, sizeof(*f->rsp), GFP_KERNEL);
	f->data = kunit_kcalloc(test, nr_cpus, sizeof(*f->data), GFP_KERNEL);
	f->dynticks = kunit_kcalloc(test, nr_cpus, sizeof(*f->dynticks),
				    GFP_KERNEL);
	rda = kunit_kcalloc(test, nr_cpus, sizeof(*rda), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, f->rsp);
	KUNIT_ASSERT_NOT_NULL(test, f->data);
	KUNIT_ASSERT_NOT_NULL(test, f->dynticks);
	KUNIT_ASSERT_NOT_NULL(test, rda);
	for (cpu = 0; cpu < nr_cpus; cpu++)
		rda[cpu] = &f->data[cpu];
	KUNIT_ASSERT_EQ(test, rcu_init_one(f->rsp, "rcu_test", nr_cpus, rda,
					   f->dynticks), 0);
	for (cpu = 0; cpu < nr_cpus; cpu++)
		rcu_state_cpu_prepare(f->rsp, cpu);
	return f;
}

static struct rcu_data *rdp_of(struct tree_fixture *f, int cpu)
{
	return f->rsp->rda[cpu];
}

/* Invocations per callback index. */
static int invoked[16384];

struct indexed_cb {
	struct rcu_head head;
	unsigned long index;
};

static void indexed_callback(struct rcu_head *head)
{
	struct indexed_cb *cb = container_of(head, struct indexed_cb, head);

	invoked[cb->index]++;
}

static struct indexed_cb *cbs_new(struct kunit *test, int n)
{
	struct indexed_cb *cbs;
	int i;

	KUNIT_ASSERT_LE(test, n, (int)ARRAY_SIZE(invoked));
	cbs = kunit_kcalloc(test, n, sizeof(*cbs), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, cbs);
	for (i = 0; i < n; i++)
		cbs[i].index = i;
	memset(invoked, 0, sizeof(invoked));
	return cbs;
}

/* Queues @n callbacks from @cbs on @rdp, as call_rcu() would there. */
static void queue_cbs(struct tree_fixture *f, struct rcu_data *rdp,
		      struct indexed_cb *cbs, int n, bool core)
{
	unsigned long flags;
	int i;

	local_irq_save(flags);
	for (i = 0; i < n; i++)
		rcu_queue_cb(f->rsp, rdp, &cbs[i].head, indexed_callback,
			     _THIS_IP_, core);
	local_irq_restore(flags);
}

/* @rdp notices the grace period, passes a quiescent state, reports it. */
static void cpu_passes_qs(struct tree_fixture *f, struct rcu_data *rdp)
{
	rcu_check_quiescent_state(f->rsp, rdp);
	rcu_note_qs(rdp);
	rcu_check_quiescent_state(f->rsp, rdp);
}

static void all_cpus_pass_qs(struct tree_fixture *f)
{
	int cpu;

	for (cpu = 0; cpu < f->nr_cpus; cpu++)
		if (rdp_of(f, cpu)->online)
			cpu_passes_qs(f, rdp_of(f, cpu));
}

/* Runs grace periods and batches until no callback is left. */
static void drain(struct kunit *test, struct tree_fixture *f)
{
	struct rcu_data *rdp;
	long left;
	int i, cpu;

	for (i = 0; i < 100; i++) {
		left = 0;
		for (cpu = 0; cpu < f->nr_cpus; cpu++) {
			rdp = rdp_of(f, cpu);
			rcu_process_gp_end(f->rsp, rdp);
			rcu_try_start_gp(f->rsp, rdp);
		}
		all_cpus_pass_qs(f);
		for (cpu = 0; cpu < f->nr_cpus; cpu++) {
			rdp = rdp_of(f, cpu);
			rcu_process_gp_end(f->rsp, rdp);
			rcu_do_batch(f->rsp, rdp);
			left += rdp->qlen;
		}
		if (!left && !rcu_gp_in_progress(f->rsp))
			return;
	}
	KUNIT_FAIL(test, "callbacks still queued after 100 grace periods");
}

/*
 * A CPU of a two-CPU state other than the running one: when a grace
 * period ends, rcu_report_qs_rsp() may start the next one for the running
 * CPU's rcu_data, which tests of a single grace period must avoid.
 */
static int nonlocal_cpu(void)
{
	return raw_smp_processor_id() == 0 ? 1 : 0;
}

static unsigned long leaf_qsmask(struct rcu_data *rdp)
{
	return READ_ONCE(rdp->mynode->qsmask);
}

/* Grace-period numbers start 300 below wrap. */
static void gp_numbers_start_near_wrap(struct kunit *test)
{
	struct tree_fixture *f = tree_fixture_new(test, 2);
	struct indexed_cb *cbs = cbs_new(test, 1);

	KUNIT_EXPECT_EQ(test, f->rsp->gpnum, (unsigned long)-300);
	KUNIT_EXPECT_EQ(test, f->rsp->completed, (unsigned long)-300);
	queue_cbs(f, rdp_of(f, 0), cbs, 1, false);
	drain(test, f);
	KUNIT_EXPECT_EQ(test, f->rsp->completed, (unsigned long)-299);
}

/*
 * Polled cookies taken around the wrap of the grace-period numbers are
 * unsatisfied until the next grace period ends, then satisfied.
 */
static void poll_cookie_across_wrap(struct kunit *test)
{
	struct tree_fixture *f = tree_fixture_new(test, 2);
	struct indexed_cb *cbs = cbs_new(test, 1);
	unsigned long cookie;
	int i;

	/* From -300 to -3, three grace periods short of zero. */
	for (i = 0; i < 297; i++) {
		queue_cbs(f, rdp_of(f, 0), cbs, 1, false);
		drain(test, f);
	}
	KUNIT_ASSERT_EQ(test, f->rsp->completed, (unsigned long)-3);
	KUNIT_EXPECT_TRUE(test, rcu_state_poll_cookie(f->rsp,
						RCU_GET_STATE_COMPLETED));
	for (i = 0; i < 6; i++) {
		cookie = rcu_state_get_cookie(f->rsp);
		KUNIT_EXPECT_FALSE_MSG(test,
				       rcu_state_poll_cookie(f->rsp, cookie),
				       "completed %ld", (long)f->rsp->completed);
		queue_cbs(f, rdp_of(f, 0), cbs, 1, false);
		drain(test, f);
		KUNIT_EXPECT_TRUE_MSG(test,
				      rcu_state_poll_cookie(f->rsp, cookie),
				      "completed %ld", (long)f->rsp->completed);
	}
	KUNIT_EXPECT_EQ(test, f->rsp->completed, 3UL);
}

/* Starting a grace period moves the starter's NEXT callbacks to WAIT. */
static void gp_start_covers_queued_callbacks(struct kunit *test)
{
	struct tree_fixture *f = tree_fixture_new(test, 2);
	struct indexed_cb *cbs = cbs_new(test, 3);
	struct rcu_data *rdp = rdp_of(f, 0);

	queue_cbs(f, rdp, cbs, 3, false);
	KUNIT_EXPECT_EQ(test, rcu_segment_len(rdp, RCU_NEXT_TAIL), 3);
	KUNIT_EXPECT_FALSE(test, rcu_gp_in_progress(f->rsp));

	rcu_try_start_gp(f->rsp, rdp);
	KUNIT_EXPECT_TRUE(test, rcu_gp_in_progress(f->rsp));
	KUNIT_EXPECT_EQ(test, rcu_segment_len(rdp, RCU_WAIT_TAIL), 3);
	KUNIT_EXPECT_EQ(test, rcu_segment_len(rdp, RCU_NEXT_TAIL), 0);
	KUNIT_EXPECT_EQ(test, leaf_qsmask(rdp), 0x3UL);
	drain(test, f);
}

/* No callbacks, no grace period. */
static void gp_not_started_without_callbacks(struct kunit *test)
{
	struct tree_fixture *f = tree_fixture_new(test, 2);

	rcu_try_start_gp(f->rsp, rdp_of(f, 0));
	KUNIT_EXPECT_FALSE(test, rcu_gp_in_progress(f->rsp));
}

/*
 * After a grace period ends, a CPU shifts its segments by one:
 * DONE <- WAIT <- NEXT_READY <- NEXT.
 */
static void gp_end_shifts_segments(struct kunit *test)
{
	struct tree_fixture *f = tree_fixture_new(test, 2);
	struct indexed_cb *cbs = cbs_new(test, 3);
	struct rcu_data *rdp = rdp_of(f, nonlocal_cpu());
	struct rcu_data *other = rdp_of(f, 1 - nonlocal_cpu());

	queue_cbs(f, rdp, &cbs[0], 1, false);
	rcu_try_start_gp(f->rsp, rdp);
	queue_cbs(f, rdp, &cbs[1], 1, false);
	/* Our report moves what is queued so far to NEXT_READY. */
	cpu_passes_qs(f, rdp);
	queue_cbs(f, rdp, &cbs[2], 1, false);
	cpu_passes_qs(f, other);
	KUNIT_ASSERT_FALSE(test, rcu_gp_in_progress(f->rsp));

	rcu_process_gp_end(f->rsp, rdp);
	KUNIT_EXPECT_EQ(test, rcu_segment_len(rdp, RCU_DONE_TAIL), 1);
	KUNIT_EXPECT_EQ(test, rcu_segment_len(rdp, RCU_WAIT_TAIL), 1);
	KUNIT_EXPECT_EQ(test, rcu_segment_len(rdp, RCU_NEXT_READY_TAIL), 1);
	KUNIT_EXPECT_EQ(test, rcu_segment_len(rdp, RCU_NEXT_TAIL), 0);
	rcu_do_batch(f->rsp, rdp);
	KUNIT_EXPECT_EQ(test, invoked[0], 1);
	KUNIT_EXPECT_EQ(test, invoked[1], 0);
	drain(test, f);
}

/*
 * Quiescent states climb the tree: a leaf clears its bit in the root only
 * when all its CPUs reported, and the last report ends the grace period
 * everywhere. 32 CPUs make two leaves under a root.
 */
static void qs_carried_up_the_tree(struct kunit *test)
{
	struct tree_fixture *f = tree_fixture_new(test, 32);
	struct indexed_cb *cbs = cbs_new(test, 1);
	struct rcu_node *root = rcu_get_root(f->rsp);
	struct rcu_node *leaf1 = rdp_of(f, 31)->mynode;
	unsigned long gpnum;
	int cpu, i;

	KUNIT_ASSERT_EQ(test, f->rsp->geo.levels, 2);
	queue_cbs(f, rdp_of(f, 0), cbs, 1, false);
	rcu_try_start_gp(f->rsp, rdp_of(f, 0));
	gpnum = f->rsp->gpnum;
	KUNIT_EXPECT_EQ(test, root->qsmask, 0x3UL);

	for (cpu = 0; cpu < 16; cpu++)
		cpu_passes_qs(f, rdp_of(f, cpu));
	KUNIT_EXPECT_EQ(test, rdp_of(f, 0)->mynode->qsmask, 0UL);
	KUNIT_EXPECT_EQ(test, root->qsmask, leaf1->grpmask);

	for (cpu = 16; cpu < 31; cpu++)
		cpu_passes_qs(f, rdp_of(f, cpu));
	KUNIT_EXPECT_TRUE(test, rcu_gp_in_progress(f->rsp));
	KUNIT_EXPECT_EQ(test, leaf1->qsmask, rdp_of(f, 31)->grpmask);

	cpu_passes_qs(f, rdp_of(f, 31));
	KUNIT_EXPECT_EQ(test, f->rsp->completed, gpnum);
	for (i = 0; i < f->rsp->geo.nodes; i++)
		KUNIT_EXPECT_EQ_MSG(test, f->rsp->node[i].completed, gpnum,
				    "node %d", i);
	drain(test, f);
}

/* A quiescent state tagged with an older grace period is discarded. */
static void stale_qs_report_ignored(struct kunit *test)
{
	struct tree_fixture *f = tree_fixture_new(test, 2);
	struct indexed_cb *cbs = cbs_new(test, 1);
	struct rcu_data *rdp1 = rdp_of(f, 1);
	unsigned long gpnum;

	queue_cbs(f, rdp_of(f, 0), cbs, 1, false);
	rcu_try_start_gp(f->rsp, rdp_of(f, 0));
	gpnum = f->rsp->gpnum;
	rcu_check_quiescent_state(f->rsp, rdp1);
	KUNIT_ASSERT_TRUE(test, rdp1->qs_pending);

	rdp1->passed_quiesce = true;
	rcu_report_qs_rdp(f->rsp, rdp1, gpnum - 1);
	KUNIT_EXPECT_TRUE(test, leaf_qsmask(rdp1) & rdp1->grpmask);
	KUNIT_EXPECT_FALSE(test, rdp1->passed_quiesce);
	KUNIT_EXPECT_TRUE(test, rcu_gp_in_progress(f->rsp));

	rcu_report_qs_rdp(f->rsp, rdp1, gpnum);
	KUNIT_EXPECT_FALSE(test, leaf_qsmask(rdp1) & rdp1->grpmask);
	drain(test, f);
}

/*
 * A quiescent state noted before the CPU saw the grace period start may
 * predate it, so it does not count.
 */
static void qs_before_gp_seen_not_counted(struct kunit *test)
{
	struct tree_fixture *f = tree_fixture_new(test, 2);
	struct indexed_cb *cbs = cbs_new(test, 1);
	struct rcu_data *rdp1 = rdp_of(f, 1);

	queue_cbs(f, rdp_of(f, 0), cbs, 1, false);
	rcu_try_start_gp(f->rsp, rdp_of(f, 0));
	rcu_note_qs(rdp1);
	rcu_check_quiescent_state(f->rsp, rdp1);
	KUNIT_EXPECT_TRUE(test, leaf_qsmask(rdp1) & rdp1->grpmask);
	KUNIT_EXPECT_TRUE(test, rdp1->qs_pending);
	drain(test, f);
}

/*
 * When a grace period ends on a CPU that has callbacks waiting for the
 * next one, the next one starts at once. The running CPU's rcu_data is
 * the one rcu_report_qs_rsp() looks at, so it gets the callbacks.
 */
static void gp_end_chains_next_gp(struct kunit *test)
{
	int me = raw_smp_processor_id();
	struct tree_fixture *f = tree_fixture_new(test, me + 2);
	struct indexed_cb *cbs = cbs_new(test, 2);
	struct rcu_data *rdp = rdp_of(f, me);
	unsigned long gpnum;

	queue_cbs(f, rdp, &cbs[0], 1, false);
	rcu_try_start_gp(f->rsp, rdp);
	gpnum = f->rsp->gpnum;
	queue_cbs(f, rdp, &cbs[1], 1, false);
	all_cpus_pass_qs(f);

	KUNIT_EXPECT_EQ(test, f->rsp->completed, gpnum);
	KUNIT_EXPECT_EQ(test, f->rsp->gpnum, gpnum + 1);
	KUNIT_EXPECT_EQ(test, rcu_segment_len(rdp, RCU_DONE_TAIL), 1);
	KUNIT_EXPECT_EQ(test, rcu_segment_len(rdp, RCU_WAIT_TAIL), 1);
	drain(test, f);
}

/*
 * force_quiescent_state(): the first pass reports CPUs that are idle now,
 * the second those that went through idle since, and the others get a
 * reschedule request.
 */
static void fqs_reports_idle_cpus(struct kunit *test)
{
	struct tree_fixture *f = tree_fixture_new(test, 4);
	struct indexed_cb *cbs = cbs_new(test, 1);
	struct rcu_data *rdp0 = rdp_of(f, 0);
	unsigned long mask0 = rdp0->grpmask;

	atomic_set(&f->dynticks[1].dynticks, 2);	/* idle */
	queue_cbs(f, rdp0, cbs, 1, false);
	rcu_try_start_gp(f->rsp, rdp0);
	rcu_check_quiescent_state(f->rsp, rdp0);

	force_quiescent_state(f->rsp, 0);
	KUNIT_EXPECT_EQ(test, leaf_qsmask(rdp0),
			mask0 | rdp_of(f, 2)->grpmask | rdp_of(f, 3)->grpmask);
	KUNIT_EXPECT_EQ(test, rdp_of(f, 1)->dynticks_fqs, 1UL);

	/* CPU 2 goes idle and comes back; CPU 3 stays busy. */
	atomic_add(2, &f->dynticks[2].dynticks);
	force_quiescent_state(f->rsp, 0);
	KUNIT_EXPECT_EQ(test, leaf_qsmask(rdp0),
			mask0 | rdp_of(f, 3)->grpmask);
	KUNIT_EXPECT_EQ(test, rdp_of(f, 2)->dynticks_fqs, 1UL);
	KUNIT_EXPECT_EQ(test, rdp_of(f, 3)->resched_ipi, 1UL);
	/* CPU 0 is not idle either and still owes its own report. */
	KUNIT_EXPECT_TRUE(test, rcu_gp_in_progress(f->rsp));
	drain(test, f);
}

/* A relaxed call does nothing before ->jiffies_force_qs. */
static void fqs_relaxed_waits_for_deadline(struct kunit *test)
{
	struct tree_fixture *f = tree_fixture_new(test, 2);
	struct indexed_cb *cbs = cbs_new(test, 1);
	unsigned long passes;

	atomic_set(&f->dynticks[1].dynticks, 2);	/* idle */
	queue_cbs(f, rdp_of(f, 0), cbs, 1, false);
	rcu_try_start_gp(f->rsp, rdp_of(f, 0));
	f->rsp->jiffies_force_qs = jiffies + 1000;
	passes = f->rsp->n_force_qs;

	force_quiescent_state(f->rsp, 1);
	KUNIT_EXPECT_EQ(test, f->rsp->n_force_qs, passes);
	KUNIT_EXPECT_TRUE(test, leaf_qsmask(rdp_of(f, 1)) &
				rdp_of(f, 1)->grpmask);
	drain(test, f);
}

/* Below qhimark, one rcu_do_batch() pass invokes at most blimit. */
static void batch_limited_to_blimit(struct kunit *test)
{
	struct tree_fixture *f = tree_fixture_new(test, 2);
	int n = 3 * blimit;
	struct indexed_cb *cbs;
	struct rcu_data *rdp;
	int i, ran;

	KUNIT_ASSERT_LT(test, (long)n, qhimark);
	cbs = cbs_new(test, n);
	rdp = rdp_of(f, 0);
	queue_cbs(f, rdp, cbs, n, false);
	rcu_try_start_gp(f->rsp, rdp);
	all_cpus_pass_qs(f);
	rcu_process_gp_end(f->rsp, rdp);
	KUNIT_ASSERT_EQ(test, rcu_segment_len(rdp, RCU_DONE_TAIL), (long)n);

	rcu_do_batch(f->rsp, rdp);
	for (ran = 0, i = 0; i < n; i++)
		ran += invoked[i];
	KUNIT_EXPECT_EQ(test, ran, (int)blimit);
	KUNIT_EXPECT_EQ(test, rcu_segment_len(rdp, RCU_DONE_TAIL),
			(long)n - blimit);
	KUNIT_EXPECT_EQ(test, rdp->n_batch_max, blimit);
	/* The first blimit, in queueing order. */
	KUNIT_EXPECT_EQ(test, invoked[blimit - 1], 1);
	KUNIT_EXPECT_EQ(test, invoked[blimit], 0);
	drain(test, f);
}

/*
 * Above qhimark queued callbacks during a grace period, the batch limit
 * is lifted, so one pass invokes every ready callback. Once the queue
 * drains below qlowmark, the limit returns.
 */
static void flood_lifts_blimit(struct kunit *test)
{
	struct tree_fixture *f = tree_fixture_new(test, 2);
	int n = qhimark + 2;
	struct indexed_cb *cbs;
	struct rcu_data *rdp;
	int i, ran;

	KUNIT_ASSERT_LE(test, (long)n, (long)ARRAY_SIZE(invoked));
	cbs = cbs_new(test, n);
	rdp = rdp_of(f, 0);
	queue_cbs(f, rdp, cbs, 1, false);
	rcu_try_start_gp(f->rsp, rdp);
	queue_cbs(f, rdp, &cbs[1], n - 1, true);
	KUNIT_EXPECT_EQ(test, rdp->blimit, LONG_MAX);

	/* Two grace periods: the first for cbs[0], the next for the rest. */
	all_cpus_pass_qs(f);
	rcu_process_gp_end(f->rsp, rdp);
	rcu_try_start_gp(f->rsp, rdp);
	all_cpus_pass_qs(f);
	rcu_process_gp_end(f->rsp, rdp);
	KUNIT_ASSERT_EQ(test, rcu_segment_len(rdp, RCU_DONE_TAIL), (long)n);

	rcu_do_batch(f->rsp, rdp);
	for (ran = 0, i = 0; i < n; i++)
		ran += invoked[i];
	KUNIT_EXPECT_EQ(test, ran, n);
	KUNIT_EXPECT_EQ(test, rdp->n_blimit_raised, 1UL);
	KUNIT_EXPECT_EQ(test, rdp->blimit, blimit);
	drain(test, f);
}

/*
 * A dead CPU's callbacks, from every segment, move to the NEXT segment of
 * the adopting CPU with their counts, and each runs exactly once. The
 * tree stops waiting for the dead CPU at once.
 */
static void dead_cpu_callbacks_adopted(struct kunit *test)
{
	struct tree_fixture *f = tree_fixture_new(test, 4);
	struct indexed_cb *cbs = cbs_new(test, 7);
	struct rcu_data *rdp0 = rdp_of(f, 0);
	struct rcu_data *rdp2 = rdp_of(f, 2);
	unsigned long flags;
	int i;

	queue_cbs(f, rdp2, cbs, 5, false);
	rcu_try_start_gp(f->rsp, rdp2);
	queue_cbs(f, rdp2, &cbs[5], 2, false);
	KUNIT_ASSERT_EQ(test, rcu_segment_len(rdp2, RCU_WAIT_TAIL), 5);

	local_irq_save(flags);
	rcu_state_cpu_dead(f->rsp, 2, rdp0);
	local_irq_restore(flags);

	KUNIT_EXPECT_EQ(test, rdp2->qlen, 0L);
	KUNIT_EXPECT_NULL(test, rdp2->nxtlist);
	KUNIT_EXPECT_EQ(test, rdp0->qlen, 7L);
	KUNIT_EXPECT_EQ(test, rcu_segment_len(rdp0, RCU_NEXT_TAIL), 7);
	KUNIT_EXPECT_EQ(test, rdp0->n_cbs_adopted, 7UL);
	KUNIT_EXPECT_EQ(test, rdp2->n_cbs_orphaned, 7UL);
	KUNIT_EXPECT_FALSE(test, rdp2->online);
	KUNIT_EXPECT_FALSE(test, rdp2->mynode->qsmaskinit & rdp2->grpmask);
	KUNIT_EXPECT_FALSE(test, leaf_qsmask(rdp2) & rdp2->grpmask);

	drain(test, f);
	for (i = 0; i < 7; i++)
		KUNIT_EXPECT_EQ_MSG(test, invoked[i], 1, "callback %d", i);
}

/* When a leaf's last CPU dies, the leaf leaves its parent's mask. */
static void dead_leaf_leaves_parent(struct kunit *test)
{
	struct tree_fixture *f = tree_fixture_new(test, 17);
	struct rcu_node *root = rcu_get_root(f->rsp);
	struct rcu_node *leaf1 = rdp_of(f, 16)->mynode;
	unsigned long flags;
	int cpu;

	KUNIT_ASSERT_EQ(test, root->qsmaskinit, 0x3UL);
	local_irq_save(flags);
	for (cpu = leaf1->grplo; cpu < leaf1->grphi; cpu++)
		rcu_state_cpu_dead(f->rsp, cpu, rdp_of(f, 0));
	local_irq_restore(flags);
	KUNIT_EXPECT_EQ(test, root->qsmaskinit, 0x3UL);

	local_irq_save(flags);
	rcu_state_cpu_dead(f->rsp, leaf1->grphi, rdp_of(f, 0));
	local_irq_restore(flags);
	KUNIT_EXPECT_EQ(test, leaf1->qsmaskinit, 0UL);
	KUNIT_EXPECT_EQ(test, root->qsmaskinit, 0x1UL);

	/* Preparing a CPU of the leaf again brings the leaf back. */
	rcu_state_cpu_prepare(f->rsp, 16);
	KUNIT_EXPECT_EQ(test, root->qsmaskinit, 0x3UL);
}

/* A CPU prepared during a grace period does not hold it up. */
static void cpu_prepared_mid_gp_not_waited_for(struct kunit *test)
{
	struct tree_fixture *f = tree_fixture_new(test, 3);
	struct indexed_cb *cbs = cbs_new(test, 1);
	struct rcu_data *rdp2 = rdp_of(f, 2);
	unsigned long flags;

	local_irq_save(flags);
	rcu_state_cpu_dead(f->rsp, 2, rdp_of(f, 0));
	local_irq_restore(flags);
	queue_cbs(f, rdp_of(f, 0), cbs, 1, false);
	rcu_try_start_gp(f->rsp, rdp_of(f, 0));
	rcu_state_cpu_prepare(f->rsp, 2);
	KUNIT_EXPECT_FALSE(test, leaf_qsmask(rdp2) & rdp2->grpmask);

	cpu_passes_qs(f, rdp_of(f, 0));
	cpu_passes_qs(f, rdp_of(f, 1));
	KUNIT_EXPECT_FALSE(test, rcu_gp_in_progress(f->rsp));
	drain(test, f);
}

static struct kunit_case rcu_tree_state_cases[] = {
	KUNIT_CASE(gp_numbers_start_near_wrap),
	KUNIT_CASE(poll_cookie_across_wrap),
	KUNIT_CASE(gp_start_covers_queued_callbacks),
	KUNIT_CASE(gp_not_started_without_callbacks),
	KUNIT_CASE(gp_end_shifts_segments),
	KUNIT_CASE(qs_carried_up_the_tree),
	KUNIT_CASE(stale_qs_report_ignored),
	KUNIT_CASE(qs_before_gp_seen_not_counted),
	KUNIT_CASE(gp_end_chains_next_gp),
	KUNIT_CASE(fqs_reports_idle_cpus),
	KUNIT_CASE(fqs_relaxed_waits_for_deadline),
	KUNIT_CASE(batch_limited_to_blimit),
	KUNIT_CASE(flood_lifts_blimit),
	KUNIT_CASE(dead_cpu_callbacks_adopted),
	KUNIT_CASE(dead_leaf_leaves_parent),
	KUNIT_CASE(cpu_prepared_mid_gp_not_waited_for),
	{}
};

static struct kunit_suite rcu_tree_state_suite = {
	.name = "rcu_tree_state",
	.test_cases = rcu_tree_state_cases,
};

kunit_test_suite(rcu_tree_state_suite);

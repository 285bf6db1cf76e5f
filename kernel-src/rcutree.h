/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Internal definitions of Tree RCU (hierarchical RCU), Linux 3.0 design:
 * the rcu_node tree that gathers quiescent states from many CPUs, the
 * per-CPU rcu_data with its four-segment callback list, the rcu_state that
 * owns both, and the functions the KUnit suites under tests/tree/ call to
 * check geometry, stale reports, batching and callback migration directly.
 */
#ifndef __KERNEL_RCUTREE_H
#define __KERNEL_RCUTREE_H

#include <linux/types.h>
#include <linux/compiler.h>
#include <linux/atomic.h>
#include <linux/spinlock.h>
#include <linux/rcupdate.h>

#include "rcu.h"

/*
 * Geometry limits. A leaf rcu_node serves at most RCU_FANOUT_LEAF CPUs
 * (16 at most, which bounds contention on a leaf's lock), an interior node
 * at most RCU_FANOUT children, and the tree has at most four levels.
 */
#define RCU_MAX_LVLS		4
#define RCU_MAX_FANOUT_LEAF	16
#define RCU_FANOUT		CONFIG_RCU_FANOUT
#define RCU_FANOUT_LEAF		CONFIG_RCU_FANOUT_LEAF

/* Number of CPUs a node at distance d above the leaves can cover. */
#define RCU_SPAN_0		(RCU_FANOUT_LEAF)
#define RCU_SPAN_1		(RCU_SPAN_0 * RCU_FANOUT)
#define RCU_SPAN_2		(RCU_SPAN_1 * RCU_FANOUT)
#define RCU_SPAN_3		(RCU_SPAN_2 * RCU_FANOUT)

#if CONFIG_RCU_FANOUT_LEAF > RCU_MAX_FANOUT_LEAF || CONFIG_RCU_FANOUT_LEAF < 2
#error "CONFIG_RCU_FANOUT_LEAF must be between 2 and 16"
#endif
#if CONFIG_RCU_FANOUT > BITS_PER_LONG || CONFIG_RCU_FANOUT < 2
#error "CONFIG_RCU_FANOUT must be between 2 and BITS_PER_LONG"
#endif
#if CONFIG_NR_CPUS > RCU_SPAN_3
#error "CONFIG_NR_CPUS needs more than four rcu_node levels"
#endif

#define RCU_DIV_UP(n, d)	(((n) + (d) - 1) / (d))

/* Levels and nodes needed for CONFIG_NR_CPUS: sizes rcu_state::node[]. */
#define RCU_NUM_LVLS							\
	(CONFIG_NR_CPUS <= RCU_SPAN_0 ? 1 :				\
	 CONFIG_NR_CPUS <= RCU_SPAN_1 ? 2 :				\
	 CONFIG_NR_CPUS <= RCU_SPAN_2 ? 3 : 4)
#define RCU_NUM_NODES							\
	(RCU_DIV_UP(CONFIG_NR_CPUS, RCU_SPAN_0) +			\
	 (RCU_NUM_LVLS >= 2 ? RCU_DIV_UP(CONFIG_NR_CPUS, RCU_SPAN_1) : 0) + \
	 (RCU_NUM_LVLS >= 3 ? RCU_DIV_UP(CONFIG_NR_CPUS, RCU_SPAN_2) : 0) + \
	 (RCU_NUM_LVLS >= 4 ? RCU_DIV_UP(CONFIG_NR_CPUS, RCU_SPAN_3) : 0))

/*
 * Shape of an rcu_node tree: a pure function of the number of CPUs and
 * the two fanouts (rcu_geometry_compute()). Level 0 is the root. Spreads
 * are balanced: every node of a level has the same number of children,
 * except that the last nodes of a level may have fewer.
 */
struct rcu_geometry {
	int nr_cpus;
	int levels;
	int nodes;
	int levelcnt[RCU_MAX_LVLS];	/* Nodes on each level. */
	int levelspread[RCU_MAX_LVLS];	/* Children per node on each level. */
	int levelfirst[RCU_MAX_LVLS];	/* Array index of each level's first. */
};

/* Placement of one node of a geometry, from rcu_geometry_node(). */
struct rcu_node_layout {
	int level;
	int grplo;		/* Lowest CPU number covered. */
	int grphi;		/* Highest CPU number covered. */
	int grpnum;		/* Bit number in the parent's masks. */
	int parent;		/* Array index of the parent, -1 for the root. */
};

int rcu_geometry_compute(int nr_cpus, int fanout, int leaf_fanout,
			 struct rcu_geometry *geo);
int rcu_geometry_node(const struct rcu_geometry *geo, int idx,
		      struct rcu_node_layout *layout);

/*
 * Per-CPU dyntick-idle state, shared by every rcu_state. ->dynticks is
 * even while the CPU is idle (RCU is not watching it) and odd otherwise;
 * each idle entry or exit increments it, so two snapshots that differ
 * prove the CPU passed through idle in between. ->dynticks_nesting counts
 * the reasons to be non-idle: process level (1 outside the idle loop)
 * plus nested interrupts.
 */
struct rcu_dynticks {
	long dynticks_nesting;
	atomic_t dynticks;
};

/*
 * A node of the tree. ->lock protects every field below it; lock order is
 * child before parent, but a child's lock is always released before its
 * parent's is taken, so no two node locks are held at once.
 */
struct rcu_node {
	raw_spinlock_t lock;
	unsigned long gpnum;		/* Last GP started, as this node saw. */
	unsigned long completed;	/* Last GP ended, as this node saw. */
	unsigned long qsmask;		/* Children still owing a QS. */
	unsigned long qsmaskinit;	/* Online children: ->qsmask at start. */
	unsigned long grpmask;		/* This node's bit in the parent. */
	int grplo;
	int grphi;
	u8 grpnum;
	u8 level;
	struct rcu_node *parent;
};

/*
 * Segments of rcu_data::nxtlist. Each ends where the tail pointer of the
 * same index points, and the next one starts there.
 * - DONE: the grace period is over, ready to invoke.
 * - WAIT: waiting for the current grace period.
 * - NEXT_READY: queued before this CPU's QS for the current grace
 *   period, so the next grace period covers them.
 * - NEXT: newest, no grace period assigned yet.
 */
#define RCU_DONE_TAIL		0
#define RCU_WAIT_TAIL		1
#define RCU_NEXT_READY_TAIL	2
#define RCU_NEXT_TAIL		3
#define RCU_NEXT_SIZE		4

/*
 * Per-CPU state of one rcu_state. Fields above ->nxtlist are protected by
 * ->mynode->lock when compared with the node; the callback list and counts
 * are touched only by their CPU with interrupts disabled, or by the CPU
 * that adopts them after this CPU is dead.
 */
struct rcu_data {
	/* Grace periods this CPU has noticed. */
	unsigned long completed;
	unsigned long gpnum;
	unsigned long passed_quiesce_gpnum;	/* GP the QS below is for. */
	bool passed_quiesce;		/* A QS happened since ->gpnum began. */
	bool qs_pending;		/* The tree still waits for this CPU. */
	bool beenonline;		/* rcutree_prepare_cpu() has run. */
	bool online;			/* In its leaf's ->qsmaskinit. */

	struct rcu_node *mynode;	/* Leaf covering this CPU. */
	unsigned long grpmask;		/* This CPU's bit in ->mynode. */

	/* Callbacks. */
	struct rcu_head *nxtlist;
	struct rcu_head **nxttail[RCU_NEXT_SIZE];
	long qlen;			/* Callbacks queued on this CPU. */
	long qlen_last_fqs_check;	/* ->qlen when the flood was checked. */
	unsigned long n_force_qs_snap;	/* rcu_state::n_force_qs then. */
	long blimit;			/* Callbacks invoked per pass. */

	/* Dyntick-idle detection. */
	struct rcu_dynticks *dynticks;
	int dynticks_snap;		/* ->dynticks at the last snapshot. */
	unsigned long dynticks_fqs;	/* Reported for idle by FQS. */
	unsigned long offline_fqs;	/* Reported for offline by FQS. */
	unsigned long resched_ipi;	/* Resched requests sent by FQS. */

	/* Statistics, summed by lkl_rcu_tree_get_stats(). */
	unsigned long n_cbs_queued;	/* Accepted by call_rcu(). */
	unsigned long n_cbs_rejected;	/* Misuse reported, not queued. */
	unsigned long n_cbs_invoked;	/* Callbacks invoked. */
	unsigned long n_cbs_kfree;	/* Of which were kfree_rcu() offsets. */
	unsigned long n_cbs_orphaned;	/* Moved away when this CPU died. */
	unsigned long n_cbs_adopted;	/* Taken over from dead CPUs. */
	long n_batch_max;		/* Most callbacks invoked in one pass. */
	unsigned long n_blimit_raised;	/* Passes run with blimit lifted. */
	long qlen_max;			/* Peak of ->qlen. */

	int cpu;
	struct rcu_state *rsp;
};

/* rcu_state::fqs_state: what force_quiescent_state() does next. */
#define RCU_GP_IDLE		0	/* No grace period in progress. */
#define RCU_GP_INIT		1	/* Grace period being initialised. */
#define RCU_SAVE_DYNTICK	2	/* Snapshot the dyntick counters. */
#define RCU_FORCE_QS		3	/* Compare them, send resched IPIs. */

/* Jiffies into a grace period before force_quiescent_state() acts. */
#define RCU_JIFFIES_TILL_FORCE_QS	3

/*
 * One RCU flavour. ->gpnum and ->completed change only with the root's
 * lock held; ->onofflock serialises grace-period initialisation against
 * CPU hotplug changing ->qsmaskinit; ->fqslock keeps one
 * force_quiescent_state() at a time.
 */
struct rcu_state {
	struct rcu_node node[RCU_NUM_NODES];	/* Breadth-first order. */
	struct rcu_node *level[RCU_MAX_LVLS];	/* First node of each level. */
	struct rcu_geometry geo;
	struct rcu_data *rda[CONFIG_NR_CPUS];	/* Per-CPU data, by CPU. */

	struct rcu_data *pcpu_data;	/* Machine per-CPU data, or NULL. */
	bool machine_cpus;		/* CPUs are the machine's, not a test's. */

	u8 fqs_state;
	u8 fqs_active;			/* force_quiescent_state() running. */
	u8 fqs_need_gp;			/* A GP start waits for it to end. */
	bool gp_for_cbs;		/* Current GP started for callbacks. */
	unsigned long gpnum;
	unsigned long completed;
	unsigned long gp_requested;	/* Polled GP wanted up to this one. */

	raw_spinlock_t onofflock;
	raw_spinlock_t fqslock;
	unsigned long jiffies_force_qs;	/* When to force QSs next. */
	unsigned long gp_start;		/* Jiffies at the current GP's start. */

	/* Statistics. */
	unsigned long n_gp_started;
	unsigned long n_gp_completed;
	unsigned long n_gp_with_cbs;	/* Ended GPs started for callbacks. */
	atomic_long_t cbs_pending;	/* Queued, not yet invoked. */
	atomic_long_t cbs_pending_max;
	unsigned long gp_max;		/* Longest GP, in jiffies. */
	unsigned long n_force_qs;	/* force_quiescent_state() passes. */
	atomic_long_t n_force_qs_lh;	/* Calls that found it running. */

	const char *name;
};

/* Iterators over an rcu_state's nodes; the leaves are the last level. */
#define rcu_get_root(rsp)	(&(rsp)->node[0])
#define rcu_for_each_node_breadth_first(rsp, rnp)			\
	for ((rnp) = &(rsp)->node[0];					\
	     (rnp) < &(rsp)->node[(rsp)->geo.nodes]; (rnp)++)
#define rcu_for_each_leaf_node(rsp, rnp)				\
	for ((rnp) = (rsp)->level[(rsp)->geo.levels - 1];		\
	     (rnp) < &(rsp)->node[(rsp)->geo.nodes]; (rnp)++)

/* Wrap-safe comparison of grace-period numbers. */
#ifndef ULONG_CMP_GE
#define ULONG_CMP_GE(a, b)	(ULONG_MAX / 2 >= (a) - (b))
#define ULONG_CMP_LT(a, b)	(ULONG_MAX / 2 < (a) - (b))
#endif

/* Initial ->gpnum and ->completed: close to wrap, so wrap is tested. */
#define RCU_GP_NUM_INIT		((unsigned long)-300)

/*
 * Entry points the tests call on a private rcu_state. rda[] must hold
 * nr_cpus pointers to zeroed rcu_data, dynticks[] nr_cpus counters or be
 * NULL to use the machine's per-CPU counters.
 */
int rcu_init_one(struct rcu_state *rsp, const char *name, int nr_cpus,
		 struct rcu_data **rda, struct rcu_dynticks *dynticks);
void rcu_state_cpu_prepare(struct rcu_state *rsp, int cpu);
void rcu_state_cpu_dead(struct rcu_state *rsp, int cpu,
			struct rcu_data *receive_rdp);
void rcu_enqueue_cb(struct rcu_data *rdp, struct rcu_head *head,
		    rcu_callback_t func);
int rcu_queue_cb(struct rcu_state *rsp, struct rcu_data *rdp,
		 struct rcu_head *head, rcu_callback_t func,
		 unsigned long caller, bool core);
void rcu_check_cb_flood(struct rcu_state *rsp, struct rcu_data *rdp,
			struct rcu_head *head);
void rcu_try_start_gp(struct rcu_state *rsp, struct rcu_data *rdp);
void rcu_note_qs(struct rcu_data *rdp);
void rcu_report_qs_rdp(struct rcu_state *rsp, struct rcu_data *rdp,
		       unsigned long gpnum);
void rcu_check_quiescent_state(struct rcu_state *rsp, struct rcu_data *rdp);
void rcu_process_gp_end(struct rcu_state *rsp, struct rcu_data *rdp);
void rcu_do_batch(struct rcu_state *rsp, struct rcu_data *rdp);
void force_quiescent_state(struct rcu_state *rsp, int relaxed);
bool rcu_gp_in_progress(struct rcu_state *rsp);
unsigned long rcu_state_get_cookie(struct rcu_state *rsp);
bool rcu_state_poll_cookie(struct rcu_state *rsp, unsigned long cookie);
long rcu_segment_len(struct rcu_data *rdp, int seg);

/* Module parameters (rcutree.blimit, rcutree.qhimark, rcutree.qlowmark). */
extern long blimit;
extern long qhimark;
extern long qlowmark;

/* The states of call_rcu() and call_rcu_bh(), for tests that watch them. */
extern struct rcu_state rcu_sched_state;
extern struct rcu_state rcu_bh_state;

/*
 * Tree-specific counters of one flavour, with the counters every flavour
 * keeps in ->common. Grace periods per second are
 * common.gp_completed * HZ / jiffies_since_boot.
 */
struct lkl_rcu_tree_stats {
	struct lkl_rcu_stats common;
	unsigned long gp_started;
	unsigned long gp_max_jiffies;	/* Longest grace period. */
	unsigned long jiffies_since_boot; /* Since rcu_init(). */
	unsigned long cbs_adopted;	/* Taken over from dead CPUs. */
	unsigned long cbs_orphaned;	/* Handed over by dead CPUs. */
	unsigned long blimit_raised_passes; /* rcu_do_batch() without limit. */
	unsigned long fqs_passes;	/* force_quiescent_state() passes. */
	unsigned long fqs_idle;		/* CPUs reported as idle. */
	unsigned long fqs_offline;	/* CPUs reported as offline. */
	unsigned long fqs_resched;	/* Reschedule requests sent. */
};

/* Copies @flavour's counters. Returns 0, or -EINVAL for no such flavour. */
int lkl_rcu_tree_get_stats(enum lkl_rcu_flavour flavour,
			   struct lkl_rcu_tree_stats *stats);

#endif /* __KERNEL_RCUTREE_H */

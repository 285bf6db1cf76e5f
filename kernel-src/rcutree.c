// SPDX-License-Identifier: GPL-2.0
/*
 * Tree RCU (hierarchical RCU) for non-preemptible kernels, after the
 * Linux 3.0 design: quiescent states of many CPUs are gathered up a tree
 * of rcu_node structures so that no lock is shared by all CPUs, idle CPUs
 * are detected from their dyntick counters, and callbacks sit in a
 * four-segment list per CPU. Two flavours: RCU-sched (call_rcu()) and
 * RCU-bh (call_rcu_bh()).
 */
#define pr_fmt(fmt) "rcu: " fmt

#include <linux/kernel.h>
#include <linux/types.h>
#include <linux/atomic.h>
#include <linux/bug.h>
#include <linux/completion.h>
#include <linux/cpu.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/export.h>
#include <linux/hardirq.h>
#include <linux/init.h>
#include <linux/interrupt.h>
#include <linux/jiffies.h>
#include <linux/moduleparam.h>
#include <linux/mutex.h>
#include <linux/percpu.h>
#include <linux/prefetch.h>
#include <linux/printk.h>
#include <linux/rcupdate.h>
#include <linux/rcupdate_wait.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/smp.h>
#include <linux/spinlock.h>
#include <linux/string.h>
#include <lkl/oracle.h>

#include "rcu.h"
#include "rcutree.h"

/*
 * Callback batching. blimit callbacks are invoked per pass; a CPU with
 * more than qhimark callbacks queued since its last check invokes all of
 * its ready callbacks per pass and forces quiescent states until its
 * queue drops to qlowmark.
 */
long blimit = 10;
long qhimark = 10000;
long qlowmark = 100;
module_param(blimit, long, 0444);
module_param(qhimark, long, 0444);
module_param(qlowmark, long, 0444);

/*
 * The geometry of the booted tree. They default to the build's
 * CONFIG_RCU_FANOUT and CONFIG_RCU_FANOUT_LEAF; rcu_fanout_leaf is the
 * kernel's boot parameter of that name. rcu_init() falls back to the
 * defaults when a pair cannot cover nr_cpu_ids CPUs in four levels within
 * the node array sized for the defaults.
 */
static int rcu_fanout = RCU_FANOUT;
static int rcu_fanout_leaf = RCU_FANOUT_LEAF;
module_param(rcu_fanout, int, 0444);
module_param(rcu_fanout_leaf, int, 0444);

static DEFINE_PER_CPU(struct rcu_dynticks, rcu_dynticks);
static DEFINE_PER_CPU(struct rcu_data, rcu_sched_data);
static DEFINE_PER_CPU(struct rcu_data, rcu_bh_data);

struct rcu_state rcu_sched_state = { .pcpu_data = &rcu_sched_data };
struct rcu_state rcu_bh_state = { .pcpu_data = &rcu_bh_data };

static struct rcu_state *const rcu_flavours[] = {
	&rcu_sched_state,
	&rcu_bh_state,
};

#define for_each_rcu_flavour(i, rsp)					\
	for ((i) = 0; (i) < ARRAY_SIZE(rcu_flavours) &&			\
		      ((rsp) = rcu_flavours[(i)], 1); (i)++)

/* Jiffies at rcu_init(), the start of the grace-period rate window. */
static unsigned long rcu_boot_jiffies;

static void rcu_start_gp(struct rcu_state *rsp, struct rcu_data *rdp,
			 unsigned long flags);
static void rcu_report_qs_rnp(unsigned long mask, struct rcu_state *rsp,
			      struct rcu_node *rnp, unsigned long flags);

/* Geometry. */

/*
 * Computes the shape of a tree for @nr_cpus CPUs: the fewest levels that
 * can cover them, the node count of each level, and balanced spreads.
 * Returns 0, or -EINVAL for a fanout out of range or more CPUs than four
 * levels can cover. Pure: tests call it with any values.
 */
int rcu_geometry_compute(int nr_cpus, int fanout, int leaf_fanout,
			 struct rcu_geometry *geo)
{
	long span[RCU_MAX_LVLS];
	int levels, i, prev, first;

	memset(geo, 0, sizeof(*geo));
	if (nr_cpus < 1 || fanout < 2 || fanout > BITS_PER_LONG ||
	    leaf_fanout < 2 || leaf_fanout > RCU_MAX_FANOUT_LEAF)
		return -EINVAL;

	/* span[d]: CPUs covered by a node d levels above the leaves. */
	span[0] = leaf_fanout;
	for (i = 1; i < RCU_MAX_LVLS; i++)
		span[i] = span[i - 1] * fanout;
	for (levels = 1; levels <= RCU_MAX_LVLS; levels++)
		if (nr_cpus <= span[levels - 1])
			break;
	if (levels > RCU_MAX_LVLS)
		return -EINVAL;

	geo->nr_cpus = nr_cpus;
	geo->levels = levels;
	first = 0;
	for (i = 0; i < levels; i++) {
		geo->levelcnt[i] = RCU_DIV_UP(nr_cpus, span[levels - 1 - i]);
		geo->levelfirst[i] = first;
		first += geo->levelcnt[i];
	}
	geo->nodes = first;

	/*
	 * Spread each level's children evenly over its nodes, from the
	 * leaves up: the leaves share the CPUs, each level above shares the
	 * nodes of the level below. No spread exceeds its fanout, because
	 * levelcnt[] was sized for full nodes.
	 */
	prev = nr_cpus;
	for (i = levels - 1; i >= 0; i--) {
		geo->levelspread[i] = RCU_DIV_UP(prev, geo->levelcnt[i]);
		prev = geo->levelcnt[i];
	}
	return 0;
}

/*
 * Fills @layout for node @idx (breadth-first) of @geo. Returns 0, or
 * -EINVAL for an index outside the tree.
 */
int rcu_geometry_node(const struct rcu_geometry *geo, int idx,
		      struct rcu_node_layout *layout)
{
	int level, j, k, stride;

	if (idx < 0 || idx >= geo->nodes)
		return -EINVAL;
	for (level = geo->levels - 1; level > 0; level--)
		if (idx >= geo->levelfirst[level])
			break;
	j = idx - geo->levelfirst[level];

	/* CPUs per node on this level: the product of the spreads below. */
	stride = 1;
	for (k = level; k < geo->levels; k++)
		stride *= geo->levelspread[k];

	layout->level = level;
	layout->grplo = j * stride;
	layout->grphi = min((j + 1) * stride, geo->nr_cpus) - 1;
	if (level == 0) {
		layout->grpnum = 0;
		layout->parent = -1;
	} else {
		layout->grpnum = j % geo->levelspread[level - 1];
		layout->parent = geo->levelfirst[level - 1] +
				 j / geo->levelspread[level - 1];
	}
	/* Balanced spreads never leave a node without CPUs. */
	if (WARN_ON_ONCE(layout->grplo > layout->grphi))
		return -EINVAL;
	return 0;
}

/* Boot and per-CPU setup. */

/* The leaf that covers @cpu in @rsp's tree. */
static struct rcu_node *rcu_leaf_of(struct rcu_state *rsp, int cpu)
{
	int spread = rsp->geo.levelspread[rsp->geo.levels - 1];

	return rsp->level[rsp->geo.levels - 1] + cpu / spread;
}

/*
 * Sets up the parts of @rdp that never change while the system runs.
 * Context: boot, or a test's private state that nothing else uses yet.
 */
static void rcu_boot_init_percpu_data(struct rcu_state *rsp,
				      struct rcu_data *rdp, int cpu,
				      struct rcu_dynticks *rdtp)
{
	int i;

	memset(rdp, 0, sizeof(*rdp));
	rdp->cpu = cpu;
	rdp->rsp = rsp;
	rdp->mynode = rcu_leaf_of(rsp, cpu);
	rdp->grpmask = 1UL << (cpu - rdp->mynode->grplo);
	rdp->nxtlist = NULL;
	for (i = 0; i < RCU_NEXT_SIZE; i++)
		rdp->nxttail[i] = &rdp->nxtlist;
	rdp->blimit = blimit;
	rdp->dynticks = rdtp;
	rdp->gpnum = rsp->gpnum;
	rdp->completed = rsp->completed;
	rdp->passed_quiesce_gpnum = rsp->gpnum - 1;
}

/*
 * Builds @rsp for @nr_cpus CPUs. @rda contains one rcu_data per CPU, or
 * is NULL for the machine's per-CPU data at @rsp->pcpu_data. @dynticks
 * likewise contains one counter per CPU or is NULL for the machine's.
 * Returns 0 or -EINVAL if the tree cannot be built.
 */
int rcu_init_one(struct rcu_state *rsp, const char *name, int nr_cpus,
		 struct rcu_data **rda, struct rcu_dynticks *dynticks)
{
	struct rcu_node_layout layout;
	struct rcu_dynticks *rdtp;
	struct rcu_data *rdp;
	struct rcu_node *rnp;
	int ret, i, cpu;

	ret = rcu_geometry_compute(nr_cpus, rcu_fanout, rcu_fanout_leaf,
				   &rsp->geo);
	if (ret)
		return ret;
	if (WARN_ON_ONCE(rsp->geo.nodes > RCU_NUM_NODES ||
			 nr_cpus > CONFIG_NR_CPUS))
		return -EINVAL;
	if (WARN_ON_ONCE(!dynticks && nr_cpus > nr_cpu_ids))
		return -EINVAL;
	if (WARN_ON_ONCE(!rda && !rsp->pcpu_data))
		return -EINVAL;

	rsp->name = name;
	rsp->gpnum = RCU_GP_NUM_INIT;
	rsp->completed = RCU_GP_NUM_INIT;
	rsp->fqs_state = RCU_GP_IDLE;
	rsp->fqs_active = 0;
	rsp->fqs_need_gp = 0;
	rsp->gp_requested = RCU_GP_NUM_INIT;
	raw_spin_lock_init(&rsp->onofflock);
	raw_spin_lock_init(&rsp->fqslock);
	atomic_long_set(&rsp->cbs_pending, 0);
	for (i = 0; i < RCU_MAX_LVLS; i++)
		rsp->level[i] = i < rsp->geo.levels ?
			&rsp->node[rsp->geo.levelfirst[i]] : NULL;

	for (i = 0; i < rsp->geo.nodes; i++) {
		rnp = &rsp->node[i];
		ret = rcu_geometry_node(&rsp->geo, i, &layout);
		if (ret)
			return ret;
		raw_spin_lock_init(&rnp->lock);
		rnp->gpnum = RCU_GP_NUM_INIT;
		rnp->completed = RCU_GP_NUM_INIT;
		rnp->qsmask = 0;
		rnp->qsmaskinit = 0;
		rnp->grplo = layout.grplo;
		rnp->grphi = layout.grphi;
		rnp->grpnum = layout.grpnum;
		rnp->level = layout.level;
		rnp->grpmask = layout.parent < 0 ? 0 : 1UL << layout.grpnum;
		rnp->parent = layout.parent < 0 ? NULL :
			      &rsp->node[layout.parent];
	}

	for (cpu = 0; cpu < nr_cpus; cpu++) {
		if (dynticks) {
			rdtp = &dynticks[cpu];
			rdtp->dynticks_nesting = 1;
			atomic_set(&rdtp->dynticks, 1);
		} else {
			rdtp = per_cpu_ptr(&rcu_dynticks, cpu);
		}
		rdp = rda ? rda[cpu] : per_cpu_ptr(rsp->pcpu_data, cpu);
		rsp->rda[cpu] = rdp;
		rcu_boot_init_percpu_data(rsp, rdp, cpu, rdtp);
	}
	return 0;
}

/*
 * Adds @cpu to its leaf's ->qsmaskinit and up the tree, so grace periods
 * that start from now on wait for it. It does not join a grace period
 * already in progress. Context: any, with @cpu not yet running RCU work.
 */
void rcu_state_cpu_prepare(struct rcu_state *rsp, int cpu)
{
	struct rcu_data *rdp = rsp->rda[cpu];
	struct rcu_node *rnp = rdp->mynode;
	unsigned long flags, mask;

	if (WARN(rdp->online, "rcu: %s: CPU %d prepared twice\n",
		 rsp->name, cpu))
		return;

	raw_spin_lock_irqsave(&rsp->onofflock, flags);
	rdp->beenonline = true;
	rdp->passed_quiesce = false;
	rdp->qs_pending = false;
	rdp->qlen_last_fqs_check = 0;
	rdp->n_force_qs_snap = READ_ONCE(rsp->n_force_qs);
	rdp->blimit = blimit;

	/* Set our bit and the bits of ancestors that had no online child. */
	mask = rdp->grpmask;
	do {
		raw_spin_lock(&rnp->lock);	/* irqs already disabled. */
		rnp->qsmaskinit |= mask;
		mask = rnp->grpmask;
		if (rnp == rdp->mynode) {
			/* Treat every grace period so far as seen and done. */
			rdp->gpnum = rnp->completed;
			rdp->completed = rnp->completed;
			rdp->passed_quiesce_gpnum = rnp->completed - 1;
			rdp->online = true;
		}
		raw_spin_unlock(&rnp->lock);	/* irqs remain disabled. */
		rnp = rnp->parent;
	} while (rnp && !(rnp->qsmaskinit & mask));
	raw_spin_unlock_irqrestore(&rsp->onofflock, flags);
}

/*
 * Appends every callback of @rdp, a dead CPU, to the NEXT segment of
 * @receive_rdp. They keep their order and wait for a new grace period,
 * which may be later than they need but never earlier.
 * Context: interrupts disabled on the CPU that owns @receive_rdp. @rdp's
 * CPU is dead, so nothing else touches its list.
 */
static void rcu_adopt_callbacks(struct rcu_data *rdp,
				struct rcu_data *receive_rdp)
{
	int i;

	if (!rdp->nxtlist) {
		WARN_ON_ONCE(rdp->qlen);
		return;
	}
	*receive_rdp->nxttail[RCU_NEXT_TAIL] = rdp->nxtlist;
	receive_rdp->nxttail[RCU_NEXT_TAIL] = rdp->nxttail[RCU_NEXT_TAIL];
	receive_rdp->qlen += rdp->qlen;
	receive_rdp->qlen_max = max(receive_rdp->qlen_max, receive_rdp->qlen);
	WRITE_ONCE(receive_rdp->n_cbs_adopted,
		   receive_rdp->n_cbs_adopted + rdp->qlen);
	WRITE_ONCE(rdp->n_cbs_orphaned, rdp->n_cbs_orphaned + rdp->qlen);

	rdp->nxtlist = NULL;
	for (i = 0; i < RCU_NEXT_SIZE; i++)
		rdp->nxttail[i] = &rdp->nxtlist;
	rdp->qlen = 0;
	rdp->qlen_last_fqs_check = 0;
}

/*
 * Takes dead @cpu out of @rsp: its callbacks move to @receive_rdp, its
 * bit leaves ->qsmaskinit up to the first ancestor that keeps an online
 * child, and a quiescent state it still owes is reported for it.
 * Context: interrupts disabled, on the CPU that owns @receive_rdp.
 */
void rcu_state_cpu_dead(struct rcu_state *rsp, int cpu,
			struct rcu_data *receive_rdp)
{
	struct rcu_data *rdp = rsp->rda[cpu];
	struct rcu_node *rnp = rdp->mynode;
	unsigned long flags, mask;

	if (WARN(!rdp->online, "rcu: %s: CPU %d not online in RCU\n",
		 rsp->name, cpu))
		return;
	if (WARN_ON_ONCE(rdp == receive_rdp))
		return;

	rcu_adopt_callbacks(rdp, receive_rdp);

	/* Exclude grace-period initialisation, which copies ->qsmaskinit. */
	raw_spin_lock_irqsave(&rsp->onofflock, flags);
	mask = rdp->grpmask;
	do {
		raw_spin_lock(&rnp->lock);	/* irqs already disabled. */
		rnp->qsmaskinit &= ~mask;
		if (rnp == rdp->mynode)
			rdp->online = false;
		if (rnp->qsmaskinit) {
			raw_spin_unlock(&rnp->lock);
			break;
		}
		mask = rnp->grpmask;
		raw_spin_unlock(&rnp->lock);	/* irqs remain disabled. */
		rnp = rnp->parent;
	} while (rnp);
	raw_spin_unlock(&rsp->onofflock);	/* irqs remain disabled. */

	/* A grace period that began before the removal still waits for us. */
	rnp = rdp->mynode;
	raw_spin_lock(&rnp->lock);		/* irqs already disabled. */
	if (rnp->gpnum != rnp->completed && (rnp->qsmask & rdp->grpmask)) {
		WRITE_ONCE(rdp->offline_fqs, rdp->offline_fqs + 1);
		rcu_report_qs_rnp(rdp->grpmask, rsp, rnp, flags);
		return;
	}
	raw_spin_unlock_irqrestore(&rnp->lock, flags);
}

/* Grace-period bookkeeping. */

bool rcu_gp_in_progress(struct rcu_state *rsp)
{
	return READ_ONCE(rsp->completed) != READ_ONCE(rsp->gpnum);
}

/* The rcu_data of the running CPU in @rsp, or NULL if @rsp lacks it. */
static struct rcu_data *rcu_local_rdp(struct rcu_state *rsp)
{
	int cpu = smp_processor_id();

	return cpu < rsp->geo.nr_cpus ? rsp->rda[cpu] : NULL;
}

/*
 * Returns true if @rdp has callbacks that no grace period covers yet and
 * none is in progress, or a polled grace period was requested. If @rdp
 * has not yet seen the last grace-period end, its WAIT callbacks are in
 * fact done, so only those after them count.
 */
static bool cpu_needs_another_gp(struct rcu_state *rsp, struct rcu_data *rdp)
{
	int seg;

	if (rcu_gp_in_progress(rsp))
		return false;
	if (ULONG_CMP_LT(READ_ONCE(rsp->completed),
			 READ_ONCE(rsp->gp_requested)))
		return true;
	if (!rdp)
		return false;
	seg = RCU_DONE_TAIL + (READ_ONCE(rsp->completed) != rdp->completed);
	return *rdp->nxttail[seg] != NULL;
}

static bool cpu_has_callbacks_ready_to_invoke(struct rcu_data *rdp)
{
	return &rdp->nxtlist != rdp->nxttail[RCU_DONE_TAIL];
}

/*
 * Records the grace period of leaf @rnp in @rdp. If the leaf waits for
 * this CPU, a fresh quiescent state is needed, because any earlier one
 * may predate the grace period. Context: @rnp->lock held.
 */
static void __note_new_gpnum(struct rcu_state *rsp, struct rcu_node *rnp,
			     struct rcu_data *rdp)
{
	if (rdp->gpnum == rnp->gpnum)
		return;
	rdp->gpnum = rnp->gpnum;
	if (rnp->qsmask & rdp->grpmask) {
		rdp->qs_pending = true;
		rdp->passed_quiesce = false;
	} else {
		rdp->qs_pending = false;
	}
}

/* Notices a grace period that @rdp's leaf started. Context: any. */
static void check_for_new_grace_period(struct rcu_state *rsp,
				       struct rcu_data *rdp)
{
	struct rcu_node *rnp = rdp->mynode;
	unsigned long flags;

	if (rdp->gpnum == READ_ONCE(rnp->gpnum))
		return;
	raw_spin_lock_irqsave(&rnp->lock, flags);
	__note_new_gpnum(rsp, rnp, rdp);
	raw_spin_unlock_irqrestore(&rnp->lock, flags);
}

/*
 * Advances @rdp's callbacks if its leaf @rnp saw a grace period end:
 * DONE <- WAIT <- NEXT_READY <- NEXT. If several ended unseen, one shift
 * is still safe: it just delays the later segments. Context: @rnp->lock
 * held, interrupts disabled, on @rdp's CPU.
 */
static void __rcu_process_gp_end(struct rcu_state *rsp, struct rcu_node *rnp,
				 struct rcu_data *rdp)
{
	if (rdp->completed == rnp->completed)
		return;
	rdp->nxttail[RCU_DONE_TAIL] = rdp->nxttail[RCU_WAIT_TAIL];
	rdp->nxttail[RCU_WAIT_TAIL] = rdp->nxttail[RCU_NEXT_READY_TAIL];
	rdp->nxttail[RCU_NEXT_READY_TAIL] = rdp->nxttail[RCU_NEXT_TAIL];
	rdp->completed = rnp->completed;

	/* A grace period this CPU never saw start is over as well. */
	if (ULONG_CMP_LT(rdp->gpnum, rdp->completed))
		rdp->gpnum = rdp->completed;
	if (!(rnp->qsmask & rdp->grpmask))
		rdp->qs_pending = false;
}

/* Context: on @rdp's CPU (or a test driving a private state). */
void rcu_process_gp_end(struct rcu_state *rsp, struct rcu_data *rdp)
{
	struct rcu_node *rnp = rdp->mynode;
	unsigned long flags;

	if (rdp->completed == READ_ONCE(rnp->completed))
		return;
	raw_spin_lock_irqsave(&rnp->lock, flags);
	__rcu_process_gp_end(rsp, rnp, rdp);
	raw_spin_unlock_irqrestore(&rnp->lock, flags);
}

/*
 * The starting CPU's share of a new grace period: everything it queued so
 * far waits for this one. Context: @rnp (its leaf) locked, irqs disabled.
 */
static void rcu_start_gp_per_cpu(struct rcu_state *rsp, struct rcu_node *rnp,
				 struct rcu_data *rdp)
{
	__rcu_process_gp_end(rsp, rnp, rdp);
	rdp->nxttail[RCU_NEXT_READY_TAIL] = rdp->nxttail[RCU_NEXT_TAIL];
	rdp->nxttail[RCU_WAIT_TAIL] = rdp->nxttail[RCU_NEXT_TAIL];
	__note_new_gpnum(rsp, rnp, rdp);
}

/* Copies the new grace period into @rnp. Context: @rnp->lock held. */
static void rcu_init_node_for_gp(struct rcu_state *rsp, struct rcu_node *rnp,
				 struct rcu_data *rdp)
{
	rnp->qsmask = rnp->qsmaskinit;
	WRITE_ONCE(rnp->gpnum, rsp->gpnum);
	if (ULONG_CMP_LT(rnp->completed, rsp->completed))
		WRITE_ONCE(rnp->completed, rsp->completed);
	if (rdp && rnp == rdp->mynode)
		rcu_start_gp_per_cpu(rsp, rnp, rdp);
}

/*
 * Starts a grace period if @rdp (the running CPU's data, may be NULL)
 * needs one and none is in progress. A running force_quiescent_state()
 * defers the start to its own end, because its dyntick snapshots belong
 * to the grace period that was current when it began.
 * Context: root ->lock held, interrupts disabled with @flags saved;
 * releases the lock and restores @flags.
 */
static void rcu_start_gp(struct rcu_state *rsp, struct rcu_data *rdp,
			 unsigned long flags)
	__releases(rcu_get_root(rsp)->lock)
{
	struct rcu_node *root = rcu_get_root(rsp);
	struct rcu_node *rnp;

	if (!cpu_needs_another_gp(rsp, rdp)) {
		raw_spin_unlock_irqrestore(&root->lock, flags);
		return;
	}
	if (rsp->fqs_active) {
		rsp->fqs_need_gp = 1;
		raw_spin_unlock_irqrestore(&root->lock, flags);
		return;
	}
	if (WARN_ON_ONCE(!root->qsmaskinit)) {
		/* No online CPU could ever end it. */
		raw_spin_unlock_irqrestore(&root->lock, flags);
		return;
	}

	/* Advance to a new grace period. */
	WRITE_ONCE(rsp->gpnum, rsp->gpnum + 1);
	WRITE_ONCE(rsp->n_gp_started, rsp->n_gp_started + 1);
	rsp->fqs_state = RCU_GP_INIT;
	rsp->gp_start = jiffies;
	WRITE_ONCE(rsp->jiffies_force_qs, jiffies + RCU_JIFFIES_TILL_FORCE_QS);
	rsp->gp_for_cbs = rdp && *rdp->nxttail[RCU_DONE_TAIL +
			  (rsp->completed != rdp->completed)] != NULL;

	/* A one-node tree is initialised under the root lock alone. */
	if (rsp->geo.nodes == 1) {
		rcu_init_node_for_gp(rsp, root, rdp);
		rsp->fqs_state = RCU_SAVE_DYNTICK;
		raw_spin_unlock_irqrestore(&root->lock, flags);
		return;
	}

	/*
	 * Initialise the nodes top-down. The root is set up first, so no
	 * report can end the grace period before every leaf waits for it;
	 * a leaf not yet set up has ->gpnum of the last grace period, so its
	 * CPUs do not yet report for this one. ->fqs_state stays RCU_GP_INIT
	 * until the end, which keeps force_quiescent_state() off the tree.
	 * ->onofflock keeps ->qsmaskinit stable meanwhile.
	 */
	raw_spin_unlock(&root->lock);		/* irqs remain disabled. */
	raw_spin_lock(&rsp->onofflock);
	rcu_for_each_node_breadth_first(rsp, rnp) {
		raw_spin_lock(&rnp->lock);	/* irqs already disabled. */
		rcu_init_node_for_gp(rsp, rnp, rdp);
		raw_spin_unlock(&rnp->lock);	/* irqs remain disabled. */
	}
	raw_spin_lock(&root->lock);
	rsp->fqs_state = RCU_SAVE_DYNTICK;
	raw_spin_unlock(&root->lock);
	raw_spin_unlock_irqrestore(&rsp->onofflock, flags);
}

/* Starts a grace period on behalf of @rdp if it needs one. Context: any. */
void rcu_try_start_gp(struct rcu_state *rsp, struct rcu_data *rdp)
{
	struct rcu_node *root = rcu_get_root(rsp);
	unsigned long flags;

	raw_spin_lock_irqsave(&root->lock, flags);
	rcu_start_gp(rsp, rdp, flags);
}

/*
 * Ends the current grace period, whose root ->qsmask just became empty,
 * and starts the next one if the running CPU needs it. ->completed is
 * declared in @rsp first, so the polled API never lags behind a CPU that
 * already invokes the callbacks. Then it is pushed down to every node.
 * That push only ever raises a node's ->completed, so a later grace
 * period that another CPU starts and ends meanwhile is not undone.
 * Context: root ->lock held, interrupts disabled with @flags saved;
 * releases the lock and restores @flags.
 */
static void rcu_report_qs_rsp(struct rcu_state *rsp, unsigned long flags)
	__releases(rcu_get_root(rsp)->lock)
{
	struct rcu_node *root = rcu_get_root(rsp);
	unsigned long gpnum = rsp->gpnum;
	unsigned long duration;
	struct rcu_node *rnp;

	WARN_ON_ONCE(!rcu_gp_in_progress(rsp));
	smp_mb(); /* Order the callers' QS-time accesses before the end. */
	duration = jiffies - rsp->gp_start;
	if (duration > rsp->gp_max)
		WRITE_ONCE(rsp->gp_max, duration);
	WRITE_ONCE(rsp->completed, gpnum);
	WRITE_ONCE(rsp->n_gp_completed, rsp->n_gp_completed + 1);
	if (rsp->gp_for_cbs)
		WRITE_ONCE(rsp->n_gp_with_cbs, rsp->n_gp_with_cbs + 1);
	rsp->fqs_state = RCU_GP_IDLE;
	raw_spin_unlock(&root->lock);		/* irqs remain disabled. */

	rcu_for_each_node_breadth_first(rsp, rnp) {
		raw_spin_lock(&rnp->lock);	/* irqs already disabled. */
		if (ULONG_CMP_LT(rnp->completed, gpnum))
			WRITE_ONCE(rnp->completed, gpnum);
		raw_spin_unlock(&rnp->lock);	/* irqs remain disabled. */
	}

	raw_spin_lock(&root->lock);		/* irqs already disabled. */
	rcu_start_gp(rsp, rcu_local_rdp(rsp), flags);
}

/*
 * Clears @mask in @rnp->qsmask and carries an emptied mask up the tree;
 * the report that empties the root ends the grace period. Each lock is
 * released before the parent's is taken.
 * Context: @rnp->lock held, interrupts disabled with @flags saved;
 * releases the lock and restores @flags.
 */
static void rcu_report_qs_rnp(unsigned long mask, struct rcu_state *rsp,
			      struct rcu_node *rnp, unsigned long flags)
	__releases(rnp->lock)
{
	struct rcu_node *child;

	for (;;) {
		if (!(rnp->qsmask & mask) || rnp->gpnum == rnp->completed) {
			/* Already reported, or this grace period is over. */
			raw_spin_unlock_irqrestore(&rnp->lock, flags);
			return;
		}
		rnp->qsmask &= ~mask;
		if (rnp->qsmask) {
			/* Other children still owe a quiescent state. */
			raw_spin_unlock_irqrestore(&rnp->lock, flags);
			return;
		}
		mask = rnp->grpmask;
		if (!rnp->parent)
			break;
		raw_spin_unlock(&rnp->lock);	/* irqs remain disabled. */
		child = rnp;
		rnp = rnp->parent;
		raw_spin_lock(&rnp->lock);	/* irqs already disabled. */
		WARN_ON_ONCE(child->qsmask);
	}
	rcu_report_qs_rsp(rsp, flags);
}

/*
 * Reports a quiescent state of @rdp's CPU that happened during grace
 * period @gpnum. A report for any other grace period than the one its
 * leaf waits for is stale and discarded, and the CPU must pass through a
 * new quiescent state. Context: any; takes the leaf's lock.
 */
void rcu_report_qs_rdp(struct rcu_state *rsp, struct rcu_data *rdp,
		       unsigned long gpnum)
{
	struct rcu_node *rnp = rdp->mynode;
	unsigned long flags;
	unsigned long mask = rdp->grpmask;

	raw_spin_lock_irqsave(&rnp->lock, flags);
	if (gpnum != rnp->gpnum || rnp->gpnum == rnp->completed) {
		rdp->passed_quiesce = false;
		raw_spin_unlock_irqrestore(&rnp->lock, flags);
		return;
	}
	rdp->qs_pending = false;
	if (!(rnp->qsmask & mask)) {
		/* Already reported for us, by force_quiescent_state(). */
		raw_spin_unlock_irqrestore(&rnp->lock, flags);
		return;
	}

	/*
	 * The grace period cannot end before this report, so everything
	 * queued up to now can wait for the next one.
	 */
	rdp->nxttail[RCU_NEXT_READY_TAIL] = rdp->nxttail[RCU_NEXT_TAIL];
	rcu_report_qs_rnp(mask, rsp, rnp, flags);
}

/*
 * Notes that @rdp's CPU passed through a quiescent state, tagged with the
 * grace period recorded in @rdp->gpnum. The tag is written first, so a report
 * made between the two stores never carries a wrong one.
 * Context: on @rdp's CPU, preemption or interrupts disabled.
 */
void rcu_note_qs(struct rcu_data *rdp)
{
	rdp->passed_quiesce_gpnum = rdp->gpnum;
	barrier(); /* Tag before flag, for interrupts on this CPU. */
	rdp->passed_quiesce = true;
}

/*
 * Reports @rdp's quiescent state up the tree if the tree waits for it and
 * one happened. Context: on @rdp's CPU, from RCU_SOFTIRQ.
 */
void rcu_check_quiescent_state(struct rcu_state *rsp, struct rcu_data *rdp)
{
	check_for_new_grace_period(rsp, rdp);
	if (!rdp->qs_pending || !rdp->passed_quiesce)
		return;
	rcu_report_qs_rdp(rsp, rdp, rdp->passed_quiesce_gpnum);
}

/* Forcing quiescent states. */

/*
 * True if @rdp's CPU is offline. A private state (tests) has no machine
 * CPUs behind it, so there RCU's own view decides.
 */
static bool rcu_rdp_cpu_offline(struct rcu_state *rsp, struct rcu_data *rdp)
{
	if (!rsp->machine_cpus)
		return !rdp->online;
	return rdp->cpu >= nr_cpu_ids || !cpu_online(rdp->cpu);
}

/*
 * An offline CPU runs no readers, so its quiescent state is reported for
 * it. Any other CPU is asked to reschedule, which is a quiescent state on
 * a non-preemptible kernel. Returns 1 if @rdp's CPU is offline.
 */
static int rcu_implicit_offline_qs(struct rcu_state *rsp,
				  struct rcu_data *rdp)
{
	if (rcu_rdp_cpu_offline(rsp, rdp)) {
		WRITE_ONCE(rdp->offline_fqs, rdp->offline_fqs + 1);
		return 1;
	}
	if (rsp->machine_cpus)
		resched_cpu(rdp->cpu);
	WRITE_ONCE(rdp->resched_ipi, rdp->resched_ipi + 1);
	return 0;
}

/*
 * First pass: snapshots @rdp's dyntick counter. Returns 1 if the CPU is
 * idle now (even counter) or offline. Context: its leaf's lock held.
 */
static int dyntick_save_progress_counter(struct rcu_state *rsp,
					 struct rcu_data *rdp)
{
	int snap;

	/* A value-returning atomic is a full barrier: see its latest state. */
	snap = atomic_add_return(0, &rdp->dynticks->dynticks);
	rdp->dynticks_snap = snap;
	if (!(snap & 1)) {
		WRITE_ONCE(rdp->dynticks_fqs, rdp->dynticks_fqs + 1);
		return 1;
	}
	if (rcu_rdp_cpu_offline(rsp, rdp)) {
		WRITE_ONCE(rdp->offline_fqs, rdp->offline_fqs + 1);
		return 1;
	}
	return 0;
}

/*
 * Later passes: returns 1 if @rdp's CPU is idle now or went through idle
 * since the snapshot (the counter moved by two or more), or is offline.
 * Otherwise sends it a reschedule request. Context: its leaf's lock held.
 */
static int rcu_implicit_dynticks_qs(struct rcu_state *rsp,
				    struct rcu_data *rdp)
{
	unsigned int curr, snap;

	/* Full barrier as above. */
	curr = (unsigned int)atomic_add_return(0, &rdp->dynticks->dynticks);
	snap = (unsigned int)rdp->dynticks_snap;
	if (!(curr & 1) || curr - snap >= 2) {
		WRITE_ONCE(rdp->dynticks_fqs, rdp->dynticks_fqs + 1);
		return 1;
	}
	return rcu_implicit_offline_qs(rsp, rdp);
}

/*
 * Applies @f to each CPU that grace period @gpnum still waits for, and
 * reports those it clears. Stops if that grace period ends.
 * Context: no rcu_node lock held, ->fqs_active set.
 */
static void force_qs_rnp(struct rcu_state *rsp, unsigned long gpnum,
			 int (*f)(struct rcu_state *, struct rcu_data *))
{
	struct rcu_node *rnp;
	unsigned long flags, mask, bit;
	int cpu;

	rcu_for_each_leaf_node(rsp, rnp) {
		mask = 0;
		raw_spin_lock_irqsave(&rnp->lock, flags);
		if (rnp->gpnum != gpnum || rnp->completed == gpnum) {
			raw_spin_unlock_irqrestore(&rnp->lock, flags);
			return;
		}
		bit = 1;
		for (cpu = rnp->grplo; cpu <= rnp->grphi; cpu++, bit <<= 1)
			if ((rnp->qsmask & bit) && f(rsp, rsp->rda[cpu]))
				mask |= bit;
		if (mask) {
			rcu_report_qs_rnp(mask, rsp, rnp, flags);
			continue;
		}
		raw_spin_unlock_irqrestore(&rnp->lock, flags);
	}
}

/**
 * force_quiescent_state() - report idle and offline CPUs, prod the others
 * @rsp: the flavour
 * @relaxed: nonzero to act only when ->jiffies_force_qs has passed
 *
 * The first pass of a grace period snapshots the dyntick counters and
 * reports idle CPUs. Each later pass reports the CPUs that went through
 * idle since then and sends the rest a reschedule request. One call runs
 * at a time; others return at once. Context: any, interrupts enabled or
 * not.
 */
void force_quiescent_state(struct rcu_state *rsp, int relaxed)
{
	struct rcu_node *root = rcu_get_root(rsp);
	unsigned long flags, gpnum;
	bool need_gp;

	if (!rcu_gp_in_progress(rsp))
		return;
	if (!raw_spin_trylock_irqsave(&rsp->fqslock, flags)) {
		atomic_long_inc(&rsp->n_force_qs_lh);
		return;
	}
	if (relaxed && ULONG_CMP_GE(READ_ONCE(rsp->jiffies_force_qs), jiffies))
		goto unlock_fqs;
	WRITE_ONCE(rsp->n_force_qs, rsp->n_force_qs + 1);

	raw_spin_lock(&root->lock);		/* irqs already disabled. */
	WRITE_ONCE(rsp->jiffies_force_qs, jiffies + RCU_JIFFIES_TILL_FORCE_QS);
	if (!rcu_gp_in_progress(rsp)) {
		raw_spin_unlock(&root->lock);
		goto unlock_fqs;
	}
	rsp->fqs_active = 1;
	gpnum = rsp->gpnum;
	switch (rsp->fqs_state) {
	case RCU_GP_IDLE:
	case RCU_GP_INIT:
		break;	/* Nodes not set up yet: nothing to force. */
	case RCU_SAVE_DYNTICK:
		raw_spin_unlock(&root->lock);	/* irqs remain disabled. */
		force_qs_rnp(rsp, gpnum, dyntick_save_progress_counter);
		raw_spin_lock(&root->lock);	/* irqs already disabled. */
		if (rsp->gpnum == gpnum && rcu_gp_in_progress(rsp))
			rsp->fqs_state = RCU_FORCE_QS;
		break;
	case RCU_FORCE_QS:
		raw_spin_unlock(&root->lock);	/* irqs remain disabled. */
		force_qs_rnp(rsp, gpnum, rcu_implicit_dynticks_qs);
		raw_spin_lock(&root->lock);	/* irqs already disabled. */
		break;
	}
	rsp->fqs_active = 0;
	need_gp = rsp->fqs_need_gp;
	rsp->fqs_need_gp = 0;
	raw_spin_unlock(&root->lock);		/* irqs remain disabled. */
	raw_spin_unlock(&rsp->fqslock);	/* irqs remain disabled. */
	if (need_gp) {
		/* A grace period ended during the pass: start the next. */
		raw_spin_lock(&root->lock);
		rcu_start_gp(rsp, rcu_local_rdp(rsp), flags);
		return;
	}
	local_irq_restore(flags);
	return;

unlock_fqs:
	raw_spin_unlock_irqrestore(&rsp->fqslock, flags);
}

/* Callbacks. */

/* Requests RCU core processing on this CPU. */
static void invoke_rcu_core(void)
{
	raise_softirq(RCU_SOFTIRQ);
}

/* Counts of callbacks pending in @rsp, with their peak. Context: any. */
static void rcu_account_pending(struct rcu_state *rsp, long delta)
{
	long now = atomic_long_add_return(delta, &rsp->cbs_pending);
	long peak = atomic_long_read(&rsp->cbs_pending_max);

	while (now > peak &&
	       !atomic_long_try_cmpxchg(&rsp->cbs_pending_max, &peak, now))
		;
}

/*
 * Appends @head to @rdp's NEXT segment. Context: interrupts disabled, on
 * @rdp's CPU (or a test driving a private state).
 */
void rcu_enqueue_cb(struct rcu_data *rdp, struct rcu_head *head,
		    rcu_callback_t func)
{
	head->func = func;
	head->next = NULL;
	*rdp->nxttail[RCU_NEXT_TAIL] = head;
	rdp->nxttail[RCU_NEXT_TAIL] = &head->next;
	rdp->qlen++;
	if (rdp->qlen > rdp->qlen_max)
		rdp->qlen_max = rdp->qlen;
	WRITE_ONCE(rdp->n_cbs_queued, rdp->n_cbs_queued + 1);
	rcu_account_pending(rdp->rsp, 1);
}

/*
 * Reacts to a callback flood on @rdp, whose newest callback is @head:
 * more than qhimark queued since the last check. Without a grace period,
 * one is started. During one, every ready callback is invoked per pass
 * from now on, and quiescent states are forced unless a forcing pass ran
 * since the last check.
 * Outside a flood, forces quiescent states when they are due.
 * Context: interrupts disabled, on @rdp's CPU.
 */
void rcu_check_cb_flood(struct rcu_state *rsp, struct rcu_data *rdp,
			struct rcu_head *head)
{
	if (rdp->qlen <= rdp->qlen_last_fqs_check + qhimark) {
		if (ULONG_CMP_LT(READ_ONCE(rsp->jiffies_force_qs), jiffies))
			force_quiescent_state(rsp, 1);
		return;
	}

	rcu_process_gp_end(rsp, rdp);
	check_for_new_grace_period(rsp, rdp);
	if (!rcu_gp_in_progress(rsp)) {
		rcu_try_start_gp(rsp, rdp);
	} else {
		rdp->blimit = LONG_MAX;
		if (READ_ONCE(rsp->n_force_qs) == rdp->n_force_qs_snap &&
		    *rdp->nxttail[RCU_DONE_TAIL] != head)
			force_quiescent_state(rsp, 0);
		rdp->n_force_qs_snap = READ_ONCE(rsp->n_force_qs);
		rdp->qlen_last_fqs_check = rdp->qlen;
	}
}

/* Misuse reports printed per boot; later ones are only counted. */
#define RCU_MISUSE_REPORTS	4
static unsigned int rcu_misuse_reports;

static bool rcu_report_misuse(void)
{
	if (rcu_misuse_reports >= RCU_MISUSE_REPORTS)
		return false;
	rcu_misuse_reports++;
	return true;
}

/*
 * Queues @head on @rdp after the misuse checks that Tiny RCU makes too. A
 * misaligned head, a kfree_rcu() offset (NULL being offset 0) that does
 * not lead back to a live slab object, and a head that is still queued
 * are reported and not queued, so the object leaks. With @core, also reacts
 * to a flood or forces quiescent states when due. @caller is the API
 * function's return address, for reports. Returns 0, -EINVAL or -EBUSY.
 * Context: interrupts disabled, on @rdp's CPU (or a test driving a
 * private state).
 */
int rcu_queue_cb(struct rcu_state *rsp, struct rcu_data *rdp,
		 struct rcu_head *head, rcu_callback_t func,
		 unsigned long caller, bool core)
{
	unsigned long offset = (unsigned long)func;

	if ((unsigned long)head & (sizeof(void *) - 1)) {
		if (rcu_report_misuse())
			WARN(1, "%s: misaligned rcu_head %px from %pS\n",
			     rsp->name, head, (void *)caller);
		WRITE_ONCE(rdp->n_cbs_rejected, rdp->n_cbs_rejected + 1);
		return -EINVAL;
	}
	if (__is_kfree_rcu_offset(offset) &&
	    !kmem_valid_obj((void *)head - offset)) {
		if (rcu_report_misuse())
			WARN(1, "%s: rcu_head %px from %pS: callback %px is %s, but %px is not in a live slab object\n",
			     rsp->name, head, (void *)caller, func,
			     func ? "a kfree_rcu() offset" : "NULL",
			     (void *)head - offset);
		WRITE_ONCE(rdp->n_cbs_rejected, rdp->n_cbs_rejected + 1);
		return -EINVAL;
	}
	if (lkl_rcu_head_queue(head, func, caller)) {
		WRITE_ONCE(rdp->n_cbs_rejected, rdp->n_cbs_rejected + 1);
		return -EBUSY;
	}
	WARN_ONCE(!rdp->online,
		  "rcu: %s: callback queued on CPU %d, which RCU does not count online\n",
		  rsp->name, rdp->cpu);
	rcu_enqueue_cb(rdp, head, func);
	lkl_rcu_oracle_queue(head, rsp, rsp == &rcu_bh_state, rdp->cpu, caller);
	if (core)
		rcu_check_cb_flood(rsp, rdp, head);
	return 0;
}

/* Queues @head on the running CPU's list of @rsp. */
static void __call_rcu(struct rcu_head *head, rcu_callback_t func,
		       struct rcu_state *rsp, unsigned long caller)
{
	unsigned long flags;

	smp_mb(); /* Order the caller's update before the queueing. */
	local_irq_save(flags);
	/* With interrupts disabled by the caller, leave the core alone. */
	rcu_queue_cb(rsp, this_cpu_ptr(rsp->pcpu_data), head, func, caller,
		     !irqs_disabled_flags(flags));
	local_irq_restore(flags);
}

/**
 * call_rcu() - invoke @func(@head) after a grace period
 * @head: the callback's rcu_head, not queued already
 * @func: the callback, or a kfree_rcu() offset below 4096
 *
 * The callback runs from RCU_SOFTIRQ on the queueing CPU (or the CPU that
 * adopted it after a hotplug removal), after every CPU has passed through
 * a quiescent state: every rcu_read_lock() section that began before this
 * call has ended by then.
 */
void call_rcu(struct rcu_head *head, rcu_callback_t func)
{
	if (rcu_reject_null_func(head, func, "call_rcu", _RET_IP_))
		return;
	__call_rcu(head, func, &rcu_sched_state, _RET_IP_);
}
EXPORT_SYMBOL_GPL(call_rcu);

/* Like call_rcu(), waiting for rcu_read_lock_bh() sections only. */
void call_rcu_bh(struct rcu_head *head, rcu_callback_t func)
{
	if (rcu_reject_null_func(head, func, "call_rcu_bh", _RET_IP_))
		return;
	__call_rcu(head, func, &rcu_bh_state, _RET_IP_);
}
EXPORT_SYMBOL_GPL(call_rcu_bh);

/*
 * Queues @head for kvfree() of its object (@func is its offset there), or
 * with @head NULL frees the object @func after a synchronous grace period.
 */
void kvfree_call_rcu(struct rcu_head *head, rcu_callback_t func)
{
	if (head) {
		__call_rcu(head, func, &rcu_sched_state, _RET_IP_);
		return;
	}
	might_sleep();
	synchronize_rcu();
	kvfree((void *)func);
}
EXPORT_SYMBOL_GPL(kvfree_call_rcu);

/*
 * Invokes up to ->blimit of @rdp's ready callbacks (all of them during a
 * flood) and puts the rest back; requests another pass if some remain.
 * Context: on @rdp's CPU, from RCU_SOFTIRQ with interrupts enabled.
 */
void rcu_do_batch(struct rcu_state *rsp, struct rcu_data *rdp)
{
	struct rcu_head *list, *next, **tail;
	unsigned long flags;
	long bl, count;
	int i;

	if (!cpu_has_callbacks_ready_to_invoke(rdp))
		return;

	/* Detach the DONE segment and point its empty tails at the head. */
	local_irq_save(flags);
	bl = rdp->blimit;
	list = rdp->nxtlist;
	rdp->nxtlist = *rdp->nxttail[RCU_DONE_TAIL];
	*rdp->nxttail[RCU_DONE_TAIL] = NULL;
	tail = rdp->nxttail[RCU_DONE_TAIL];
	for (i = RCU_NEXT_SIZE - 1; i >= 0; i--)
		if (rdp->nxttail[i] == rdp->nxttail[RCU_DONE_TAIL])
			rdp->nxttail[i] = &rdp->nxtlist;
	local_irq_restore(flags);

	/*
	 * Invoke callbacks, bottom halves disabled as in a softirq. The
	 * counters are updated per callback, so a waiter that a callback
	 * wakes already finds it counted.
	 */
	if (bl == LONG_MAX)
		WRITE_ONCE(rdp->n_blimit_raised, rdp->n_blimit_raised + 1);
	count = 0;
	local_bh_disable();
	while (list) {
		next = list->next;
		prefetch(next);
		lkl_rcu_head_unqueue(list);
		lkl_rcu_oracle_invoke(list, rdp->cpu);
		if (__rcu_reclaim(list))
			WRITE_ONCE(rdp->n_cbs_kfree, rdp->n_cbs_kfree + 1);
		WRITE_ONCE(rdp->n_cbs_invoked, rdp->n_cbs_invoked + 1);
		rcu_account_pending(rsp, -1);
		list = next;
		if (++count > rdp->n_batch_max)
			WRITE_ONCE(rdp->n_batch_max, count);
		if (count >= bl)
			break;
	}
	local_bh_enable();

	local_irq_save(flags);

	/* Put back what this pass left, ahead of the remaining segments. */
	if (list) {
		*tail = rdp->nxtlist;
		rdp->nxtlist = list;
		for (i = 0; i < RCU_NEXT_SIZE; i++) {
			if (rdp->nxttail[i] != &rdp->nxtlist)
				break;
			rdp->nxttail[i] = tail;
		}
	}

	rdp->qlen -= count;

	/* The flood is over: restore the batch limit. */
	if (rdp->blimit == LONG_MAX && rdp->qlen <= qlowmark)
		rdp->blimit = blimit;

	/* Re-arm the flood check once enough callbacks have drained. */
	if (rdp->qlen == 0 && rdp->qlen_last_fqs_check != 0) {
		rdp->qlen_last_fqs_check = 0;
		rdp->n_force_qs_snap = READ_ONCE(rsp->n_force_qs);
	} else if (rdp->qlen < rdp->qlen_last_fqs_check - qhimark) {
		rdp->qlen_last_fqs_check = rdp->qlen;
	}
	local_irq_restore(flags);

	if (cpu_has_callbacks_ready_to_invoke(rdp))
		invoke_rcu_core();
}

/* The RCU core: per-CPU work of one flavour. */

/*
 * Returns nonzero if @rdp's CPU has RCU work for RCU_SOFTIRQ. When the
 * tree still waits for this CPU after ->jiffies_force_qs, sets its
 * need_resched flag.
 * Context: on @rdp's CPU, interrupts disabled (from the tick).
 */
static int __rcu_pending(struct rcu_state *rsp, struct rcu_data *rdp)
{
	struct rcu_node *rnp = rdp->mynode;

	if (rdp->qs_pending && !rdp->passed_quiesce) {
		if (ULONG_CMP_LT(READ_ONCE(rsp->jiffies_force_qs) - 1,
				 jiffies))
			set_tsk_need_resched(current);
	} else if (rdp->qs_pending && rdp->passed_quiesce) {
		return 1;
	}
	if (cpu_has_callbacks_ready_to_invoke(rdp))
		return 1;
	if (cpu_needs_another_gp(rsp, rdp))
		return 1;
	if (READ_ONCE(rnp->completed) != rdp->completed)
		return 1;
	if (READ_ONCE(rnp->gpnum) != rdp->gpnum)
		return 1;
	if (rcu_gp_in_progress(rsp) &&
	    ULONG_CMP_LT(READ_ONCE(rsp->jiffies_force_qs), jiffies))
		return 1;
	return 0;
}

/*
 * One flavour's work on @rdp's CPU: force quiescent states when due,
 * advance callbacks past ended grace periods, report a quiescent state,
 * start a grace period if needed, invoke ready callbacks.
 * Context: on @rdp's CPU, from RCU_SOFTIRQ.
 */
static void __rcu_process_callbacks(struct rcu_state *rsp,
				    struct rcu_data *rdp)
{
	if (ULONG_CMP_LT(READ_ONCE(rsp->jiffies_force_qs), jiffies))
		force_quiescent_state(rsp, 1);
	rcu_process_gp_end(rsp, rdp);
	rcu_check_quiescent_state(rsp, rdp);
	if (cpu_needs_another_gp(rsp, rdp))
		rcu_try_start_gp(rsp, rdp);
	rcu_do_batch(rsp, rdp);
}

/* RCU_SOFTIRQ handler. */
static void rcu_process_callbacks(struct softirq_action *unused)
{
	int cpu = smp_processor_id();

	if (WARN_ON_ONCE(cpu >= rcu_sched_state.geo.nr_cpus))
		return;
	__rcu_process_callbacks(&rcu_sched_state, rcu_sched_state.rda[cpu]);
	__rcu_process_callbacks(&rcu_bh_state, rcu_bh_state.rda[cpu]);
}

/* Quiescent-state hooks. */

static void rcu_sched_qs(void)
{
	rcu_note_qs(this_cpu_ptr(&rcu_sched_data));
}

void rcu_bh_qs(void)
{
	rcu_note_qs(this_cpu_ptr(&rcu_bh_data));
}

/*
 * A context switch is a quiescent state for both flavours: a
 * non-preemptible kernel switches only outside read-side sections.
 * Context: schedule(), preemption disabled.
 */
void rcu_note_context_switch(bool preempt)
{
	rcu_sched_qs();
	rcu_bh_qs();
}
EXPORT_SYMBOL_GPL(rcu_note_context_switch);

/*
 * Called when a softirq batch ends: a quiescent state for RCU-bh, and for
 * RCU-sched as well if the code below the softirq was preemptible.
 */
void rcu_softirq_qs(void)
{
	rcu_bh_qs();
	if (!(preempt_count() & (PREEMPT_MASK | HARDIRQ_MASK | NMI_MASK)))
		rcu_sched_qs();
}

/**
 * rcu_sched_clock_irq() - the scheduling-clock tick's RCU work
 * @user: nonzero if the tick interrupted user mode
 *
 * A tick that interrupted user mode, or the idle task outside any other
 * interrupt or softirq, is a quiescent state of both flavours. Any other
 * tick outside softirq context is one of RCU-bh. Then RCU_SOFTIRQ is raised if
 * either flavour has work here. Context: hardirq, interrupts disabled.
 */
void rcu_sched_clock_irq(int user)
{
	int cpu = smp_processor_id();
	struct rcu_state *rsp;
	int i;

	if (user || (is_idle_task(current) && !in_softirq() &&
		     hardirq_count() <= HARDIRQ_OFFSET)) {
		rcu_sched_qs();
		rcu_bh_qs();
	} else if (!in_softirq()) {
		rcu_bh_qs();
	}

	if (cpu >= rcu_sched_state.geo.nr_cpus)
		return;
	for_each_rcu_flavour(i, rsp) {
		if (__rcu_pending(rsp, rsp->rda[cpu])) {
			invoke_rcu_core();
			break;
		}
	}
}

/*
 * Returns nonzero if this CPU must keep its tick while idle: it has
 * callbacks, or a polled grace period is wanted. Idle CPUs without
 * either stop ticking and are reported by force_quiescent_state(), which
 * the ticking CPUs run.
 */
int rcu_needs_cpu(void)
{
	return this_cpu_ptr(&rcu_sched_data)->nxtlist ||
	       this_cpu_ptr(&rcu_bh_data)->nxtlist ||
	       ULONG_CMP_LT(READ_ONCE(rcu_sched_state.completed),
			    READ_ONCE(rcu_sched_state.gp_requested));
}

/* Dyntick-idle tracking. */

/*
 * Moves this CPU's counter by one and checks its new parity: even after
 * entering idle, odd after leaving it. Full barriers on both sides order
 * the CPU's read-side accesses against force_quiescent_state()'s
 * snapshots on other CPUs.
 */
static void rcu_dynticks_flip(struct rcu_dynticks *rdtp, int want_odd)
{
	smp_mb__before_atomic(); /* Earlier accesses before the flip. */
	atomic_inc(&rdtp->dynticks);
	smp_mb__after_atomic(); /* Later accesses after the flip. */
	WARN_ON_ONCE((atomic_read(&rdtp->dynticks) & 1) != want_odd);
}

/**
 * rcu_idle_enter() - this CPU enters its idle loop
 *
 * From here RCU does not wait for the CPU; force_quiescent_state() reports
 * it. Entering idle is also a quiescent state. Context: the idle task, at
 * process level (no interrupt nesting).
 */
void rcu_idle_enter(void)
{
	struct rcu_dynticks *rdtp;
	unsigned long flags;

	local_irq_save(flags);
	rdtp = this_cpu_ptr(&rcu_dynticks);
	if (WARN_ONCE(rdtp->dynticks_nesting != 1,
		      "rcu: idle entry with dynticks nesting %ld\n",
		      rdtp->dynticks_nesting)) {
		local_irq_restore(flags);
		return;
	}
	rcu_sched_qs();
	rcu_bh_qs();
	rdtp->dynticks_nesting = 0;
	rcu_dynticks_flip(rdtp, 0);
	local_irq_restore(flags);
}

/* Leaves the idle state entered by rcu_idle_enter(). */
void rcu_idle_exit(void)
{
	struct rcu_dynticks *rdtp;
	unsigned long flags;

	local_irq_save(flags);
	rdtp = this_cpu_ptr(&rcu_dynticks);
	if (WARN_ONCE(rdtp->dynticks_nesting != 0,
		      "rcu: idle exit with dynticks nesting %ld\n",
		      rdtp->dynticks_nesting)) {
		local_irq_restore(flags);
		return;
	}
	rcu_dynticks_flip(rdtp, 1);
	rdtp->dynticks_nesting = 1;
	local_irq_restore(flags);
}

/*
 * An interrupt arrives: if it interrupted idle, RCU watches this CPU
 * again until the matching rcu_irq_exit(). Context: hardirq, interrupts
 * disabled.
 */
void rcu_irq_enter(void)
{
	struct rcu_dynticks *rdtp = this_cpu_ptr(&rcu_dynticks);

	if (rdtp->dynticks_nesting++)
		return;
	rcu_dynticks_flip(rdtp, 1);
}

/* The interrupt ends; back in idle if it interrupted idle. */
void rcu_irq_exit(void)
{
	struct rcu_dynticks *rdtp = this_cpu_ptr(&rcu_dynticks);

	if (WARN_ONCE(rdtp->dynticks_nesting <= 0,
		      "rcu: irq exit with dynticks nesting %ld\n",
		      rdtp->dynticks_nesting))
		return;
	if (--rdtp->dynticks_nesting)
		return;
	rcu_dynticks_flip(rdtp, 0);
}

void rcu_irq_enter_irqson(void)
{
	unsigned long flags;

	local_irq_save(flags);
	rcu_irq_enter();
	local_irq_restore(flags);
}

void rcu_irq_exit_irqson(void)
{
	unsigned long flags;

	local_irq_save(flags);
	rcu_irq_exit();
	local_irq_restore(flags);
}

/* True unless this CPU is idle outside any interrupt. */
bool rcu_is_watching(void)
{
	bool ret;

	preempt_disable_notrace();
	ret = atomic_read(&this_cpu_ptr(&rcu_dynticks)->dynticks) & 1;
	preempt_enable_notrace();
	return ret;
}
EXPORT_SYMBOL_GPL(rcu_is_watching);

/* Waiting for grace periods. */

/*
 * On a non-preemptible kernel, a caller that may block while it is the
 * only online CPU is itself past a grace period: no reader can run.
 */
static bool rcu_blocking_is_gp(void)
{
	might_sleep();
	return num_online_cpus() <= 1;
}

/**
 * synchronize_rcu() - wait until a grace period has elapsed
 *
 * Returns after every rcu_read_lock() section that began before the call
 * has ended. Context: process, may sleep, not in a read-side section.
 */
void synchronize_rcu(void)
{
	RCU_LOCKDEP_WARN(lock_is_held(&rcu_lock_map) ||
			 lock_is_held(&rcu_bh_lock_map) ||
			 lock_is_held(&rcu_sched_lock_map),
			 "Illegal synchronize_rcu() in RCU read-side critical section");
	/*
	 * No one-CPU fast path here, unlike synchronize_rcu_bh(): a cookie
	 * from get_state_synchronize_rcu() must be satisfied once this
	 * returns, and only a grace period that really ran advances
	 * ->completed for the polled API.
	 */
	might_sleep();
	wait_rcu_gp(call_rcu);
}
EXPORT_SYMBOL_GPL(synchronize_rcu);

/* Waits for every rcu_read_lock_bh() section that began before the call. */
void synchronize_rcu_bh(void)
{
	RCU_LOCKDEP_WARN(lock_is_held(&rcu_bh_lock_map),
			 "Illegal synchronize_rcu_bh() in RCU-bh read-side critical section");
	if (rcu_blocking_is_gp())
		return;
	wait_rcu_gp(call_rcu_bh);
}
EXPORT_SYMBOL_GPL(synchronize_rcu_bh);

static DEFINE_MUTEX(rcu_barrier_mutex);
static atomic_t rcu_barrier_cpu_count;
static struct completion rcu_barrier_completion;
static DEFINE_PER_CPU(struct rcu_head, rcu_barrier_head);

static void rcu_barrier_callback(struct rcu_head *unused)
{
	if (atomic_dec_and_test(&rcu_barrier_cpu_count))
		complete(&rcu_barrier_completion);
}

/*
 * Queues this CPU's barrier callback behind all of its others.
 * Context: IPI from on_each_cpu(), interrupts disabled; @info is the
 * flavour's call_rcu().
 */
static void rcu_barrier_func(void *info)
{
	call_rcu_func_t crf = info;

	atomic_inc(&rcu_barrier_cpu_count);
	crf(this_cpu_ptr(&rcu_barrier_head), rcu_barrier_callback);
}

/*
 * Waits for every callback queued with @crf so far. Each online CPU
 * queues a barrier callback behind its own, with CPU hotplug held off
 * meanwhile. A CPU that dies later hands its whole list, barrier callback
 * last, to a survivor, so the order is kept. The count starts at one, so
 * it cannot reach zero before every CPU has queued.
 */
static void _rcu_barrier(call_rcu_func_t crf)
{
	mutex_lock(&rcu_barrier_mutex);
	init_completion(&rcu_barrier_completion);
	atomic_set(&rcu_barrier_cpu_count, 1);
	cpus_read_lock();
	on_each_cpu(rcu_barrier_func, crf, 1);
	cpus_read_unlock();
	if (atomic_dec_and_test(&rcu_barrier_cpu_count))
		complete(&rcu_barrier_completion);
	wait_for_completion(&rcu_barrier_completion);
	mutex_unlock(&rcu_barrier_mutex);
}

/**
 * rcu_barrier() - wait for all call_rcu() callbacks queued so far
 *
 * Unlike synchronize_rcu(), waits for the callbacks to have run, on every
 * CPU. Context: process, may sleep.
 */
void rcu_barrier(void)
{
	_rcu_barrier(call_rcu);
}
EXPORT_SYMBOL_GPL(rcu_barrier);

/* rcu_barrier() for call_rcu_bh() callbacks. */
void rcu_barrier_bh(void)
{
	_rcu_barrier(call_rcu_bh);
}
EXPORT_SYMBOL_GPL(rcu_barrier_bh);

/*
 * Polled grace periods. A cookie is twice the number of the first grace
 * period to start after it was taken, satisfied once ->completed reaches
 * that number. Cookies are even, so RCU_GET_STATE_COMPLETED (odd) never
 * collides with one and is always satisfied.
 */
unsigned long rcu_state_get_cookie(struct rcu_state *rsp)
{
	smp_mb(); /* The caller's updates before reading ->gpnum. */
	return (READ_ONCE(rsp->gpnum) + 1) << 1;
}

bool rcu_state_poll_cookie(struct rcu_state *rsp, unsigned long cookie)
{
	bool ret = cookie == RCU_GET_STATE_COMPLETED ||
		   ULONG_CMP_GE(READ_ONCE(rsp->completed) << 1, cookie);

	smp_mb(); /* The end of the grace period before the caller's frees. */
	return ret;
}

unsigned long get_state_synchronize_rcu(void)
{
	return rcu_state_get_cookie(&rcu_sched_state);
}
EXPORT_SYMBOL_GPL(get_state_synchronize_rcu);

/*
 * Like get_state_synchronize_rcu(), and makes sure a grace period will
 * start even if no callback needs one. The requested number is read from
 * ->gpnum under the root lock, with the cookie, and not computed as
 * cookie >> 1. That shift drops the top bit, which is set in half of all
 * grace-period numbers, the first 300 after boot included.
 */
unsigned long start_poll_synchronize_rcu(void)
{
	struct rcu_state *rsp = &rcu_sched_state;
	struct rcu_node *root = rcu_get_root(rsp);
	unsigned long cookie, gp_needed, flags;

	raw_spin_lock_irqsave(&root->lock, flags);
	cookie = rcu_state_get_cookie(rsp);
	gp_needed = rsp->gpnum + 1;
	if (ULONG_CMP_LT(rsp->gp_requested, gp_needed))
		WRITE_ONCE(rsp->gp_requested, gp_needed);
	raw_spin_unlock_irqrestore(&root->lock, flags);
	invoke_rcu_core();
	return cookie;
}
EXPORT_SYMBOL_GPL(start_poll_synchronize_rcu);

bool poll_state_synchronize_rcu(unsigned long oldstate)
{
	return rcu_state_poll_cookie(&rcu_sched_state, oldstate);
}
EXPORT_SYMBOL_GPL(poll_state_synchronize_rcu);

/* Number of RCU-sched grace periods completed, wrapping from -300. */
unsigned long rcu_batches_completed(void)
{
	return READ_ONCE(rcu_sched_state.completed);
}
EXPORT_SYMBOL_GPL(rcu_batches_completed);

/* CPU hotplug. */

/*
 * Before @cpu starts: makes it part of every grace period that starts
 * afterwards. Context: process, on a CPU other than @cpu.
 */
int rcutree_prepare_cpu(unsigned int cpu)
{
	struct rcu_state *rsp;
	int i;

	if (WARN_ON_ONCE(cpu >= rcu_sched_state.geo.nr_cpus))
		return -EINVAL;
	for_each_rcu_flavour(i, rsp)
		rcu_state_cpu_prepare(rsp, cpu);
	return 0;
}

/* @cpu is running: checks that rcutree_prepare_cpu() ran for it. */
int rcutree_online_cpu(unsigned int cpu)
{
	struct rcu_state *rsp;
	int i;

	if (WARN_ON_ONCE(cpu >= rcu_sched_state.geo.nr_cpus))
		return -EINVAL;
	for_each_rcu_flavour(i, rsp)
		if (WARN(!rsp->rda[cpu]->online,
			 "rcu: %s: CPU %d online without rcutree_prepare_cpu()\n",
			 rsp->name, cpu))
			return -EINVAL;
	return 0;
}

/*
 * @cpu is about to go: checks that RCU counts it online. Its callbacks and
 * tree bits stay until rcutree_dead_cpu(), and force_quiescent_state()
 * reports it once it is out of cpu_online_mask.
 */
int rcutree_offline_cpu(unsigned int cpu)
{
	struct rcu_state *rsp;
	int i;

	if (WARN_ON_ONCE(cpu >= rcu_sched_state.geo.nr_cpus))
		return -EINVAL;
	for_each_rcu_flavour(i, rsp)
		if (WARN(!rsp->rda[cpu]->online,
			 "rcu: %s: CPU %d offlined but not online in RCU\n",
			 rsp->name, cpu))
			return -EINVAL;
	return 0;
}

/*
 * @cpu is stopping: checks that it runs on @cpu, with interrupts disabled
 * and RCU still counting it online. Nothing moves yet: its callbacks stay
 * queued until rcutree_dead_cpu().
 */
int rcutree_dying_cpu(unsigned int cpu)
{
	struct rcu_state *rsp;
	int i;

	if (WARN_ON_ONCE(cpu >= rcu_sched_state.geo.nr_cpus ||
			 cpu != smp_processor_id() || !irqs_disabled()))
		return -EINVAL;
	for_each_rcu_flavour(i, rsp)
		if (WARN(!rsp->rda[cpu]->online,
			 "rcu: %s: CPU %d dying but not online in RCU\n",
			 rsp->name, cpu))
			return -EINVAL;
	return 0;
}

/*
 * @cpu is dead: this CPU adopts its callbacks and the tree stops waiting
 * for it. Context: process, on an online CPU other than @cpu.
 */
int rcutree_dead_cpu(unsigned int cpu)
{
	struct rcu_state *rsp;
	unsigned long flags;
	int i;

	if (WARN_ON_ONCE(cpu >= rcu_sched_state.geo.nr_cpus ||
			 cpu == smp_processor_id() || cpu_online(cpu)))
		return -EINVAL;
	local_irq_save(flags);
	for_each_rcu_flavour(i, rsp)
		rcu_state_cpu_dead(rsp, cpu, rsp->rda[smp_processor_id()]);
	local_irq_restore(flags);
	invoke_rcu_core();
	return 0;
}

/* Boot. */

/*
 * Builds both flavours' trees for the nr_cpu_ids CPUs chosen at boot,
 * prepares the CPUs already online (the machine calls
 * rcutree_prepare_cpu() for later ones) and registers RCU_SOFTIRQ.
 */
/* Resets a fanout pair that cannot build the tree to the defaults. */
static void __init rcu_check_fanout_params(void)
{
	struct rcu_geometry geo;

	if (!rcu_geometry_compute(nr_cpu_ids, rcu_fanout, rcu_fanout_leaf,
				  &geo) && geo.nodes <= RCU_NUM_NODES)
		return;
	pr_err("invalid rcutree.rcu_fanout=%d rcutree.rcu_fanout_leaf=%d for %u CPUs (at most 4 levels, %d nodes): using %d and %d\n",
	       rcu_fanout, rcu_fanout_leaf, nr_cpu_ids, (int)RCU_NUM_NODES,
	       RCU_FANOUT, RCU_FANOUT_LEAF);
	rcu_fanout = RCU_FANOUT;
	rcu_fanout_leaf = RCU_FANOUT_LEAF;
}

void __init rcu_init(void)
{
	struct rcu_dynticks *rdtp;
	struct rcu_data *pcpu_data;
	struct rcu_state *rsp;
	int cpu, i;

	rcu_check_fanout_params();

	/* Every boot starts from scratch: the machine may boot again. */
	for_each_possible_cpu(cpu) {
		rdtp = per_cpu_ptr(&rcu_dynticks, cpu);
		rdtp->dynticks_nesting = 1;
		atomic_set(&rdtp->dynticks, 1);
	}
	for_each_rcu_flavour(i, rsp) {
		pcpu_data = rsp->pcpu_data;
		memset(rsp, 0, sizeof(*rsp));
		rsp->pcpu_data = pcpu_data;
		rsp->machine_cpus = true;
		if (rcu_init_one(rsp, i ? "rcu_bh" : "rcu_sched", nr_cpu_ids,
				 NULL, NULL))
			panic("rcu: cannot build the rcu_node tree for %u CPUs\n",
			      nr_cpu_ids);
	}
	rcu_misuse_reports = 0;
	lkl_rcu_head_set_reset();

	rsp = &rcu_sched_state;
	pr_info("Hierarchical RCU: %u CPUs, %d levels, %d nodes, fanout %d, leaf fanout %d\n",
		nr_cpu_ids, rsp->geo.levels, rsp->geo.nodes, rcu_fanout,
		rcu_fanout_leaf);
	if (blimit < 1 || qlowmark < 0 || qhimark < qlowmark)
		pr_warn("rcutree.blimit=%ld qhimark=%ld qlowmark=%ld: expected blimit >= 1 and qhimark >= qlowmark >= 0\n",
			blimit, qhimark, qlowmark);

	for_each_online_cpu(cpu)
		rcutree_prepare_cpu(cpu);
	rcu_boot_jiffies = jiffies;
	open_softirq(RCU_SOFTIRQ, rcu_process_callbacks);
	rcu_early_boot_tests();
}

/* Statistics. */

/* Sums @rsp's counters into @stats. Context: any; a racy snapshot. */
static void rcu_tree_sum_stats(struct rcu_state *rsp,
			       struct lkl_rcu_tree_stats *stats)
{
	struct lkl_rcu_stats *common = &stats->common;
	struct rcu_data *rdp;
	unsigned long batch;
	int cpu;

	memset(stats, 0, sizeof(*stats));
	common->gp_completed = READ_ONCE(rsp->n_gp_completed);
	common->gp_with_callbacks = READ_ONCE(rsp->n_gp_with_cbs);
	common->cbs_pending = atomic_long_read(&rsp->cbs_pending);
	common->max_pending = atomic_long_read(&rsp->cbs_pending_max);
	for (cpu = 0; cpu < rsp->geo.nr_cpus; cpu++) {
		rdp = rsp->rda[cpu];
		common->cbs_queued += READ_ONCE(rdp->n_cbs_queued);
		common->cbs_rejected += READ_ONCE(rdp->n_cbs_rejected);
		common->cbs_invoked_kfree += READ_ONCE(rdp->n_cbs_kfree);
		common->cbs_invoked_func += READ_ONCE(rdp->n_cbs_invoked) -
					    READ_ONCE(rdp->n_cbs_kfree);
		batch = READ_ONCE(rdp->n_batch_max);
		common->max_batch = max(common->max_batch, batch);
		stats->cbs_adopted += READ_ONCE(rdp->n_cbs_adopted);
		stats->cbs_orphaned += READ_ONCE(rdp->n_cbs_orphaned);
		stats->blimit_raised_passes += READ_ONCE(rdp->n_blimit_raised);
		stats->fqs_idle += READ_ONCE(rdp->dynticks_fqs);
		stats->fqs_offline += READ_ONCE(rdp->offline_fqs);
		stats->fqs_resched += READ_ONCE(rdp->resched_ipi);
	}
	stats->gp_started = READ_ONCE(rsp->n_gp_started);
	stats->gp_max_jiffies = READ_ONCE(rsp->gp_max);
	stats->fqs_passes = READ_ONCE(rsp->n_force_qs);
	stats->jiffies_since_boot = jiffies - rcu_boot_jiffies;
}

int lkl_rcu_tree_get_stats(enum lkl_rcu_flavour flavour,
			   struct lkl_rcu_tree_stats *stats)
{
	if (flavour < 0 || flavour >= ARRAY_SIZE(rcu_flavours))
		return -EINVAL;
	rcu_tree_sum_stats(rcu_flavours[flavour], stats);
	return 0;
}

int lkl_rcu_get_stats(enum lkl_rcu_flavour flavour,
		      struct lkl_rcu_stats *stats)
{
	struct lkl_rcu_tree_stats tree;
	int ret;

	ret = lkl_rcu_tree_get_stats(flavour, &tree);
	if (!ret)
		*stats = tree.common;
	return ret;
}

/* Test support. */

/* Returns the number of callbacks in segment @seg of @rdp's list. */
long rcu_segment_len(struct rcu_data *rdp, int seg)
{
	struct rcu_head **pp;
	struct rcu_head *const *start;
	long n = 0;

	if (WARN_ON_ONCE(seg < 0 || seg >= RCU_NEXT_SIZE))
		return -1;
	start = seg == RCU_DONE_TAIL ? &rdp->nxtlist : rdp->nxttail[seg - 1];
	for (pp = (struct rcu_head **)start; pp != rdp->nxttail[seg];
	     pp = &(*pp)->next)
		n++;
	return n;
}

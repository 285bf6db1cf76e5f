// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite for the Tree RCU rcu_node geometry: the shape computed for
 * several CPU counts and fanouts, the structural rules every shape obeys,
 * and the booted tree, whose ranges, parents and ->qsmaskinit must match
 * the computed shape and the online CPUs.
 */
#include <kunit/test.h>

#include <linux/cpu.h>
#include <linux/cpumask.h>
#include <linux/errno.h>
#include <linux/kernel.h>
#include <linux/slab.h>

#include "../../kernel-src/rcutree.h"

struct geometry_case {
	int nr_cpus;
	int fanout;
	int leaf_fanout;
	int ret;
	int levels;
	int levelcnt[RCU_MAX_LVLS];
	int nodes;
};

static const struct geometry_case geometry_cases[] = {
	{ 1, 64, 16, 0, 1, { 1 }, 1 },
	{ 16, 64, 16, 0, 1, { 1 }, 1 },
	{ 17, 64, 16, 0, 2, { 1, 2 }, 3 },
	{ 64, 64, 16, 0, 2, { 1, 4 }, 5 },
	{ 1024, 64, 16, 0, 2, { 1, 64 }, 65 },
	{ 1025, 64, 16, 0, 3, { 1, 2, 65 }, 68 },
	{ 4096, 64, 16, 0, 3, { 1, 4, 256 }, 261 },
	{ 16, 2, 2, 0, 4, { 1, 2, 4, 8 }, 15 },
	{ 9, 2, 2, 0, 4, { 1, 2, 3, 5 }, 11 },
	{ 17, 2, 2, -EINVAL },		/* needs a fifth level */
	{ 0, 64, 16, -EINVAL },
	{ 16, 1, 16, -EINVAL },		/* fanout below 2 */
	{ 16, 64, 17, -EINVAL },	/* leaf fanout above 16 */
	{ 16, BITS_PER_LONG + 1, 16, -EINVAL },
};

static void geometry_case_desc(const struct geometry_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%d CPUs, fanout %d, leaf %d",
		 c->nr_cpus, c->fanout, c->leaf_fanout);
}

KUNIT_ARRAY_PARAM(geometry, geometry_cases, geometry_case_desc);

/* Levels and nodes per level match the table. */
static void geometry_shape_matches_table(struct kunit *test)
{
	const struct geometry_case *c = test->param_value;
	struct rcu_geometry geo;
	int i;

	KUNIT_ASSERT_EQ(test, rcu_geometry_compute(c->nr_cpus, c->fanout,
						   c->leaf_fanout, &geo),
			c->ret);
	if (c->ret)
		return;
	KUNIT_EXPECT_EQ(test, geo.levels, c->levels);
	KUNIT_EXPECT_EQ(test, geo.nodes, c->nodes);
	for (i = 0; i < c->levels; i++)
		KUNIT_EXPECT_EQ_MSG(test, geo.levelcnt[i], c->levelcnt[i],
				    "level %d", i);
}

/*
 * Every node covers at least one CPU, lies inside its parent, has a
 * distinct bit there within the fanout, and the leaves partition the CPUs
 * in order.
 */
static void geometry_nodes_are_consistent(struct kunit *test)
{
	const struct geometry_case *c = test->param_value;
	struct rcu_node_layout *nodes;
	unsigned long *childmask;
	struct rcu_geometry geo;
	int i, next_cpu, leaf_level;

	if (c->ret)
		kunit_skip(test, "no tree for this case");
	KUNIT_ASSERT_EQ(test, rcu_geometry_compute(c->nr_cpus, c->fanout,
						   c->leaf_fanout, &geo), 0);
	nodes = kunit_kcalloc(test, geo.nodes, sizeof(*nodes), GFP_KERNEL);
	childmask = kunit_kcalloc(test, geo.nodes, sizeof(*childmask),
				  GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, nodes);
	KUNIT_ASSERT_NOT_NULL(test, childmask);
	for (i = 0; i < geo.nodes; i++)
		KUNIT_ASSERT_EQ(test, rcu_geometry_node(&geo, i, &nodes[i]), 0);
	KUNIT_EXPECT_EQ(test, rcu_geometry_node(&geo, geo.nodes, &nodes[0]),
			-EINVAL);

	KUNIT_EXPECT_EQ(test, nodes[0].parent, -1);
	KUNIT_EXPECT_EQ(test, nodes[0].grplo, 0);
	KUNIT_EXPECT_EQ(test, nodes[0].grphi, c->nr_cpus - 1);
	for (i = 1; i < geo.nodes; i++) {
		const struct rcu_node_layout *n = &nodes[i];
		const struct rcu_node_layout *p;

		KUNIT_EXPECT_LE_MSG(test, n->grplo, n->grphi, "node %d", i);
		KUNIT_ASSERT_GE_MSG(test, n->parent, 0, "node %d", i);
		KUNIT_ASSERT_LT_MSG(test, n->parent, i, "node %d", i);
		p = &nodes[n->parent];
		KUNIT_EXPECT_EQ_MSG(test, p->level, n->level - 1, "node %d", i);
		KUNIT_EXPECT_LE_MSG(test, p->grplo, n->grplo, "node %d", i);
		KUNIT_EXPECT_GE_MSG(test, p->grphi, n->grphi, "node %d", i);
		KUNIT_EXPECT_LT_MSG(test, n->grpnum,
				    geo.levelspread[n->level - 1], "node %d", i);
		KUNIT_EXPECT_LE_MSG(test, geo.levelspread[n->level - 1],
				    c->fanout, "node %d", i);
		KUNIT_EXPECT_FALSE_MSG(test,
				       childmask[n->parent] & (1UL << n->grpnum),
				       "node %d reuses bit %d", i, n->grpnum);
		childmask[n->parent] |= 1UL << n->grpnum;
	}

	/* Leaves: consecutive, at most leaf_fanout CPUs each. */
	leaf_level = geo.levels - 1;
	next_cpu = 0;
	for (i = geo.levelfirst[leaf_level]; i < geo.nodes; i++) {
		KUNIT_EXPECT_EQ_MSG(test, nodes[i].level, leaf_level,
				    "node %d", i);
		KUNIT_EXPECT_EQ_MSG(test, nodes[i].grplo, next_cpu,
				    "node %d", i);
		KUNIT_EXPECT_LE_MSG(test, nodes[i].grphi - nodes[i].grplo + 1,
				    c->leaf_fanout, "node %d", i);
		next_cpu = nodes[i].grphi + 1;
	}
	KUNIT_EXPECT_EQ(test, next_cpu, c->nr_cpus);
}

/* Balanced spreads: 17 CPUs in two leaves of 9 and 8, not 16 and 1. */
static void geometry_spreads_are_balanced(struct kunit *test)
{
	struct rcu_node_layout leaf0, leaf1;
	struct rcu_geometry geo;

	KUNIT_ASSERT_EQ(test, rcu_geometry_compute(17, 64, 16, &geo), 0);
	KUNIT_ASSERT_EQ(test, rcu_geometry_node(&geo, 1, &leaf0), 0);
	KUNIT_ASSERT_EQ(test, rcu_geometry_node(&geo, 2, &leaf1), 0);
	KUNIT_EXPECT_EQ(test, leaf0.grphi, 8);
	KUNIT_EXPECT_EQ(test, leaf1.grplo, 9);
	KUNIT_EXPECT_EQ(test, leaf1.grphi, 16);
	KUNIT_EXPECT_EQ(test, leaf1.grpnum, 1);
}

/* The build-time node array fits the largest tree CONFIG_NR_CPUS needs. */
static void geometry_fits_node_array(struct kunit *test)
{
	struct rcu_geometry geo;

	KUNIT_ASSERT_EQ(test, rcu_geometry_compute(CONFIG_NR_CPUS, RCU_FANOUT,
						   RCU_FANOUT_LEAF, &geo), 0);
	KUNIT_EXPECT_EQ(test, geo.nodes, RCU_NUM_NODES);
	KUNIT_EXPECT_EQ(test, geo.levels, RCU_NUM_LVLS);
}

/* The booted tree follows rcu_geometry_compute() for nr_cpu_ids. */
static void booted_tree_matches_geometry(struct kunit *test)
{
	struct rcu_state *rsp = &rcu_sched_state;
	struct rcu_node_layout layout;
	struct rcu_geometry geo;
	int i;

	KUNIT_ASSERT_EQ(test, rcu_geometry_compute(nr_cpu_ids, RCU_FANOUT,
						   RCU_FANOUT_LEAF, &geo), 0);
	KUNIT_EXPECT_EQ(test, rsp->geo.nr_cpus, (int)nr_cpu_ids);
	KUNIT_EXPECT_EQ(test, rsp->geo.levels, geo.levels);
	KUNIT_ASSERT_EQ(test, rsp->geo.nodes, geo.nodes);
	for (i = 0; i < geo.nodes; i++) {
		struct rcu_node *rnp = &rsp->node[i];

		KUNIT_ASSERT_EQ(test, rcu_geometry_node(&geo, i, &layout), 0);
		KUNIT_EXPECT_EQ_MSG(test, rnp->grplo, layout.grplo, "node %d", i);
		KUNIT_EXPECT_EQ_MSG(test, rnp->grphi, layout.grphi, "node %d", i);
		KUNIT_EXPECT_EQ_MSG(test, rnp->level, layout.level, "node %d", i);
		if (layout.parent < 0) {
			KUNIT_EXPECT_NULL(test, rnp->parent);
			continue;
		}
		KUNIT_EXPECT_PTR_EQ_MSG(test, rnp->parent,
					&rsp->node[layout.parent], "node %d", i);
		KUNIT_EXPECT_EQ_MSG(test, rnp->grpmask, 1UL << layout.grpnum,
				    "node %d", i);
	}
}

/*
 * A leaf's ->qsmaskinit has the bits of its online CPUs; an interior
 * node's has the bits of children with any online CPU.
 */
static void booted_qsmaskinit_tracks_online_cpus(struct kunit *test)
{
	struct rcu_state *rsp = &rcu_sched_state;
	struct rcu_node *rnp;
	unsigned long expect[RCU_NUM_NODES];
	int cpu, i;

	memset(expect, 0, sizeof(expect));
	cpus_read_lock();
	for_each_online_cpu(cpu) {
		rnp = rsp->rda[cpu]->mynode;
		expect[rnp - rsp->node] |= 1UL << (cpu - rnp->grplo);
	}
	for (i = rsp->geo.nodes - 1; i > 0; i--)
		if (expect[i])
			expect[rsp->node[i].parent - rsp->node] |=
				rsp->node[i].grpmask;
	for (i = 0; i < rsp->geo.nodes; i++)
		KUNIT_EXPECT_EQ_MSG(test, READ_ONCE(rsp->node[i].qsmaskinit),
				    expect[i], "node %d", i);
	cpus_read_unlock();
}

static struct kunit_case rcu_tree_geometry_cases[] = {
	KUNIT_CASE_PARAM(geometry_shape_matches_table, geometry_gen_params),
	KUNIT_CASE_PARAM(geometry_nodes_are_consistent, geometry_gen_params),
	KUNIT_CASE(geometry_spreads_are_balanced),
	KUNIT_CASE(geometry_fits_node_array),
	KUNIT_CASE(booted_tree_matches_geometry),
	KUNIT_CASE(booted_qsmaskinit_tracks_online_cpus),
	{}
};

static struct kunit_suite rcu_tree_geometry_suite = {
	.name = "rcu_tree_geometry",
	.test_cases = rcu_tree_geometry_cases,
};

kunit_test_suite(rcu_tree_geometry_suite);

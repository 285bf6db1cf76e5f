/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <trace/events/rcu.h>: the RCU tracepoints of
 * Linux 6.1 with their 6.1 prototypes, all compiled out as when
 * CONFIG_RCU_TRACE is off. Each trace_rcu_*() call still type-checks its
 * arguments, and none records anything.
 */
#ifndef _TRACE_RCU_H
#define _TRACE_RCU_H

#include <linux/types.h>
#include <linux/tracepoint.h>

struct rcu_segcblist;

/* NOTE: tracing is not emulated, so CONFIG_RCU_TRACE has no effect here. */

/* "Start <activity>" and "End <activity>" markers. */
DECLARE_EVENT_NOP(rcu_utilization,
	TP_PROTO(const char *s),
	TP_ARGS(s))

/* Grace-period events: @gpevent names the step ("start", "end", ...). */
DECLARE_EVENT_NOP(rcu_grace_period,
	TP_PROTO(const char *rcuname, unsigned long gp_seq,
		 const char *gpevent),
	TP_ARGS(rcuname, gp_seq, gpevent))

DECLARE_EVENT_NOP(rcu_future_grace_period,
	TP_PROTO(const char *rcuname, unsigned long gp_seq,
		 unsigned long gp_seq_req, u8 level, int grplo, int grphi,
		 const char *gpevent),
	TP_ARGS(rcuname, gp_seq, gp_seq_req, level, grplo, grphi, gpevent))

DECLARE_EVENT_NOP(rcu_grace_period_init,
	TP_PROTO(const char *rcuname, unsigned long gp_seq, u8 level,
		 int grplo, int grphi, unsigned long qsmask),
	TP_ARGS(rcuname, gp_seq, level, grplo, grphi, qsmask))

DECLARE_EVENT_NOP(rcu_exp_grace_period,
	TP_PROTO(const char *rcuname, unsigned long gpseq,
		 const char *gpevent),
	TP_ARGS(rcuname, gpseq, gpevent))

DECLARE_EVENT_NOP(rcu_exp_funnel_lock,
	TP_PROTO(const char *rcuname, u8 level, int grplo, int grphi,
		 const char *gpevent),
	TP_ARGS(rcuname, level, grplo, grphi, gpevent))

DECLARE_EVENT_NOP(rcu_nocb_wake,
	TP_PROTO(const char *rcuname, int cpu, const char *reason),
	TP_ARGS(rcuname, cpu, reason))

DECLARE_EVENT_NOP(rcu_preempt_task,
	TP_PROTO(const char *rcuname, int pid, unsigned long gp_seq),
	TP_ARGS(rcuname, pid, gp_seq))

DECLARE_EVENT_NOP(rcu_unlock_preempted_task,
	TP_PROTO(const char *rcuname, unsigned long gp_seq, int pid),
	TP_ARGS(rcuname, gp_seq, pid))

DECLARE_EVENT_NOP(rcu_quiescent_state_report,
	TP_PROTO(const char *rcuname, unsigned long gp_seq,
		 unsigned long mask, unsigned long qsmask, u8 level,
		 int grplo, int grphi, int gp_tasks),
	TP_ARGS(rcuname, gp_seq, mask, qsmask, level, grplo, grphi,
		gp_tasks))

DECLARE_EVENT_NOP(rcu_fqs,
	TP_PROTO(const char *rcuname, unsigned long gp_seq, int cpu,
		 const char *qsevent),
	TP_ARGS(rcuname, gp_seq, cpu, qsevent))

DECLARE_EVENT_NOP(rcu_stall_warning,
	TP_PROTO(const char *rcuname, const char *msg),
	TP_ARGS(rcuname, msg))

DECLARE_EVENT_NOP(rcu_dyntick,
	TP_PROTO(const char *polarity, long oldnesting, long newnesting,
		 int dynticks),
	TP_ARGS(polarity, oldnesting, newnesting, dynticks))

/* Callback queueing and invocation. */
DECLARE_EVENT_NOP(rcu_callback,
	TP_PROTO(const char *rcuname, struct rcu_head *rhp, long qlen),
	TP_ARGS(rcuname, rhp, qlen))

DECLARE_EVENT_NOP(rcu_segcb_stats,
	TP_PROTO(struct rcu_segcblist *rs, const char *ctx),
	TP_ARGS(rs, ctx))

DECLARE_EVENT_NOP(rcu_kvfree_callback,
	TP_PROTO(const char *rcuname, struct rcu_head *rhp,
		 unsigned long offset, long qlen),
	TP_ARGS(rcuname, rhp, offset, qlen))

DECLARE_EVENT_NOP(rcu_batch_start,
	TP_PROTO(const char *rcuname, long qlen, long blimit),
	TP_ARGS(rcuname, qlen, blimit))

DECLARE_EVENT_NOP(rcu_invoke_callback,
	TP_PROTO(const char *rcuname, struct rcu_head *rhp),
	TP_ARGS(rcuname, rhp))

DECLARE_EVENT_NOP(rcu_invoke_kvfree_callback,
	TP_PROTO(const char *rcuname, struct rcu_head *rhp,
		 unsigned long offset),
	TP_ARGS(rcuname, rhp, offset))

DECLARE_EVENT_NOP(rcu_invoke_kfree_bulk_callback,
	TP_PROTO(const char *rcuname, unsigned long nr_records, void **p),
	TP_ARGS(rcuname, nr_records, p))

DECLARE_EVENT_NOP(rcu_batch_end,
	TP_PROTO(const char *rcuname, int callbacks_invoked, char cb,
		 char nr, char iit, char risk),
	TP_ARGS(rcuname, callbacks_invoked, cb, nr, iit, risk))

DECLARE_EVENT_NOP(rcu_torture_read,
	TP_PROTO(const char *rcutorturename, struct rcu_head *rhp,
		 unsigned long secs, unsigned long c_old, unsigned long c),
	TP_ARGS(rcutorturename, rhp, secs, c_old, c))

DECLARE_EVENT_NOP(rcu_barrier,
	TP_PROTO(const char *rcuname, const char *s, int cpu, int cnt,
		 unsigned long done),
	TP_ARGS(rcuname, s, cpu, cnt, done))

#endif /* _TRACE_RCU_H */

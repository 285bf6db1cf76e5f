/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/tracepoint.h>, reduced to what a build
 * without tracing needs: DECLARE_EVENT_NOP() turns each event into an empty
 * static inline trace_<event>() whose prototype still type-checks the
 * arguments at every call site, and trace_<event>_enabled() returns false.
 * Not provided: DECLARE_TRACE(), TRACE_EVENT(), probes and the ring buffer.
 */
#ifndef _LINUX_TRACEPOINT_H
#define _LINUX_TRACEPOINT_H

#include <linux/types.h>
#include <linux/stddef.h>
#include <linux/compiler.h>

#define PARAMS(args...)	args
#define TP_PROTO(args...)	args
#define TP_ARGS(args...)	args

/* Nothing records string addresses, so a tracepoint string is the string. */
#define tracepoint_string(str)	str
#define __tracepoint_string

/* An event that is compiled out: calls type-check and then do nothing. */
#define DECLARE_EVENT_NOP(name, proto, args)				\
	static inline void trace_##name(proto)				\
	{								\
	}								\
	static inline bool trace_##name##_enabled(void)			\
	{								\
		return false;						\
	}

#endif /* _LINUX_TRACEPOINT_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/compiler_types.h>, force-included into
 * every kernel-side file by the build. The sparse address-space and context
 * annotations are empty: nothing here runs sparse. Lock-context checking
 * (__acquires and friends) is done at run time by the shim's lock code.
 */
#ifndef _LINUX_COMPILER_TYPES_H
#define _LINUX_COMPILER_TYPES_H

#ifndef __ASSEMBLY__

#include <linux/compiler_attributes.h>

/* Sparse annotations: no-ops for clang and GCC. */
#define __user
#define __kernel
#define __iomem
#define __percpu
#define __rcu
#define __private
#define __safe
#define __force
#define __nocast
#define __bitwise
#define __chk_user_ptr(x)		((void)0)
#define __chk_io_ptr(x)			((void)0)
#define __must_hold(x)
#define __acquires(x)
#define __releases(x)
#define __acquire(x)			((void)0)
#define __release(x)			((void)0)
#define __cond_lock(x, c)		(c)
#define ACCESS_PRIVATE(p, member)	((p)->member)

/* Placement and instrumentation attributes. */
#define notrace				__attribute__((__no_instrument_function__))
#define __always_inline_notrace		__always_inline notrace
#define noinstr				noinline notrace
#define __no_kcsan
#define __no_sanitize_or_inline		__always_inline
#define __noinstr_section(s)
#define __cpuidle
#define __kprobes
#define nokprobe_inline			__always_inline
#define __naked				__attribute__((__naked__)) notrace
#define __noclone
#define __latent_entropy
#define __randomize_layout
#define __no_randomize_layout
#define randomized_struct_fields_start	struct {
#define randomized_struct_fields_end	};
#define __nocfi
#define __ro_after_init
#define __read_mostly
#define __rcu_read_mostly

/* inline means always-inline in the kernel only with some configs; not here. */
#define noinline_for_stack		noinline
#define __compiler_offsetof(a, b)	__builtin_offsetof(a, b)

/* Token pasting after macro expansion of both sides. */
#define ___PASTE(a, b)			a##b
#define __PASTE(a, b)			___PASTE(a, b)

/* An identifier unique within the translation unit. */
#define __UNIQUE_ID(prefix) __PASTE(__PASTE(__UNIQUE_ID_, prefix), __COUNTER__)

/* True if the types of a and b are the same, ignoring nothing. */
#define __same_type(a, b)	__builtin_types_compatible_p(typeof(a), typeof(b))

/*
 * __unqual_scalar_typeof(x): the type of x without const or volatile, for
 * scalar types; other types are passed through. Used by READ_ONCE() so that
 * the value it returns is not itself volatile.
 */
#define __scalar_type_to_expr_cases(type)			\
		unsigned type:	(unsigned type)0,		\
		signed type:	(signed type)0

#define __unqual_scalar_typeof(x) typeof(				\
		_Generic((x),						\
			 char:	(char)0,				\
			 __scalar_type_to_expr_cases(char),		\
			 __scalar_type_to_expr_cases(short),		\
			 __scalar_type_to_expr_cases(int),		\
			 __scalar_type_to_expr_cases(long),		\
			 __scalar_type_to_expr_cases(long long),	\
			 _Bool: (_Bool)0,				\
			 default: (x)))

/* Native word sizes that a single load or store can access untorn. */
#define __native_word(t) \
	(sizeof(t) == sizeof(char) || sizeof(t) == sizeof(short) || \
	 sizeof(t) == sizeof(int) || sizeof(t) == sizeof(long))

/*
 * compiletime_assert(): fail the build with msg if condition is false.
 * The extern function carries the error attribute, so the compiler reports
 * msg at the call site if (and only if) the call survives constant folding.
 * Clang folds the condition even at -O0 for constant expressions.
 */
#define __compiletime_error(msg)	__attribute__((__error__(msg)))

#define __compiletime_assert(condition, msg, prefix, suffix)		\
	do {								\
		extern void prefix ## suffix(void)			\
			__compiletime_error(msg);			\
		if (!(condition))					\
			prefix ## suffix();				\
	} while (0)

#define _compiletime_assert(condition, msg, prefix, suffix) \
	__compiletime_assert(condition, msg, prefix, suffix)

#define compiletime_assert(condition, msg) \
	_compiletime_assert(condition, msg, __compiletime_assert_, __COUNTER__)

#define compiletime_assert_atomic_type(t)				\
	compiletime_assert(__native_word(t),				\
		"Need native word sized stores/loads for atomicity.")

#endif /* __ASSEMBLY__ */

#endif /* _LINUX_COMPILER_TYPES_H */

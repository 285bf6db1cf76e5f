/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/moduleparam.h>. Each parameter is a
 * struct kernel_param record in the ELF section lkl_param, each
 * MODULE_PARM_DESC() a struct lkl_param_desc in lkl_param_desc and each
 * __setup()/early_param() a struct obs_kernel_param in lkl_setup.
 * lkl_parse_param() (lkl-shim/params.c) sets them from the command line.
 *
 * module_param() names are prefixed with MODULE_PARAM_PREFIX, which is
 * KBUILD_MODNAME "." unless the file redefines it (kernel/rcu/tree.c uses
 * "rcutree."); core_param() names have no prefix. There is no sysfs, so perm
 * is recorded but only checked for being a constant.
 */
#ifndef _LINUX_MODULEPARAM_H
#define _LINUX_MODULEPARAM_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/init.h>
#include <linux/stringify.h>
#include <linux/build_bug.h>
#include <linux/array_size.h>

#ifndef MODULE_PARAM_PREFIX
#define MODULE_PARAM_PREFIX KBUILD_MODNAME "."
#endif

/* Maximum length of a parameter value printed by a get operation. */
#define LKL_PARAM_GET_BUF_SIZE	4096

struct kernel_param;
struct module;

enum {
	/* The parameter may be given without a value ("foo" for "foo=1"). */
	KERNEL_PARAM_OPS_FL_NOARG = (1 << 0)
};

struct kernel_param_ops {
	unsigned int flags;
	/* Parses val into kp->arg; returns 0 or a negative errno. */
	int (*set)(const char *val, const struct kernel_param *kp);
	/*
	 * Prints the value into buffer (LKL_PARAM_GET_BUF_SIZE bytes) with a
	 * trailing newline; returns the length or a negative errno.
	 */
	int (*get)(char *buffer, const struct kernel_param *kp);
	void (*free)(void *arg);
};

enum {
	KERNEL_PARAM_FL_UNSAFE	= (1 << 0),
	KERNEL_PARAM_FL_HWPARAM	= (1 << 1),
};

struct kernel_param {
	const char *name;
	struct module *mod;
	const struct kernel_param_ops *ops;
	const u16 perm;
	s8 level;
	u8 flags;
	union {
		void *arg;
		const struct kparam_string *str;
		const struct kparam_array *arr;
	};
};

/* A fixed-size string buffer parameter (module_param_string()). */
struct kparam_string {
	unsigned int maxlen;
	char *string;
};

/* An array parameter: comma-separated values, *num set to the count given. */
struct kparam_array {
	unsigned int max;
	unsigned int elemsize;
	unsigned int *num;
	const struct kernel_param_ops *ops;
	void *elem;
};

/* The help text of a parameter, matched to it by full name. */
struct lkl_param_desc {
	const char *name;
	const char *desc;
};

/*
 * A __setup() or early_param() handler. str is the option name including
 * any trailing '='. __setup() handlers return 1 when they accept the value;
 * early_param() handlers return 0 on success.
 */
struct obs_kernel_param {
	const char *str;
	int (*setup_func)(char *val);
	int early;
};

#define __lkl_param_section(sec, type)					\
	__used __section(sec) __aligned(__alignof__(type))

#define __module_param_call(prefix, name, ops, arg, perm, level, flags)	\
	static const char __param_str_##name[] = prefix #name;		\
	static const struct kernel_param __param_##name			\
		__lkl_param_section("lkl_param", struct kernel_param) =	\
		{ __param_str_##name, NULL, ops,			\
		  (u16)BUILD_BUG_ON_ZERO(!__builtin_constant_p(perm)) + (perm), \
		  level, flags, { arg } }

#define module_param_cb(name, ops, arg, perm)				\
	__module_param_call(MODULE_PARAM_PREFIX, name, ops, arg, perm, -1, 0)

#define module_param_cb_unsafe(name, ops, arg, perm)			\
	__module_param_call(MODULE_PARAM_PREFIX, name, ops, arg, perm, -1, \
			    KERNEL_PARAM_FL_UNSAFE)

/* Fails to compile if p does not point to a value of the parameter's type. */
#define __param_check(name, p, type)					\
	static inline type __always_unused *__check_##name(void) { return (p); }

#define param_check_byte(name, p)	__param_check(name, p, unsigned char)
#define param_check_short(name, p)	__param_check(name, p, short)
#define param_check_ushort(name, p)	__param_check(name, p, unsigned short)
#define param_check_int(name, p)	__param_check(name, p, int)
#define param_check_uint(name, p)	__param_check(name, p, unsigned int)
#define param_check_long(name, p)	__param_check(name, p, long)
#define param_check_ulong(name, p)	__param_check(name, p, unsigned long)
#define param_check_ullong(name, p)	__param_check(name, p, unsigned long long)
#define param_check_hexint(name, p)	param_check_uint(name, p)
#define param_check_charp(name, p)	__param_check(name, p, char *)
#define param_check_bool(name, p)	__param_check(name, p, bool)
#define param_check_invbool(name, p)	__param_check(name, p, bool)

#define module_param_named(name, value, type, perm)			\
	param_check_##type(name, &(value));				\
	module_param_cb(name, &param_ops_##type, &value, perm);		\
	__LKL_PARAM_TYPE_END

/* Swallows the semicolon after module_param() at file scope. */
#define __LKL_PARAM_TYPE_END \
	extern int __lkl_param_type_end_unused

#define module_param(name, type, perm)					\
	module_param_named(name, name, type, perm)

#define module_param_unsafe(name, type, perm)				\
	module_param_named(name, name, type, perm)

#define module_param_string(name, string, len, perm)			\
	static const struct kparam_string __param_string_##name		\
		= { len, string };					\
	__module_param_call(MODULE_PARAM_PREFIX, name,			\
			    &param_ops_string,				\
			    .str = &__param_string_##name, perm, -1, 0); \
	__LKL_PARAM_TYPE_END

#define module_param_array_named(name, array, type, nump, perm)		\
	param_check_##type(name, &(array)[0]);				\
	static const struct kparam_array __param_arr_##name		\
		= { .max = ARRAY_SIZE(array), .num = nump,		\
		    .ops = &param_ops_##type,				\
		    .elemsize = sizeof(array[0]), .elem = array };	\
	__module_param_call(MODULE_PARAM_PREFIX, name,			\
			    &param_array_ops,				\
			    .arr = &__param_arr_##name,			\
			    perm, -1, 0);				\
	__LKL_PARAM_TYPE_END

#define module_param_array(name, type, nump, perm)			\
	module_param_array_named(name, name, type, nump, perm)

/* A parameter without module prefix: "name=value" on the command line. */
#define core_param(name, var, type, perm)				\
	param_check_##type(name, &(var));				\
	__module_param_call("", name, &param_ops_##type, &var, perm, -1, 0)

#define core_param_unsafe(name, var, type, perm)			\
	param_check_##type(name, &(var));				\
	__module_param_call("", name, &param_ops_##type, &var, perm,	\
			    -1, KERNEL_PARAM_FL_UNSAFE)

#define MODULE_PARM_DESC(_parm, desc)					\
	static const struct lkl_param_desc				\
		__PASTE(__lkl_param_desc_, __COUNTER__)			\
		__lkl_param_section("lkl_param_desc",			\
				    struct lkl_param_desc) =		\
		{ MODULE_PARAM_PREFIX #_parm, desc }

#define __lkl_setup_param(str, unique_id, fn, early)			\
	static const char __setup_str_##unique_id[] = str;		\
	static const struct obs_kernel_param __setup_##unique_id	\
		__lkl_param_section("lkl_setup",			\
				    struct obs_kernel_param) =		\
		{ __setup_str_##unique_id, fn, early }

#define __setup(str, fn)	__lkl_setup_param(str, fn, fn, 0)
#define early_param(str, fn)	__lkl_setup_param(str, fn, fn, 1)

/* The standard operations, in lkl-shim/params.c. */
#define __LKL_STD_PARAM(type)						\
	extern const struct kernel_param_ops param_ops_##type;		\
	int param_set_##type(const char *val, const struct kernel_param *kp); \
	int param_get_##type(char *buffer, const struct kernel_param *kp)

__LKL_STD_PARAM(byte);
__LKL_STD_PARAM(short);
__LKL_STD_PARAM(ushort);
__LKL_STD_PARAM(int);
__LKL_STD_PARAM(uint);
__LKL_STD_PARAM(long);
__LKL_STD_PARAM(ulong);
__LKL_STD_PARAM(ullong);
__LKL_STD_PARAM(hexint);
__LKL_STD_PARAM(charp);
__LKL_STD_PARAM(bool);
__LKL_STD_PARAM(invbool);
__LKL_STD_PARAM(string);

extern const struct kernel_param_ops param_array_ops;
void param_free_charp(void *arg);

#endif /* _LINUX_MODULEPARAM_H */

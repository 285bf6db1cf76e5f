/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/module.h>. All code is built in: there
 * is no module loader, THIS_MODULE is NULL, and the MODULE_* information
 * macros are checked for syntax and discarded. module_init() and
 * module_exit() become a device_initcall() and an exit call, as for
 * built-in code in the kernel.
 */
#ifndef _LINUX_MODULE_H
#define _LINUX_MODULE_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/stringify.h>
#include <linux/init.h>
#include <linux/export.h>
#include <linux/moduleparam.h>

struct module;

#define MODULE_NAME_LEN 56

/* A file-scope declaration that consumes the information string. */
#define __LKL_MODULE_INFO(tag, info)					\
	static const char __UNIQUE_ID(__lkl_modinfo_##tag)[]		\
		__maybe_unused = __stringify(tag) "=" info

#define MODULE_LICENSE(_license)	__LKL_MODULE_INFO(license, _license)
#define MODULE_AUTHOR(_author)		__LKL_MODULE_INFO(author, _author)
#define MODULE_DESCRIPTION(_desc)	__LKL_MODULE_INFO(description, _desc)
#define MODULE_ALIAS(_alias)		__LKL_MODULE_INFO(alias, _alias)
#define MODULE_SOFTDEP(_softdep)	__LKL_MODULE_INFO(softdep, _softdep)
#define MODULE_VERSION(_version)	__LKL_MODULE_INFO(version, _version)
#define MODULE_FIRMWARE(_firmware)	__LKL_MODULE_INFO(firmware, _firmware)
#define MODULE_IMPORT_NS(ns)		__LKL_MODULE_INFO(import_ns, #ns)
#define MODULE_INFO(tag, info)		__LKL_MODULE_INFO(tag, info)
#define MODULE_DEVICE_TABLE(type, name)

#define module_init(initfn)		device_initcall(initfn)
#define module_exit(exitfn)		__exitcall(exitfn)

/* Built-in code cannot be unloaded, so a reference always succeeds. */
static inline bool try_module_get(struct module *module)
{
	return true;
}

static inline void module_put(struct module *module)
{
}

static inline void __module_get(struct module *module)
{
}

#define module_name(mod)	"kernel"
#define module_is_live(mod)	true

#endif /* _LINUX_MODULE_H */

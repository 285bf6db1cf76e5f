/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/init.h>. Initcalls are function pointers
 * placed in the ELF sections lkl_initcall0 .. lkl_initcall7 and exit calls
 * in lkl_exitcall; lkl_do_initcalls() and lkl_do_exitcalls() (lkl-shim/
 * params.c) walk them through the linker's __start_ and __stop_ symbols.
 *
 * The init memory is never freed, so __init and __initdata only document.
 * early_initcall() shares level 0 with pure_initcall(), and each _sync level
 * shares the section of its level, so their relative order is link order.
 * NOTE: an object file whose only references are its initcalls is dropped
 * by the linker when it comes from a static archive, unless the program is
 * linked with --whole-archive.
 */
#ifndef _LINUX_INIT_H
#define _LINUX_INIT_H

#include <linux/compiler.h>
#include <linux/types.h>
#include <linux/stringify.h>

#define __init
#define __initdata
#define __initconst
#define __exit
#define __exitdata
#define __exit_call
#define __ref
#define __refdata
#define __refconst
#define __meminit
#define __meminitdata
#define __meminitconst
#define __init_or_module
#define __initdata_or_module
#define __devinit
#define __devexit
#define __nosavedata

typedef int (*initcall_t)(void);
typedef void (*exitcall_t)(void);

/*
 * The pointer is __used so -O2 keeps it, and its alignment is fixed so
 * the section is a plain array of initcall_t.
 */
#define __lkl_define_initcall(fn, level)				\
	static initcall_t __PASTE(__initcall_##fn, __COUNTER__) __used	\
		__section("lkl_initcall" #level)			\
		__aligned(__alignof__(initcall_t)) = fn

#define early_initcall(fn)		__lkl_define_initcall(fn, 0)
#define pure_initcall(fn)		__lkl_define_initcall(fn, 0)
#define core_initcall(fn)		__lkl_define_initcall(fn, 1)
#define core_initcall_sync(fn)		__lkl_define_initcall(fn, 1)
#define postcore_initcall(fn)		__lkl_define_initcall(fn, 2)
#define postcore_initcall_sync(fn)	__lkl_define_initcall(fn, 2)
#define arch_initcall(fn)		__lkl_define_initcall(fn, 3)
#define arch_initcall_sync(fn)		__lkl_define_initcall(fn, 3)
#define subsys_initcall(fn)		__lkl_define_initcall(fn, 4)
#define subsys_initcall_sync(fn)	__lkl_define_initcall(fn, 4)
#define fs_initcall(fn)			__lkl_define_initcall(fn, 5)
#define fs_initcall_sync(fn)		__lkl_define_initcall(fn, 5)
#define rootfs_initcall(fn)		__lkl_define_initcall(fn, 5)
#define device_initcall(fn)		__lkl_define_initcall(fn, 6)
#define device_initcall_sync(fn)	__lkl_define_initcall(fn, 6)
#define late_initcall(fn)		__lkl_define_initcall(fn, 7)
#define late_initcall_sync(fn)		__lkl_define_initcall(fn, 7)

#define __initcall(fn)			device_initcall(fn)

#define __exitcall(fn)							\
	static exitcall_t __PASTE(__exitcall_##fn, __COUNTER__) __used	\
		__section("lkl_exitcall")				\
		__aligned(__alignof__(exitcall_t)) = fn

#define console_initcall(fn)		__lkl_define_initcall(fn, 0)

#endif /* _LINUX_INIT_H */

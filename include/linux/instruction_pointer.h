/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/instruction_pointer.h>: the caller's
 * return address and the current code address, as unsigned long.
 */
#ifndef _LINUX_INSTRUCTION_POINTER_H
#define _LINUX_INSTRUCTION_POINTER_H

#define _RET_IP_	(unsigned long)__builtin_return_address(0)
#define _THIS_IP_	({ __label__ __here; __here: (unsigned long)&&__here; })

#endif /* _LINUX_INSTRUCTION_POINTER_H */

/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/find.h>: searching bitmaps for set and
 * clear bits. Each function returns size when there is no such bit, as in
 * the kernel. These are inline loops, not the kernel's optimized versions.
 */
#ifndef _LINUX_FIND_H
#define _LINUX_FIND_H

#include <linux/types.h>
#include <linux/bits.h>

/*
 * The first bit at or after offset whose value, after XOR with invert (0 or
 * ~0UL), is set.
 */
static inline unsigned long __lkl_find_bit(const unsigned long *addr,
					   unsigned long size,
					   unsigned long offset,
					   unsigned long invert)
{
	unsigned long word;

	if (offset >= size)
		return size;

	word = (addr[BIT_WORD(offset)] ^ invert) &
	       (~0UL << (offset % BITS_PER_LONG));
	offset -= offset % BITS_PER_LONG;
	while (!word) {
		offset += BITS_PER_LONG;
		if (offset >= size)
			return size;
		word = addr[BIT_WORD(offset)] ^ invert;
	}
	offset += __builtin_ctzl(word);
	return offset < size ? offset : size;
}

static inline unsigned long find_next_bit(const unsigned long *addr,
					  unsigned long size,
					  unsigned long offset)
{
	return __lkl_find_bit(addr, size, offset, 0UL);
}

static inline unsigned long find_next_zero_bit(const unsigned long *addr,
					       unsigned long size,
					       unsigned long offset)
{
	return __lkl_find_bit(addr, size, offset, ~0UL);
}

static inline unsigned long find_first_bit(const unsigned long *addr,
					   unsigned long size)
{
	return __lkl_find_bit(addr, size, 0, 0UL);
}

static inline unsigned long find_first_zero_bit(const unsigned long *addr,
						unsigned long size)
{
	return __lkl_find_bit(addr, size, 0, ~0UL);
}

/* The last set bit below size, or size if none is set. */
static inline unsigned long find_last_bit(const unsigned long *addr,
					  unsigned long size)
{
	unsigned long bit = size;

	while (bit-- > 0) {
		if (addr[BIT_WORD(bit)] & BIT_MASK(bit))
			return bit;
	}
	return size;
}

/* The first bit set in both bitmaps. */
static inline unsigned long find_next_and_bit(const unsigned long *addr1,
					      const unsigned long *addr2,
					      unsigned long size,
					      unsigned long offset)
{
	for (; offset < size; offset++) {
		if (addr1[BIT_WORD(offset)] & addr2[BIT_WORD(offset)] &
		    BIT_MASK(offset))
			return offset;
	}
	return size;
}

#define find_first_and_bit(addr1, addr2, size) \
	find_next_and_bit(addr1, addr2, size, 0)

#endif /* _LINUX_FIND_H */

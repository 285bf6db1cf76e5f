/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Stand-in for the kernel's <linux/bitmap.h>: operations on arrays of
 * unsigned long holding nbits bits. Bits past nbits in the last word are
 * ignored by the tests (equal, empty, full, weight) and may be changed by
 * the whole-word operations, as in the kernel.
 * NOTE: bitmap_parse(), bitmap_print_to_pagebuf() and the region/shift
 * operations are not provided.
 */
#ifndef _LINUX_BITMAP_H
#define _LINUX_BITMAP_H

#include <linux/types.h>
#include <linux/bitops.h>
#include <linux/string.h>

#define DECLARE_BITMAP(name, bits) \
	unsigned long name[BITS_TO_LONGS(bits)]

/* Mask of the valid bits in the last word of an nbits bitmap. */
#define BITMAP_LAST_WORD_MASK(nbits) (~0UL >> (-(nbits) & (BITS_PER_LONG - 1)))
#define BITMAP_FIRST_WORD_MASK(start) (~0UL << ((start) & (BITS_PER_LONG - 1)))

static inline void bitmap_zero(unsigned long *dst, unsigned int nbits)
{
	memset(dst, 0, BITS_TO_LONGS(nbits) * sizeof(unsigned long));
}

static inline void bitmap_fill(unsigned long *dst, unsigned int nbits)
{
	memset(dst, 0xff, BITS_TO_LONGS(nbits) * sizeof(unsigned long));
}

static inline void bitmap_copy(unsigned long *dst, const unsigned long *src,
			       unsigned int nbits)
{
	memcpy(dst, src, BITS_TO_LONGS(nbits) * sizeof(unsigned long));
}

/* Each binary operation returns true if the result has any bit set. */
static inline bool bitmap_and(unsigned long *dst, const unsigned long *src1,
			      const unsigned long *src2, unsigned int nbits)
{
	unsigned long any = 0;
	unsigned int k, words = BITS_TO_LONGS(nbits);

	for (k = 0; k < words; k++) {
		dst[k] = src1[k] & src2[k];
		any |= k + 1 == words ?
			dst[k] & BITMAP_LAST_WORD_MASK(nbits) : dst[k];
	}
	return any != 0;
}

static inline void bitmap_or(unsigned long *dst, const unsigned long *src1,
			     const unsigned long *src2, unsigned int nbits)
{
	unsigned int k;

	for (k = 0; k < BITS_TO_LONGS(nbits); k++)
		dst[k] = src1[k] | src2[k];
}

static inline void bitmap_xor(unsigned long *dst, const unsigned long *src1,
			      const unsigned long *src2, unsigned int nbits)
{
	unsigned int k;

	for (k = 0; k < BITS_TO_LONGS(nbits); k++)
		dst[k] = src1[k] ^ src2[k];
}

static inline bool bitmap_andnot(unsigned long *dst,
				 const unsigned long *src1,
				 const unsigned long *src2, unsigned int nbits)
{
	unsigned long any = 0;
	unsigned int k, words = BITS_TO_LONGS(nbits);

	for (k = 0; k < words; k++) {
		dst[k] = src1[k] & ~src2[k];
		any |= k + 1 == words ?
			dst[k] & BITMAP_LAST_WORD_MASK(nbits) : dst[k];
	}
	return any != 0;
}

static inline void bitmap_complement(unsigned long *dst,
				     const unsigned long *src,
				     unsigned int nbits)
{
	unsigned int k;

	for (k = 0; k < BITS_TO_LONGS(nbits); k++)
		dst[k] = ~src[k];
}

static inline bool bitmap_equal(const unsigned long *src1,
				const unsigned long *src2, unsigned int nbits)
{
	unsigned int k, full = nbits / BITS_PER_LONG;

	for (k = 0; k < full; k++)
		if (src1[k] != src2[k])
			return false;
	if (nbits % BITS_PER_LONG &&
	    ((src1[k] ^ src2[k]) & BITMAP_LAST_WORD_MASK(nbits)))
		return false;
	return true;
}

static inline bool bitmap_intersects(const unsigned long *src1,
				     const unsigned long *src2,
				     unsigned int nbits)
{
	unsigned int k, full = nbits / BITS_PER_LONG;

	for (k = 0; k < full; k++)
		if (src1[k] & src2[k])
			return true;
	if (nbits % BITS_PER_LONG &&
	    ((src1[k] & src2[k]) & BITMAP_LAST_WORD_MASK(nbits)))
		return true;
	return false;
}

static inline bool bitmap_empty(const unsigned long *src, unsigned int nbits)
{
	return find_first_bit(src, nbits) == nbits;
}

static inline bool bitmap_full(const unsigned long *src, unsigned int nbits)
{
	return find_first_zero_bit(src, nbits) == nbits;
}

static inline unsigned int bitmap_weight(const unsigned long *src,
					 unsigned int nbits)
{
	unsigned int k, w = 0, full = nbits / BITS_PER_LONG;

	for (k = 0; k < full; k++)
		w += hweight_long(src[k]);
	if (nbits % BITS_PER_LONG)
		w += hweight_long(src[k] & BITMAP_LAST_WORD_MASK(nbits));
	return w;
}

/* Sets (non-atomically) the len bits starting at start. */
static inline void bitmap_set(unsigned long *map, unsigned int start,
			      unsigned int len)
{
	unsigned int i;

	for (i = start; i < start + len; i++)
		__set_bit(i, map);
}

static inline void bitmap_clear(unsigned long *map, unsigned int start,
				unsigned int len)
{
	unsigned int i;

	for (i = start; i < start + len; i++)
		__clear_bit(i, map);
}

#endif /* _LINUX_BITMAP_H */

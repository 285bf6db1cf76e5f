// SPDX-License-Identifier: GPL-2.0
/*
 * printk() for the emulated kernel: log-level filtering (loglevel=), line
 * assembly for KERN_CONT, a timestamp of emulated time, and translation of
 * the kernel's %p extensions before formatting with the host's vsnprintf.
 * Output goes to stdout one whole line per write.
 */

#include <linux/kernel.h>
#include <linux/export.h>
#include <linux/bug.h>
#include <linux/moduleparam.h>
#include <linux/printk.h>
#include <linux/string.h>
#include <linux/bitops.h>
#include <lkl/debug.h>
#include <lkl/host.h>
#include <lkl/machine.h>

/* Messages with a level below this are printed: 7 shows all but KERN_DEBUG. */
int console_loglevel = CONSOLE_LOGLEVEL_DEFAULT;
core_param(loglevel, console_loglevel, int, 0644);
MODULE_PARM_DESC(loglevel,
		 "print messages with a level below this (0-8; 8 adds pr_debug)");

#define LINE_MAX_LEN		1024
#define SYMBOL_MAX_LEN		256

/* The line being assembled from a message and its KERN_CONT pieces. */
static char line_buf[LINE_MAX_LEN];
static size_t line_len;
static int line_level;
static int printk_lock;

static void printk_lock_acquire(void)
{
	while (__atomic_exchange_n(&printk_lock, 1, __ATOMIC_ACQUIRE))
		while (__atomic_load_n(&printk_lock, __ATOMIC_RELAXED))
			__builtin_ia32_pause();
}

static void printk_lock_release(void)
{
	__atomic_store_n(&printk_lock, 0, __ATOMIC_RELEASE);
}

/* Writes one line (text without its newline) with the timestamp prefix. */
static void emit_line(int level, const char *text, size_t len)
{
	char out[LINE_MAX_LEN + 32];
	unsigned long long ns = lkl_emulated_time_ns();
	int n;

	if (level >= READ_ONCE(console_loglevel))
		return;
	n = snprintf(out, sizeof(out), "[%5lu.%06lu] ",
		     (unsigned long)(ns / 1000000000ULL),
		     (unsigned long)(ns % 1000000000ULL / 1000));
	if (len > sizeof(out) - n - 1)
		len = sizeof(out) - n - 1;
	memcpy(out + n, text, len);
	out[n + len] = '\n';
	lkl_host_write(1, out, n + len + 1);
}

/* Emits the buffered partial line, if any, as a line of its own. */
static void flush_line_locked(void)
{
	if (line_len) {
		emit_line(line_level, line_buf, line_len);
		line_len = 0;
	}
}

void lkl_printk_flush(void)
{
	printk_lock_acquire();
	flush_line_locked();
	printk_lock_release();
}

/* Appends text to the line buffer, emitting each completed line. */
static void append_text_locked(const char *text, size_t len)
{
	while (len) {
		const char *nl = memchr(text, '\n', len);
		size_t piece = nl ? (size_t)(nl - text) : len;
		size_t room = sizeof(line_buf) - line_len;

		if (piece >= room) {
			/* Overlong line: emit what fits and continue. */
			memcpy(line_buf + line_len, text, room);
			line_len += room;
			flush_line_locked();
			text += room;
			len -= room;
			continue;
		}
		memcpy(line_buf + line_len, text, piece);
		line_len += piece;
		text += piece;
		len -= piece;
		if (nl) {
			emit_line(line_level, line_buf, line_len);
			line_len = 0;
			text++;
			len--;
		}
	}
}

/* An output buffer that counts what did not fit. */
struct fmt_out {
	char *buf;
	size_t size;
	size_t len;
};

static void out_bytes(struct fmt_out *out, const char *s, size_t n)
{
	if (out->len < out->size) {
		size_t room = out->size - out->len;

		memcpy(out->buf + out->len, s, n < room ? n : room);
	}
	out->len += n;
}

/* NOTE: one conversion is cut to LINE_MAX_LEN - 1 bytes, even in kasprintf(). */
static __printf(2, 3) void out_printf(struct fmt_out *out, const char *fmt, ...)
{
	char tmp[LINE_MAX_LEN];
	va_list args;
	int n;

	va_start(args, fmt);
	n = lkl_host_vsnprintf(tmp, sizeof(tmp), fmt, args);
	va_end(args);
	if (n < 0)
		return;
	out_bytes(out, tmp, (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
}

/* Prints a bitmap of nbits as hex words ("%*pb") or as ranges ("%*pbl"). */
static void out_bitmap(struct fmt_out *out, const unsigned long *bits,
		       int nbits, bool list)
{
	bool first = true;
	int i, start;

	if (!list) {
		int words = BITS_TO_LONGS(nbits);

		for (i = words - 1; i >= 0; i--) {
			/* The kernel groups the hex digits by 32 bits. */
			unsigned long w = bits[i];

			if (i == words - 1 && nbits % BITS_PER_LONG)
				w &= ~0UL >> (BITS_PER_LONG - nbits % BITS_PER_LONG);
			out_printf(out, "%s%08lx,%08lx", first ? "" : ",",
				   w >> 32, w & 0xffffffffUL);
			first = false;
		}
		return;
	}
	for (i = 0; i < nbits; i++) {
		if (!test_bit(i, bits))
			continue;
		start = i;
		while (i + 1 < nbits && test_bit(i + 1, bits))
			i++;
		if (start == i)
			out_printf(out, "%s%d", first ? "" : ",", start);
		else
			out_printf(out, "%s%d-%d", first ? "" : ",", start, i);
		first = false;
	}
}

int lkl_vformat(char *buf, size_t size, const char *fmt,
			  va_list args);

/*
 * Formats one %p conversion with extension letters at *fmtp (after the
 * 'p'); advances *fmtp past every alphanumeric character, as the kernel's
 * vsnprintf() does. field_width is the '*' width, or -1.
 */
static void out_pointer(struct fmt_out *out, const char **fmtp, void *ptr,
			int field_width)
{
	const char *ext = *fmtp;
	char sym[SYMBOL_MAX_LEN];
	char *space;

	while ((**fmtp >= 'a' && **fmtp <= 'z') ||
	       (**fmtp >= 'A' && **fmtp <= 'Z') ||
	       (**fmtp >= '0' && **fmtp <= '9'))
		(*fmtp)++;

	switch (ext[0]) {
	case 'S':
	case 's':
	case 'F':
	case 'f':
	case 'B':
		/*
		 * The symbolizer takes a return address and looks up the
		 * byte before it, so a code address (all but %pB) gets + 1.
		 */
		lkl_host_symbolize((const char *)ptr + (ext[0] != 'B'), sym,
				   sizeof(sym));
		/* %ps and %pf print the function name only. */
		if (ext[0] == 's' || ext[0] == 'f') {
			space = strchr(sym, ' ');
			if (space)
				*space = '\0';
		}
		out_printf(out, "%s", sym);
		return;
	case 'K':
	case 'x':
		out_printf(out, "%016lx", (unsigned long)ptr);
		return;
	case 'e':
		if (IS_ERR(ptr))
			out_printf(out, "%ld", PTR_ERR(ptr));
		else
			out_printf(out, "%016lx", (unsigned long)ptr);
		return;
	case 'a':
		/* %pa and %pap print a phys_addr_t, %pad a dma_addr_t, by reference. */
		out_printf(out, "0x%016llx", *(const unsigned long long *)ptr);
		return;
	case 'b':
		out_bitmap(out, ptr, field_width < 0 ? 0 : field_width,
			   ext[1] == 'l');
		return;
	case 'h': {
		int n = field_width < 0 ? 1 : field_width;
		const unsigned char *p = ptr;
		char sep = ext[1] == 'C' ? ':' : ext[1] == 'D' ? '-' :
			   ext[1] == 'N' ? 0 : ' ';

		for (int i = 0; i < n && i < 64; i++) {
			if (i && sep)
				out_bytes(out, &sep, 1);
			out_printf(out, "%02x", p[i]);
		}
		return;
	}
	case 'V': {
		/* struct va_format { const char *fmt; va_list *va; }. */
		struct { const char *fmt; va_list *va; } *vaf = ptr;
		char tmp[LINE_MAX_LEN];
		va_list va;
		int n;

		va_copy(va, *vaf->va);
		n = lkl_vformat(tmp, sizeof(tmp), vaf->fmt, va);
		va_end(va);
		out_bytes(out, tmp, (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
		return;
	}
	default:
		/* NOTE: other extensions (%pI4, %pM, %pU...) print the raw pointer. */
		if (ext != *fmtp)
			out_printf(out, "%016lx", (unsigned long)ptr);
		else
			out_printf(out, "%p", ptr);
	}
}

/*
 * Formats fmt like the kernel's vsnprintf(): standard conversions are
 * handed to the host one at a time, %p extensions are done here. Returns
 * the length the full output would have.
 */
int lkl_vformat(char *buf, size_t size, const char *fmt,
			  va_list args)
{
	struct fmt_out out = { buf, size ? size - 1 : 0, 0 };
	char spec[32];

	while (*fmt) {
		const char *start = fmt;
		int width = -1, precision = -1;
		size_t n = 0;
		char length[3] = "";
		char conv;

		if (*fmt != '%') {
			const char *pct = strchr(fmt, '%');

			n = pct ? (size_t)(pct - fmt) : strlen(fmt);
			out_bytes(&out, fmt, n);
			fmt += n;
			continue;
		}
		fmt++;
		if (*fmt == '%') {
			out_bytes(&out, "%", 1);
			fmt++;
			continue;
		}
		while (*fmt && strchr("-+ #0", *fmt))
			fmt++;
		if (*fmt == '*') {
			width = va_arg(args, int);
			fmt++;
		} else {
			while (*fmt >= '0' && *fmt <= '9')
				fmt++;
		}
		if (*fmt == '.') {
			fmt++;
			if (*fmt == '*') {
				precision = va_arg(args, int);
				fmt++;
			} else {
				while (*fmt >= '0' && *fmt <= '9')
					fmt++;
			}
		}
		while (*fmt && strchr("hlLqjzt", *fmt) && n < 2)
			length[n++] = *fmt++;
		length[n] = '\0';
		conv = *fmt;
		if (!conv)
			break;
		fmt++;

		/* spec: the conversion with '*' replaced by the values read. */
		n = fmt - start;
		if (n >= sizeof(spec))
			n = sizeof(spec) - 1;
		memcpy(spec, start, n);
		spec[n] = '\0';

		if (conv == 'p') {
			out_pointer(&out, &fmt, va_arg(args, void *), width);
			continue;
		}
		{
			/* Rebuild the spec with the '*' values substituted. */
			char clean[48];
			const char *s = spec;
			size_t c = 0;

			while (*s && c < sizeof(clean) - 12) {
				if (*s == '*') {
					int v = (s > spec && s[-1] == '.') ?
						precision : width;
					c += snprintf(clean + c, sizeof(clean) - c,
						      "%d", v);
					s++;
				} else {
					clean[c++] = *s++;
				}
			}
			clean[c] = '\0';

			switch (conv) {
			case 'd':
			case 'i':
			case 'u':
			case 'x':
			case 'X':
			case 'o':
				if (!strcmp(length, "ll") || !strcmp(length, "L") ||
				    !strcmp(length, "q"))
					out_printf(&out, clean, va_arg(args, long long));
				else if (length[0] == 'l' || length[0] == 'z' ||
					 length[0] == 't' || length[0] == 'j')
					out_printf(&out, clean, va_arg(args, long));
				else
					out_printf(&out, clean, va_arg(args, int));
				break;
			case 'c':
				out_printf(&out, clean, va_arg(args, int));
				break;
			case 's': {
				const char *str = va_arg(args, const char *);

				out_printf(&out, clean, str ? str : "(null)");
				break;
			}
			case 'e':
			case 'E':
			case 'f':
			case 'F':
			case 'g':
			case 'G':
			case 'a':
			case 'A':
				out_printf(&out, clean, va_arg(args, double));
				break;
			default:
				/* %n and unknown conversions: printed literally. */
				out_bytes(&out, clean, strlen(clean));
			}
		}
	}
	if (size)
		buf[out.len < out.size ? out.len : out.size] = '\0';
	return (int)out.len;
}

int vprintk(const char *fmt, va_list args)
{
	char text[LINE_MAX_LEN];
	int level = -1;
	bool cont = false;
	int kind, n;

	while ((kind = printk_get_level(fmt))) {
		if (kind == 'c')
			cont = true;
		else
			level = kind - '0';
		fmt = printk_skip_level(fmt);
	}

	n = lkl_vformat(text, sizeof(text), fmt, args);
	if (n > (int)sizeof(text) - 1)
		n = sizeof(text) - 1;

	printk_lock_acquire();
	if (!cont || !line_len) {
		flush_line_locked();
		line_level = level >= 0 ? level : MESSAGE_LOGLEVEL_DEFAULT;
	}
	append_text_locked(text, n);
	printk_lock_release();
	return n;
}
EXPORT_SYMBOL(vprintk);

int _printk(const char *fmt, ...)
{
	va_list args;
	int n;

	va_start(args, fmt);
	n = vprintk(fmt, args);
	va_end(args);
	return n;
}
EXPORT_SYMBOL(_printk);

void dump_stack_lvl(const char *log_lvl)
{
	printk("%sCPU: %d PID: %d Comm: %s\n", log_lvl, lkl_current_cpu_id(),
	       lkl_current_pid(), lkl_current_comm());
	printk("%sCall Trace:\n", log_lvl);
	lkl_printk_flush();
	lkl_host_dump_stack();
}
EXPORT_SYMBOL(dump_stack_lvl);

void dump_stack(void)
{
	dump_stack_lvl(KERN_DEFAULT);
}
EXPORT_SYMBOL(dump_stack);

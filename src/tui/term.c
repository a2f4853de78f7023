/* term.c - the terminal: start and end, keys, signals, and the headless
 * mode the tests drive.
 *
 * Keys are read a byte at a time with wgetch() and decoded as UTF-8 here,
 * not with get_wch(): after one invalid byte, get_wch() was seen to drop
 * everything typed after it. An invalid byte is skipped; what follows still
 * arrives.
 *
 * Headless mode (LPCOACH_TUI_SCRIPT=FILE) draws on a virtual xterm writing
 * to /dev/null and reads keys from FILE, one command a line:
 *   type TEXT        the characters of TEXT
 *   key NAME         Enter, Tab, BTab, Esc, Up, Down, Left, Right, Home, End,
 *                    PgUp, PgDn, Backspace, Delete, Space, F1, C-a ... C-z,
 *                    or a single character
 *   resize COLS ROWS the terminal changes size
 *   wait SECONDS     the app's clock moves on
 *   dump             append the screen to LPCOACH_TUI_DUMP
 * The end of the script ends the app as a SIGTERM would.
 */
#include "tui.h"
#include "../core/utf8.h"
#include "../core/util.h"

#include <errno.h>
#include <langinfo.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>
#include <wchar.h>

volatile int term_signal;

static SCREEN *scr;
static FILE *scr_out, *scr_in;
static FILE *script;
static char *dump_path;
static struct key pending[4096];
static size_t n_pending, pending_pos;

static void on_signal(int sig)
{
	term_signal = sig; /* the main loop acts on it */
}

bool term_headless(void)
{
	return script != NULL;
}

static void install_signals(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* Replace ncurses' own SIGINT/SIGTERM handlers, which restore the
	 * terminal and _exit, losing a draft. */
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
}

int term_init(struct app *a, const char **why)
{
	const char *spath = getenv("LPCOACH_TUI_SCRIPT");
	const char *term = getenv("TERM");
	*why = NULL;
	if (spath && *spath) {
		script = fopen(spath, "r");
		if (!script) {
			*why = "cannot open LPCOACH_TUI_SCRIPT";
			return -1;
		}
		const char *d = getenv("LPCOACH_TUI_DUMP");
		dump_path = d && *d ? xstrdup(d) : NULL;
		scr_out = fopen("/dev/null", "w");
		scr_in = fopen("/dev/null", "r");
		term = "xterm";
	} else {
		/* newterm() succeeds without a terminal: check ourselves. */
		if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
			*why = "standard input and output must be a terminal";
			return -1;
		}
		if (!term || !*term || strcmp(term, "dumb") == 0) {
			*why = "TERM is not set to a terminal type that can draw a screen";
			return -1;
		}
		scr_out = stdout;
		scr_in = stdin;
	}
	scr = newterm(term, scr_out, scr_in);
	if (!scr) {
		*why = "the terminal type in TERM is unknown";
		return -1;
	}
	set_term(scr);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	if (!script) {
		/* Ctrl-S saves: the terminal's flow control (IXON) would swallow
		 * it and freeze the output. Program mode only; ncurses restores
		 * the user's settings on leaving and suspending. */
		struct termios t;
		if (tcgetattr(STDIN_FILENO, &t) == 0) {
			t.c_iflag &= (tcflag_t)~(IXON | IXOFF);
			tcsetattr(STDIN_FILENO, TCSANOW, &t);
		}
		def_prog_mode();
	}
	set_escdelay(25);
	curs_set(0);
	const char *nc = getenv("NO_COLOR");
	bool color = has_colors() && !(nc && *nc);
	if (color) {
		start_color();
		use_default_colors();
	}
	draw_init_styles(color);
	install_signals();
	getmaxyx(stdscr, a->rows, a->cols);
	return 0;
}

void term_end(void)
{
	if (!scr)
		return;
	curs_set(1);
	endwin();
	delscreen(scr);
	scr = NULL;
	if (script) {
		fclose(scr_out);
		fclose(scr_in);
		fclose(script);
		script = NULL;
	}
	xfree(&dump_path);
}

void term_suspend(void)
{
	def_prog_mode();
	endwin();
}

void term_resume(struct app *a)
{
	reset_prog_mode();
	clearok(curscr, TRUE);
	refresh();
	getmaxyx(stdscr, a->rows, a->cols);
}

static const struct {
	const char *name;
	int code;
} key_names[] = {
	{ "Enter", '\r' }, { "Tab", KEY_TAB }, { "BTab", KEY_BTAB }, { "Esc", KEY_ESC },
	{ "Up", KEY_UP }, { "Down", KEY_DOWN }, { "Left", KEY_LEFT }, { "Right", KEY_RIGHT },
	{ "Home", KEY_HOME }, { "End", KEY_END }, { "PgUp", KEY_PPAGE }, { "PgDn", KEY_NPAGE },
	{ "Backspace", KEY_BACKSPACE }, { "Delete", KEY_DC }, { "F1", KEY_F(1) },
	{ "C-Left", 545 }, { "C-Right", 560 },
};

/* Turn a raw code from wgetch (or the script) into a key. */
static void classify(int c, struct key *k)
{
	memset(k, 0, sizeof(*k));
	if (c == '\n' || c == '\r' || c == KEY_ENTER) {
		k->fn = true;
		k->code = '\r';
	} else if (c == 127 || c == 8) {
		k->fn = true;
		k->code = KEY_BACKSPACE;
	} else if (c < 32 || c >= KEY_MIN) {
		k->fn = true;
		k->code = c;
	} else {
		k->ch = (uint32_t)c;
	}
}

/* Next command of the script; queues keys. 0 at its end. */
static int script_step(struct app *a, struct key *k)
{
	char line[4096];
	for (;;) {
		if (pending_pos < n_pending) {
			*k = pending[pending_pos++];
			return 1;
		}
		if (!fgets(line, sizeof(line), script))
			return 0;
		size_t n = strlen(line);
		while (n && (line[n - 1] == '\n' || line[n - 1] == '\r'))
			line[--n] = '\0';
		if (n == 0 || line[0] == '#')
			continue;
		n_pending = pending_pos = 0;
		if (strncmp(line, "type ", 5) == 0) {
			for (size_t i = 5; i < n && n_pending < ARRAY_SIZE(pending);) {
				uint32_t cp;
				i += utf8_decode(line + i, n - i, &cp);
				pending[n_pending++] = (struct key){ false, 0, cp };
			}
		} else if (strncmp(line, "key ", 4) == 0) {
			const char *name = line + 4;
			int code = -1;
			for (size_t i = 0; i < ARRAY_SIZE(key_names); i++)
				if (strcmp(name, key_names[i].name) == 0)
					code = key_names[i].code;
			struct key kk;
			if (strcmp(name, "Space") == 0) {
				kk = (struct key){ false, 0, ' ' };
			} else if (strncmp(name, "C-", 2) == 0 && name[2] && !name[3]) {
				classify(KEY_CTRL(name[2]), &kk);
			} else if (code >= 0) {
				classify(code, &kk);
			} else {
				uint32_t cp;
				utf8_decode(name, strlen(name), &cp);
				kk = (struct key){ false, 0, cp };
			}
			pending[n_pending++] = kk;
		} else if (strncmp(line, "resize ", 7) == 0) {
			int c = 0, r = 0;
			if (sscanf(line + 7, "%d %d", &c, &r) == 2 && c > 0 && r > 0) {
				resizeterm(r, c);
				getmaxyx(stdscr, a->rows, a->cols);
				k->fn = true;
				k->code = KEY_RESIZE;
				return 1;
			}
		} else if (strncmp(line, "wait ", 5) == 0) {
			a->clock_offset += atoll(line + 5);
			memset(k, 0, sizeof(*k));
			k->fn = true;
			k->code = 0; /* a tick: nothing pressed */
			return 1;
		} else if (strcmp(line, "dump") == 0) {
			term_dump(a);
		}
	}
}

int term_read(struct app *a, struct key *k, int timeout_ms)
{
	if (script)
		return script_step(a, k) ? 1 : -1;
	wtimeout(stdscr, timeout_ms);
	int c = wgetch(stdscr);
	if (c == ERR)
		return 0;
	if (c < 0x80 || c >= KEY_MIN) {
		classify(c, k);
		return 1;
	}
	/* A UTF-8 sequence, byte by byte. */
	char bytes[4] = { (char)c };
	size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0, have = 1;
	if (need == 0)
		return 0; /* a stray continuation or invalid byte: skip it */
	wtimeout(stdscr, 50);
	while (have < need) {
		int b = wgetch(stdscr);
		if (b == ERR)
			break;
		if (b >= KEY_MIN || (b & 0xC0) != 0x80) {
			ungetch(b); /* not a continuation: keep it for the next read */
			break;
		}
		bytes[have++] = (char)b;
	}
	uint32_t cp;
	if (have < need || utf8_valid_len(bytes, have) != have)
		return 0;
	utf8_decode(bytes, have, &cp);
	memset(k, 0, sizeof(*k));
	k->ch = cp;
	return 1;
}

void term_dump(struct app *a)
{
	if (!dump_path)
		return;
	FILE *f = fopen(dump_path, "a");
	if (!f)
		return;
	wchar_t w[1024];
	char out[8];
	fprintf(f, "--- screen %dx%d\n", a->cols, a->rows);
	for (int y = 0; y < a->rows; y++) {
		int n = a->cols < 1023 ? a->cols : 1023;
		if (mvwinnwstr(stdscr, y, 0, w, n) == ERR)
			w[0] = 0;
		char line[8192];
		size_t len = 0;
		for (int i = 0; w[i] && len + 8 < sizeof(line); i++) {
			size_t l = utf8_encode((uint32_t)w[i], out);
			memcpy(line + len, out, l);
			len += l;
		}
		while (len && line[len - 1] == ' ')
			len--;
		fwrite(line, 1, len, f);
		fputc('\n', f);
	}
	fclose(f);
}

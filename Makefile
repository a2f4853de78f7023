# lpcoach - a terminal coach for behavioral interviews.
#
#   make            build ./lpcoach
#   make run        open lpcoach (the terminal interface) on the sample bank
#   make test       unit, command-line and terminal tests
#   make asan       the test suite under AddressSanitizer and UBSan
#   make valgrind   the command-line tests under valgrind memcheck
#   make install    PREFIX=/usr/local DESTDIR= (binary and data)
#   make V=1        show the commands

VERSION    := 0.1.0
PREFIX     ?= /usr/local
BINDIR     ?= $(PREFIX)/bin
DATADIR    ?= $(PREFIX)/share/lpcoach
DESTDIR    ?=
PKG_CONFIG ?= pkg-config
CC         ?= cc
O          ?= build
BIN        ?= lpcoach

CFLAGS     ?= -O2 -g
WARNINGS   := -std=c11 -Wall -Wextra -Wpedantic -Wshadow -Wstrict-prototypes \
              -Wmissing-prototypes -Wvla -Wwrite-strings -Wformat=2
DEFINES    := -DLPCOACH_VERSION='"$(VERSION)"' \
              -DLPCOACH_DATADIR='"$(DATADIR)"' \
              -DLPCOACH_SRCDIR='"$(CURDIR)"'

ifeq ($(V),1)
Q :=
else
Q := @
endif

# Every library comes from pkg-config; a missing one names its Debian package.
NO_DEPS_GOALS := clean uninstall help
ifneq ($(filter-out $(NO_DEPS_GOALS),$(or $(MAKECMDGOALS),all)),)
need = $(if $(shell $(PKG_CONFIG) --exists $(1) && echo yes),,$(error pkg-config cannot find $(1): install the Debian package $(2) (apt-get install $(2))))
$(call need,ncursesw,libncurses-dev)
$(call need,yaml-0.1,libyaml-dev)
$(call need,libpcre2-8,libpcre2-dev)
CORE_CFLAGS := $(shell $(PKG_CONFIG) --cflags yaml-0.1 libpcre2-8)
CORE_LIBS   := $(shell $(PKG_CONFIG) --libs yaml-0.1 libpcre2-8) -pthread
TUI_CFLAGS  := $(shell $(PKG_CONFIG) --cflags ncursesw)
TUI_LIBS    := $(shell $(PKG_CONFIG) --libs ncursesw)
endif

CORE_SRC := $(sort $(wildcard src/core/*.c))
APP_SRC  := src/main.c $(sort $(wildcard src/cli/*.c))
TUI_SRC  := $(sort $(wildcard src/tui/*.c))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))

CORE_OBJ := $(CORE_SRC:%.c=$(O)/%.o)
APP_OBJ  := $(APP_SRC:%.c=$(O)/%.o)
TUI_OBJ  := $(TUI_SRC:%.c=$(O)/%.o)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(O)/tests/%)
LIB      := $(O)/liblpcoach.a

.PHONY: all run test unit asan valgrind bench fuzz install uninstall clean help
all: $(BIN)

# The core: plain C, no curses. Its unit tests link without ncurses, so a
# curses call that slips into the core fails to link.
$(O)/src/core/%.o: src/core/%.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(WARNINGS) -D_XOPEN_SOURCE=700 $(DEFINES) $(CORE_CFLAGS) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

$(O)/src/cli/%.o $(O)/src/main.o: CFLAGS_EXTRA = -D_XOPEN_SOURCE=700
$(O)/src/tui/%.o: CFLAGS_EXTRA = $(TUI_CFLAGS)
$(O)/src/%.o: src/%.c
	@mkdir -p $(@D)
	@$(if $(Q),echo "  CC      $<")
	$(Q)$(CC) $(WARNINGS) $(CFLAGS_EXTRA) $(DEFINES) $(CORE_CFLAGS) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

$(LIB): $(CORE_OBJ)
	@$(if $(Q),echo "  AR      $@")
	$(Q)rm -f $@ && $(AR) rcs $@ $^

$(BIN): $(APP_OBJ) $(TUI_OBJ) $(LIB)
	@mkdir -p $(dir $@)
	@$(if $(Q),echo "  LINK    $@")
	$(Q)$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(APP_OBJ) $(TUI_OBJ) $(LIB) $(TUI_LIBS) $(CORE_LIBS)

# Unit tests: cmocka, the core library, libyaml and PCRE2 - and no ncurses.
$(O)/tests/%: tests/unit/%.c $(LIB)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  TEST    $@")
	$(Q)$(if $(shell $(PKG_CONFIG) --exists cmocka && echo yes),,$(error pkg-config cannot find cmocka: install the Debian package libcmocka-dev))
	$(Q)$(CC) $(WARNINGS) -Wno-missing-prototypes -D_XOPEN_SOURCE=700 $(DEFINES) -Isrc/core \
		$(CORE_CFLAGS) $(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) \
		$(shell $(PKG_CONFIG) --libs cmocka) $(CORE_LIBS)

unit: $(UNIT_BIN)

# Test tools linked with the core (tests/tools/).
TOOL_BIN := $(O)/tools/saver
$(O)/tools/%: tests/tools/%.c $(LIB)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  TOOL    $@")
	$(Q)$(CC) $(WARNINGS) -Wno-missing-prototypes -D_XOPEN_SOURCE=700 $(DEFINES) -Isrc/core $(CORE_CFLAGS) \
		$(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(CORE_LIBS)

# Fuzz harnesses (tests/fuzz/): replayed on the seed corpus and every kept
# crasher in 'make test'; run under libFuzzer by 'make fuzz'.
FUZZ_NAMES   := story principles prompts rules lint
REPLAY_BIN   := $(FUZZ_NAMES:%=$(O)/fuzz/replay_%)
FUZZ_SECONDS ?= 60
FUZZ_CC      ?= clang
FUZZ_FLAGS   := -g -O1 -fno-omit-frame-pointer -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all

$(O)/fuzz/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c tests/fuzz/fuzz.h $(LIB)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  REPLAY  $@")
	$(Q)$(CC) $(WARNINGS) -Wno-missing-prototypes -D_XOPEN_SOURCE=700 $(DEFINES) -Isrc/core $(CORE_CFLAGS) \
		$(CPPFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< tests/fuzz/replay.c $(LIB) $(CORE_LIBS)

fuzz:
	@mkdir -p build/fuzz-bin build/fuzz-artifacts
	@for n in $(FUZZ_NAMES); do \
		echo "  FUZZ    $$n ($(FUZZ_SECONDS) s)"; \
		$(FUZZ_CC) $(FUZZ_FLAGS) -std=c11 -D_XOPEN_SOURCE=700 $(DEFINES) -Isrc/core $(CORE_CFLAGS) \
			-o build/fuzz-bin/fuzz_$$n tests/fuzz/fuzz_$$n.c $(CORE_SRC) $(CORE_LIBS) -lm || exit 1; \
		mkdir -p build/fuzz-corpus/$$n; \
		build/fuzz-bin/fuzz_$$n -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
			-artifact_prefix=build/fuzz-artifacts/$$n- -print_final_stats=1 \
			build/fuzz-corpus/$$n tests/fuzz/corpus/$$n 2>build/fuzz-artifacts/$$n.log \
			|| { tail -30 build/fuzz-artifacts/$$n.log; echo "fuzz: $$n found a crash (kept in build/fuzz-artifacts/)"; exit 1; }; \
		grep -E '^stat::number_of_executed_units|^stat::peak_rss' build/fuzz-artifacts/$$n.log | sed "s/^/  $$n /"; \
	done

run: $(BIN)
	./$(BIN) --stories stories

# The whole suite: unit tests, then command-line tests against the binary.
test: $(BIN) $(UNIT_BIN) $(REPLAY_BIN) $(TOOL_BIN)
	@LPCOACH_BIN=$(abspath $(BIN)) UNIT_DIR=$(abspath $(O)/tests) tests/run.sh

SAN_FLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all
asan:
	$(MAKE) O=build/asan BIN=build/asan/lpcoach CFLAGS="$(SAN_FLAGS)" LDFLAGS="$(SAN_FLAGS)" test

valgrind: $(BIN) $(UNIT_BIN) $(REPLAY_BIN) $(TOOL_BIN)
	@LPCOACH_BIN=$(abspath $(BIN)) UNIT_DIR=$(abspath $(O)/tests) LPCOACH_NO_JIT=1 \
		LPCOACH_WRAP="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite" \
		tests/run.sh

# Benchmarks: figures and ratios, never timed assertions (see bench/README.md).
BENCH_BIN := $(O)/bench/bench $(O)/bench/gen
$(O)/bench/%: bench/%.c $(LIB)
	@mkdir -p $(@D)
	@$(if $(Q),echo "  BENCH   $@")
	$(Q)$(CC) $(WARNINGS) -D_XOPEN_SOURCE=700 $(DEFINES) -Isrc/core $(CORE_CFLAGS) $(CPPFLAGS) \
		$(CFLAGS) $(LDFLAGS) -o $@ $< $(LIB) $(CORE_LIBS) -lm

bench: $(BIN) $(BENCH_BIN)
	@LPCOACH_BIN=$(abspath $(BIN)) BENCH_DIR=$(abspath $(O)/bench) bench/run.sh

MANDIR  ?= $(PREFIX)/share/man
BASHDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHDIR  ?= $(PREFIX)/share/zsh/site-functions

install: $(BIN)
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)
	install -m 0755 $(BIN) $(DESTDIR)$(BINDIR)/lpcoach
	if [ -f doc/lpcoach.1 ]; then install -d $(DESTDIR)$(MANDIR)/man1 && \
		install -m 0644 doc/lpcoach.1 $(DESTDIR)$(MANDIR)/man1/lpcoach.1; fi
	if [ -f completions/lpcoach.bash ]; then install -d $(DESTDIR)$(BASHDIR) && \
		install -m 0644 completions/lpcoach.bash $(DESTDIR)$(BASHDIR)/lpcoach; fi
	if [ -f completions/_lpcoach ]; then install -d $(DESTDIR)$(ZSHDIR) && \
		install -m 0644 completions/_lpcoach $(DESTDIR)$(ZSHDIR)/_lpcoach; fi
	for d in principles prompts rules; do \
		[ -d $$d ] || continue; \
		install -d $(DESTDIR)$(DATADIR)/$$d; \
		install -m 0644 $$d/*.yaml $(DESTDIR)$(DATADIR)/$$d/; \
	done

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/lpcoach $(DESTDIR)$(MANDIR)/man1/lpcoach.1
	rm -f $(DESTDIR)$(BASHDIR)/lpcoach $(DESTDIR)$(ZSHDIR)/_lpcoach
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build $(BIN)

help:
	@sed -n '3,10p' Makefile | sed 's/^# \{0,1\}//'

-include $(CORE_OBJ:.o=.d) $(APP_OBJ:.o=.d) $(TUI_OBJ:.o=.d)

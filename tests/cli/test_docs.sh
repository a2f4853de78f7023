#!/usr/bin/env bash
# test_docs.sh - the man page (doc/lpcoach.1), the bash and zsh completions
# (completions/), and their installation.
#
# The man page is checked against the program itself: every command of
# 'lpcoach --help', every option of each command's --help, every line of
# 'lpcoach keys', every variable the source reads with getenv(), and the
# keys of the files lpcoach reads.
. "$(dirname "$0")/../lib.sh"

MAN=$ROOT/doc/lpcoach.1
BASHC=$ROOT/completions/lpcoach.bash
ZSHC=$ROOT/completions/_lpcoach
export LC_ALL=C.UTF-8 MANPAGER=cat PAGER=cat
unset MANWIDTH MANOPT MANPATH

# need TOOL: the README's set-up installs it; without it the checks fail.
need() {
	if command -v "$1" >/dev/null 2>&1; then return 0; fi
	rc=127 out="" err=""
	not_ok "$1 is installed (the README's set-up list has it)"
	return 1
}
# capture CMD...: run a command; sets $out, $err and $rc.
capture() {
	"$@" >"$T/.out" 2>"$T/.err" </dev/null
	rc=$?
	out=$(cat "$T/.out")
	err=$(cat "$T/.err")
}
# expect_no_stderr NAME
expect_no_stderr() {
	if [ -z "$err" ]; then ok "$1"; else not_ok "$1" "stderr should be empty"; fi
}
# yes_no NAME CONDITION...: ok when the command succeeds.
yes_no() {
	local name=$1
	shift
	if "$@"; then ok "$name"; else not_ok "$name"; fi
}
# lines TEXT: TEXT's lines, sorted, without empty ones.
lines() { printf '%s\n' "$1" | grep -v '^$' | LC_ALL=C sort -u; }

# --- the man page renders -------------------------------------------------
if [ -f "$MAN" ]; then ok "doc/lpcoach.1 exists"; else not_ok "doc/lpcoach.1 exists"; fi
if need groff; then
	capture groff -wall -man -Tutf8 "$MAN"
	expect_rc "groff -wall -man renders the man page" 0
	expect_no_stderr "groff -wall -man: no warning"
	expect_out "the rendered page has its title line" '^LPCOACH\(1\) '
	# -wall leaves out undefined macros, strings and registers: -ww has them
	capture groff -ww -z -man -Tutf8 "$MAN"
	expect_no_stderr "groff -ww -man: no warning of any kind (no undefined macro)"
fi
if need man; then
	capture env MANWIDTH=80 man -l "$MAN"
	expect_rc "man -l doc/lpcoach.1 exits 0" 0
	expect_no_stderr "man -l: nothing on stderr"
	expect_out "man -l shows the NAME section" '^NAME$'
	expect_out "man -l shows the one-line summary" '^ +lpcoach - '
fi

# The page as plain text, one line per paragraph (no filling, no
# hyphenation), with hyphens and quotes in ASCII.
TXT=$T/man.txt
groff -man -Tutf8 -rLL=5000n -P-c -P-b -P-u "$MAN" 2>/dev/null |
	sed -e 's/\xe2\x80\x90/-/g; s/\xe2\x80\x91/-/g; s/\xe2\x88\x92/-/g' \
		-e "s/\xe2\x80\x98/'/g; s/\xe2\x80\x99/'/g" \
		-e 's/\xe2\x80\x9c/"/g; s/\xe2\x80\x9d/"/g' >"$TXT"

# section NAME: the lines of a section (a heading at column 0).
section() {
	awk -v h="$1" 'on && /^[^ ]/ { exit } on { print } $0 == h { on = 1 }' "$TXT"
}
# subsection NAME [SECTION]: the lines of a subsection (a heading at column 3),
# optionally only within SECTION.
subsection() {
	local from
	if [ $# -gt 1 ]; then from=$(section "$2"); else from=$(cat "$TXT"); fi
	printf '%s\n' "$from" | awk -v h="   $1" 'on && (/^   [^ ]/ || /^[^ ]/) { exit } on { print } $0 == h { on = 1 }'
}
# has_word TEXT WORD: WORD occurs in TEXT, not as part of a longer option or name.
has_word() {
	printf '%s\n' "$1" | grep -qE -- "(^|[^A-Za-z0-9_-])$(printf '%s' "$2" | sed 's/[][\.*^$|+?(){}]/\\&/g')([^A-Za-z0-9_-]|\$)"
}

for s in NAME SYNOPSIS DESCRIPTION COMMANDS "THE TERMINAL INTERFACE" KEYS FILES ENVIRONMENT \
	"EXIT STATUS" EXAMPLES "SEE ALSO"; do
	if grep -qx "$s" "$TXT" && [ -n "$(section "$s" | grep -v '^$')" ]; then
		ok "the man page has a $s section"
	else
		not_ok "the man page has a $s section"
	fi
done

version=$(sed -n 's/^VERSION *:= *//p' "$ROOT/Makefile")
expect_eq "the man page's footer names the Makefile's version" "lpcoach $version" \
	"$(sed -n 's/^\.TH [^"]*"\([^"]*\)".*/\1/p' "$MAN")"

# --- every command and every option of the --help texts ------------------
run --help
help=$out
commands=$(printf '%s\n' "$help" | sed -n '/^Commands:/,/^$/p' | sed -nE 's/^  ([a-z]+) .*/\1/p')
yes_no "'lpcoach --help' lists at least 12 commands" [ "$(printf '%s\n' "$commands" | grep -c .)" -ge 12 ]
globals=$(subsection "Global options" DESCRIPTION)
for o in $(printf '%s\n' "$help" | sed -n '/^Options:/,/^$/p' | grep -oE -- '(^|[ ,])--?[a-z][a-z-]*' | tr -d ' ,' | sort -u); do
	if has_word "$globals" "$o"; then ok "man: the global option $o"; else
		not_ok "man: the global option $o" "not in DESCRIPTION / Global options"; fi
done
synopsis=$(section SYNOPSIS)
for c in $commands; do
	rc=0 out="" err=""
	sub=$(subsection "lpcoach $c" COMMANDS)
	if [ -n "$sub" ]; then ok "man: COMMANDS has a 'lpcoach $c' subsection"; else
		not_ok "man: COMMANDS has a 'lpcoach $c' subsection"; fi
	if has_word "$synopsis" "$c"; then ok "man: the SYNOPSIS names '$c'"; else
		not_ok "man: the SYNOPSIS names '$c'"; fi
	if printf '%s\n' "$sub" | grep -qE "^       lpcoach $c( |\$)"; then
		ok "man: '$c' has its usage line"
	else
		not_ok "man: '$c' has its usage line"
	fi
	run "$c" --help
	# every --long option anywhere in the help (usage line and option list)
	# has an entry of its own: '-x, --long ARG', '--long ARG' or '--long'
	for o in $(printf '%s\n' "$out" | grep -oE -- '(^|[^a-z-])--[a-z][a-z-]*' | grep -oE -- '--[a-z-]+' | sort -u); do
		if printf '%s\n' "$sub" | grep -qE -- "^       (-[A-Za-z], )?$o( |=|\$)"; then
			ok "man: '$c' documents $o"
		else
			not_ok "man: '$c' documents $o" "no entry for it in the 'lpcoach $c' subsection"
		fi
	done
	# short and long together, as '-x, --long'
	printf '%s\n' "$out" | sed -nE 's/^ +(-[A-Za-z]), (--[a-z-]+).*/\1, \2/p' >"$T/pairs"
	while IFS= read -r pair; do
		if printf '%s\n' "$sub" | grep -qF -- "$pair"; then ok "man: '$c' documents '$pair'"; else
			not_ok "man: '$c' documents '$pair'" "the short option is missing or paired with another"; fi
	done <"$T/pairs"
done

# --- KEYS: 'lpcoach keys', line for line, screen by screen ---------------
run keys
expect_rc "lpcoach keys exits 0" 0
printf '%s\n' "$out" | awk '
	/^[^|].*:$/ { screen = substr($0, 1, length($0) - 1); next }
	/^\| key \| action \|$/ || /^\| --- / { next }
	/^\| / { s = substr($0, 3, length($0) - 4); i = index(s, " | ")
		print screen "\t" substr(s, 1, i - 1) "\t" substr(s, i + 3) }' >"$T/keys.want"
nscreens=$(cut -f1 "$T/keys.want" | uniq | grep -c .)
nkeys=$(grep -c . "$T/keys.want")
yes_no "lpcoach keys lists at least 6 screens ($nscreens)" [ "$nscreens" -ge 6 ]
yes_no "lpcoach keys lists at least 60 bindings ($nkeys)" [ "$nkeys" -ge 60 ]
keys_section=$(section KEYS)
out="" err=""
expect_eq "man: the KEYS subsections are the screens of 'lpcoach keys', in order" \
	"$(cut -f1 "$T/keys.want" | uniq)" \
	"$(printf '%s\n' "$keys_section" | sed -n 's/^   \([^ ].*\)$/\1/p')"
cut -f1 "$T/keys.want" | uniq >"$T/screens"
while IFS= read -r screen; do
	awk -F'\t' -v s="$screen" '$1 == s' "$T/keys.want" | cut -f2- >"$T/keys.screen"
	# a binding renders as '       KEY   DESCRIPTION', or KEY alone with the
	# description on the next, deeper line
	subsection "$screen" KEYS | awk '
		/^       [^ ]/ { s = substr($0, 8); i = index(s, "  ")
			if (i) { d = substr(s, i); sub(/^ +/, "", d); print substr(s, 1, i - 1) "\t" d; pend = "" }
			else pend = s
			next }
		/^        +[^ ]/ && pend != "" { d = $0; sub(/^ +/, "", d); print pend "\t" d; pend = "" }' >"$T/keys.man"
	expect_file_eq "man KEYS, $screen: every binding of 'lpcoach keys', same keys and words" \
		"$T/keys.screen" "$T/keys.man"
done <"$T/screens"

# --- FILES, ENVIRONMENT, EXIT STATUS, EXAMPLES ---------------------------
rc=0 out="" err=""
files=$(section FILES)
for f in '<stories>/<id>.yaml' '<stories>/.lpcoach/drill.log' '<stories>/.lpcoach/draft.yaml' \
	'<stories>/.lpcoach/lock' '<stories>/.lpcoach/rules/' '<data>/principles/<id>.yaml' \
	'<data>/prompts/' '<data>/rules/' 'lpcoach/config.yaml' 'sections.yaml' 'principles.yaml' \
	'followups.yaml' 'drill.yaml'; do
	if printf '%s\n' "$files" | grep -qF -- "$f"; then ok "man FILES: $f"; else not_ok "man FILES: $f"; fi
done
# c_strings FILE ARRAY: the strings of a C array initialiser.
c_strings() {
	awk -v a="$2[" 'index($0, a) && /= \{/ { on = 1 } on { print } on && /\};/ { exit }' "$ROOT/$1" |
		grep -oE '"[a-z_]+"' | tr -d '"'
}
# A key is a tag in FILES (at the start of its line, alone or as 'a, b',
# then padding), or named in prose as 'key (what it is)'.
for spec in "src/core/story.c known_keys story" "src/core/rules.c rule_keys rule" \
	"src/core/rules.c kind_names kind" "src/core/catalog.c principle_keys principle" \
	"src/core/config.c keys config"; do
	set -- $spec
	keys=$(c_strings "$1" "$2")
	yes_no "the $3 keys can be read from $1 ($2)" [ -n "$keys" ]
	for k in $keys; do
		if printf '%s\n' "$files" | grep -qE -- "^ +([a-z_]+, )?$k(, [a-z_]+)?(:[^ ]*)?( {2,}|\$)" ||
			printf '%s\n' "$files" | grep -qE -- "^ +$k: " ||
			printf '%s\n' "$files" | grep -qE -- "(^|[ ,])$k \("; then
			ok "man FILES: the $3 key '$k'"
		else
			not_ok "man FILES: the $3 key '$k'"
		fi
	done
done

envsec=$(section ENVIRONMENT)
vars=$(grep -rhoE 'getenv\("[A-Z_]+"\)' "$ROOT/src" | sed -E 's/getenv\("(.*)"\)/\1/' | sort -u)
yes_no "the source reads environment variables" [ -n "$vars" ]
for v in $vars LPCOACH_STORIES LPCOACH_DATA LPCOACH_CONFIG XDG_DATA_HOME XDG_CONFIG_HOME HOME \
	VISUAL EDITOR NO_COLOR TERM TMPDIR LPCOACH_NO_JIT LPCOACH_TUI_SCRIPT LPCOACH_TUI_DUMP; do
	if printf '%s\n' "$envsec" | grep -qE "^       $v( |\$)"; then ok "man ENVIRONMENT: $v"; else
		not_ok "man ENVIRONMENT: $v"; fi
done | sort -u

exitsec=$(section "EXIT STATUS")
for code in 0 1 2; do
	if printf '%s\n' "$exitsec" | grep -qE "^       $code( |\$)"; then ok "man EXIT STATUS: $code"; else
		not_ok "man EXIT STATUS: $code"; fi
done
for c in lint report check drill; do
	if printf '%s\n' "$exitsec" | grep -qE "^       ([a-z(), ]+, )?$c( |,|\$)"; then
		ok "man EXIT STATUS: what '$c' means"
	else
		not_ok "man EXIT STATUS: what '$c' means"
	fi
done

examples=$(section EXAMPLES)
sed -n '/<!-- hook:begin -->/,/<!-- hook:end -->/p' "$ROOT/README.md" | grep -v '^<!--' | grep -v '^```' >"$T/hook"
yes_no "the README has the pre-commit hook" grep -q 'lint --staged' "$T/hook"
# (an example is indented; the line itself must be the README's, whole)
printf '%s\n' "$examples" | sed 's/^ *//' >"$T/examples"
while IFS= read -r l; do
	if grep -qxF -- "$l" "$T/examples"; then ok "man EXAMPLES: the hook line '$l'"; else
		not_ok "man EXAMPLES: the hook line '$l'"; fi
done <"$T/hook"

# --- make install / uninstall ---------------------------------------------
I=$T/inst
P=$I/usr/local
make -C "$ROOT" -s install DESTDIR="$I" >"$T/make.out" 2>&1
rc=$? out=$(cat "$T/make.out") err=""
expect_rc "make install DESTDIR=... exits 0" 0
for pair in "doc/lpcoach.1 share/man/man1/lpcoach.1" \
	"completions/lpcoach.bash share/bash-completion/completions/lpcoach" \
	"completions/_lpcoach share/zsh/site-functions/_lpcoach"; do
	set -- $pair
	if cmp -s "$ROOT/$1" "$P/$2"; then ok "make install: $1 as \$PREFIX/$2"; else
		not_ok "make install: $1 as \$PREFIX/$2"; fi
	expect_eq "make install: \$PREFIX/$2 has mode 0644" 644 "$(stat -c %a "$P/$2" 2>&1)"
done
if [ -f "$P/share/man/man1/lpcoach.1" ] && command -v man >/dev/null; then
	capture env MANPATH="$P/share/man" man -w lpcoach
	expect_eq "man finds the installed page in \$PREFIX/share/man" "$P/share/man/man1/lpcoach.1" "$out"
fi
capture bash -c '. "$1" && complete -p lpcoach' _ "$P/share/bash-completion/completions/lpcoach"
expect_eq "the installed bash completion registers _lpcoach" "complete -F _lpcoach lpcoach" "$out"
make -C "$ROOT" -s uninstall DESTDIR="$I" >"$T/make.out" 2>&1
rc=$? out=$(cat "$T/make.out") err=""
expect_rc "make uninstall DESTDIR=... exits 0" 0
for f in share/man/man1/lpcoach.1 share/bash-completion/completions/lpcoach share/zsh/site-functions/_lpcoach; do
	if [ -e "$P/$f" ]; then not_ok "make uninstall removes \$PREFIX/$f"; else
		ok "make uninstall removes \$PREFIX/$f"; fi
done

# --- fixtures for the completions -------------------------------------------
mkdir -p "$T/bin" "$T/nobin" "$T/data/principles" "$T/bank/sub" "$T/files" "$T/rdir" "$T/zhome"
ln -s "$LPCOACH_BIN" "$T/bin/lpcoach"
cp "$ROOT/principles/dive-deep.yaml" "$ROOT/principles/ownership.yaml" "$T/data/principles/"
cp "$ROOT/stories/late-partition-root-cause.yaml" "$ROOT/stories/schema-contract-tests.yaml" "$T/bank/"
: >"$T/bank/notes.txt"
: >"$T/files/notes.md"
: >"$T/rfile"
BASH_BIN=$(command -v bash)
sample_ids=$("$LPCOACH_BIN" --stories "$ROOT/stories" list --format ids 2>/dev/null | LC_ALL=C sort)
principle_ids=$("$LPCOACH_BIN" --stories "$ROOT/stories" principles --format ids 2>/dev/null | LC_ALL=C sort)
yes_no "the sample bank's story ids (list --format ids)" [ "$(printf '%s\n' "$sample_ids" | grep -c .)" -ge 10 ]
yes_no "the principle ids (principles --format ids)" [ "$(printf '%s\n' "$principle_ids" | grep -c .)" -eq 16 ]

# --- bash ------------------------------------------------------------------
capture "$BASH_BIN" -c 'set -u; . "$1"; complete -p lpcoach' _ "$BASHC"
expect_rc "the bash completion loads under set -u" 0
expect_no_stderr "the bash completion loads without a message"
expect_eq "the bash completion registers _lpcoach for lpcoach" "complete -F _lpcoach lpcoach" "$out"
capture "$BASH_BIN" -n "$BASHC"
expect_rc "bash -n: the bash completion parses" 0

cat >"$T/comp.sh" <<'EOF'
set -u
. "$1"
shift
COMP_WORDS=("$@")
COMP_CWORD=$(($# - 1))
COMP_LINE="$*"
COMP_POINT=${#COMP_LINE}
COMPREPLY=()
_lpcoach
printf '%s\n' ${COMPREPLY[@]+"${COMPREPLY[@]}"}
EOF
# bcomp [PATH=DIRS] WORD...: complete the last word (PATH defaults to $T/bin
# and the system's); sets $out (sorted), $err and $rc.
bcomp() {
	local path=$T/bin:$PATH
	case $1 in PATH=*) path=${1#PATH=}; shift ;; esac
	PATH=$path "$BASH_BIN" "$T/comp.sh" "$BASHC" "$@" >"$T/.out" 2>"$T/.err" </dev/null
	rc=$?
	out=$(LC_ALL=C sort "$T/.out")
	err=$(cat "$T/.err")
}
# expect_comp NAME EXPECTED: the completion ran cleanly and offered EXPECTED.
expect_comp() {
	if [ "$rc" -eq 0 ] && [ -z "$err" ] && [ "$out" = "$2" ]; then ok "$1"; else
		not_ok "$1" "expected: $(printf '%s' "$2" | tr '\n' ' ')"; fi
}

bcomp lpcoach li
expect_comp "bash: 'lpcoach li' -> list, lint" "$(printf 'lint\nlist')"
bcomp lpcoach ""
expect_comp "bash: 'lpcoach ' -> the commands of --help" "$(lines "$commands")"
bcomp lpcoach --
expect_comp "bash: 'lpcoach --' -> the global options" "$(lines "$(printf '%s\n' "$help" | sed -n '/^Options:/,/^$/p' | grep -oE -- '--[a-z-]+')")"
bcomp lpcoach --stories "$ROOT/stories" list --principle ""
expect_comp "bash: --principle -> the principle ids" "$principle_ids"
bcomp lpcoach --stories "$ROOT/stories" drill --principle d
expect_comp "bash: drill --principle d -> deliver-results, dive-deep" "$(printf 'deliver-results\ndive-deep')"
bcomp lpcoach --data "$T/data" --stories "$T/bank" new -p ""
expect_comp "bash: --principle passes --data along (a data folder with two principles)" "$(printf 'dive-deep\nownership')"
bcomp lpcoach new --stories "$T/bank" --data="$T/data" --principle ""
expect_comp "bash: --data=DIR after the command is passed along too" "$(printf 'dive-deep\nownership')"
bcomp lpcoach drill -p ""
if [ "$rc" -eq 0 ] && ! printf '%s\n' "$out" | grep -qx dive-deep && printf '%s\n' "$out" | grep -qx -- --count; then
	ok "bash: drill -p is --plain: options, not principle ids"
else
	not_ok "bash: drill -p is --plain: options, not principle ids"
fi
bcomp lpcoach --stories "$ROOT/stories" show ""
expect_comp "bash: show -> the story ids of --stories" "$sample_ids"
bcomp lpcoach --stories "$T/bank" show ""
expect_comp "bash: show -> the ids of another --stories" "$(printf 'late-partition-root-cause\nschema-contract-tests')"
bcomp lpcoach --stories = "$T/bank" edit s
expect_comp "bash: edit after --stories=DIR (split at '=')" "schema-contract-tests"
bcomp lpcoach --stories "$T/bank" show late-partition-root-cause ""
expect_comp "bash: show takes one story" ""
bcomp lpcoach --stories "$T/missing" show ""
expect_comp "bash: a failing lpcoach offers nothing and prints nothing" ""
bcomp "PATH=$T/nobin" lpcoach list --principle ""
expect_comp "bash: no lpcoach on PATH: nothing, silently" ""
for spec in "report text markdown json" "lint text json line" "list text json ids" \
	"principles text json ids" "export markdown html"; do
	set -- $spec
	c=$1
	shift
	bcomp lpcoach "$c" --format ""
	expect_comp "bash: $c --format -> $*" "$(lines "$(printf '%s\n' "$@")")"
done
bcomp lpcoach report --format = m
expect_comp "bash: report --format=m (split at '=') -> markdown" "markdown"
bcomp lpcoach lint --min-level ""
expect_comp "bash: lint --min-level -> the levels" "$(printf 'error\nsuggestion\nwarning')"
bcomp lpcoach lint --rules "$T/r"
expect_comp "bash: --rules -> folders only" "$T/rdir"
bcomp lpcoach lint "$T/bank/"
expect_comp "bash: lint PATH -> folders and .yaml files" \
	"$(lines "$(printf '%s\n' "$T/bank/late-partition-root-cause.yaml" "$T/bank/schema-contract-tests.yaml" "$T/bank/sub")")"
bcomp lpcoach import "$T/files/no"
expect_comp "bash: import FILE -> files" "$T/files/notes.md"
bcomp lpcoach report --output "$T/files/no"
expect_comp "bash: --output -> files" "$T/files/notes.md"
for c in $commands; do
	run "$c" --help
	want=$(lines "$(printf '%s\n' "$out" | grep -oE -- '(^|[^a-z-])--[a-z][a-z-]*' | grep -oE -- '--[a-z-]+')")
	bcomp lpcoach "$c" --
	missing=$(comm -23 <(lines "$want") <(lines "$out") | tr '\n' ' ')
	extra=$(comm -13 <(lines "$want"$'\n--stories\n--data\n--help') <(lines "$out") | tr '\n' ' ')
	if [ "$rc" -eq 0 ] && [ -z "$err" ] && [ -z "$missing" ] && [ -z "$extra" ]; then
		ok "bash: 'lpcoach $c --' -> the long options of its --help"
	else
		not_ok "bash: 'lpcoach $c --' -> the long options of its --help" "missing: $missing" "extra: $extra"
	fi
done

# --- zsh -------------------------------------------------------------------
if need zsh; then
	capture zsh -n "$ZSHC"
	expect_rc "zsh -n: the zsh completion parses" 0
	expect_no_stderr "zsh -n: no message"
	yes_no "the zsh completion starts with #compdef lpcoach" [ "$(head -n 1 "$ZSHC")" = "#compdef lpcoach" ]
	capture env HOME="$T/zhome" zsh -f -c 'autoload -Uz compinit; compinit -u -d "$1/zcd1"; source "$2"; print -r -- $_comps[lpcoach]' _ "$T" "$ZSHC"
	expect_rc "zsh: the completion loads after compinit" 0
	expect_no_stderr "zsh: sourcing it prints nothing"
	expect_eq "zsh: sourcing it registers _lpcoach for lpcoach" "_lpcoach" "$out"
	capture env HOME="$T/zhome" zsh -f -c 'fpath=("$2" $fpath); autoload -Uz compinit; compinit -u -d "$1/zcd2"; print -r -- $_comps[lpcoach]' _ "$T" "$ROOT/completions"
	expect_eq "zsh: compinit finds it in \$fpath" "_lpcoach" "$out"
	expect_no_stderr "zsh: compinit with it in \$fpath prints nothing"
	capture env HOME="$T/zhome" zsh -f -c 'source "$1"; print loaded' _ "$ZSHC"
	expect_eq "zsh: sourcing it before compinit is harmless" "loaded" "$out"
	expect_no_stderr "zsh: sourcing it before compinit prints nothing"

	# Real completion in an interactive zsh on a pseudo-terminal: a widget
	# completes the line and inserts every match, then writes the line out.
	cat >"$T/zdrive.zsh" <<'EOF'
zmodload zsh/zpty || { print -u2 "no zsh/zpty"; exit 3; }
T=$1 ROOT=$2; shift 2
zpty z "HOME=$T/zhome PATH=$T/bin:$PATH zsh -f -i"
zpty -w z "PS1='> '; fpath=($ROOT/completions \$fpath); autoload -Uz compinit; compinit -u -d $T/zcd3"
zpty -w z "_t_all() { compstate[insert]=all; }; _t_c() { comppostfuncs=(_t_all); zle complete-word; print -r -- \"\$BUFFER\" >| $T/zline.tmp; mv $T/zline.tmp $T/zline; BUFFER=; }; zle -N _t_c; bindkey '^T' _t_c"
for line in "$@"; do
  rm -f $T/zline
  zpty -w -n z "$line"$'\x14'
  for (( i = 0; i < 100; i++ )); do [[ -f $T/zline ]] && break; sleep 0.1; done
  if [[ -f $T/zline ]]; then print -r -- "$(<$T/zline)"; else print -r -- "TIMEOUT $line"; fi
done
sleep 0.2
all=
while zpty -r -t z chunk; do all+=$chunk; done
zpty -d z
print -r -- "$all" >$T/zpty.log
EOF
	zlines=(
		"lpcoach li"
		"lpcoach --stories $ROOT/stories list --principle "
		"lpcoach --stories $ROOT/stories drill --principle d"
		"lpcoach --data $T/data --stories $T/bank new --principle "
		"lpcoach --stories $ROOT/stories show "
		"lpcoach --stories=$T/bank edit "
		"lpcoach report --format "
		"lpcoach lint --format "
		"lpcoach lint --min-level "
		"lpcoach --stories $T/missing show "
		"lpcoach "
	)
	for c in $commands; do zlines+=("lpcoach $c --"); done
	capture timeout 60 zsh -f "$T/zdrive.zsh" "$T" "$ROOT" "${zlines[@]}"
	expect_rc "zsh: the interactive completion run ends" 0
	zout=$out
	# zline N: the words the completion added to line N (sorted; a trailing '=' dropped)
	zline() {
		local got base=${1%"${1##* }"}
		local n=${#base}
		got=$(printf '%s\n' "$zout" | sed -n "$(($2 + 1))p")
		lines "$(printf '%s\n' "${got:$n}" | tr ' ' '\n' | sed 's/=$//')"
	}
	zexpect() {
		local got
		got=$(zline "${zlines[$1]}" "$1")
		if [ "$got" = "$3" ]; then ok "$2"; else
			not_ok "$2" "expected: $(printf '%s' "$3" | tr '\n' ' ')" "got: $(printf '%s' "$got" | tr '\n' ' ')"; fi
	}
	zexpect 0 "zsh: 'lpcoach li' -> list, lint" "$(printf 'lint\nlist')"
	zexpect 1 "zsh: --principle -> the principle ids" "$principle_ids"
	zexpect 2 "zsh: drill --principle d -> deliver-results, dive-deep" "$(printf 'deliver-results\ndive-deep')"
	zexpect 3 "zsh: --principle passes --data along" "$(printf 'dive-deep\nownership')"
	zexpect 4 "zsh: show -> the story ids of --stories" "$sample_ids"
	zexpect 5 "zsh: edit after --stories=DIR -> its ids" "$(printf 'late-partition-root-cause\nschema-contract-tests')"
	zexpect 6 "zsh: report --format -> text, markdown, json" "$(printf 'json\nmarkdown\ntext')"
	zexpect 7 "zsh: lint --format -> text, json, line" "$(printf 'json\nline\ntext')"
	zexpect 8 "zsh: lint --min-level -> the levels" "$(printf 'error\nsuggestion\nwarning')"
	zexpect 9 "zsh: a failing lpcoach offers nothing" ""
	zexpect 10 "zsh: 'lpcoach ' -> the commands of --help" "$(lines "$commands")"
	n=11
	for c in $commands; do
		run "$c" --help
		want=$(lines "$(printf '%s\n' "$out" | grep -oE -- '(^|[^a-z-])--[a-z][a-z-]*' | grep -oE -- '--[a-z-]+')")
		got=$(zline "${zlines[$n]}" "$n")
		missing=$(comm -23 <(lines "$want") <(lines "$got") | tr '\n' ' ')
		extra=$(comm -13 <(lines "$want"$'\n--stories\n--data\n--help') <(lines "$got") | tr '\n' ' ')
		if [ -n "$got" ] && [ -z "$missing" ] && [ -z "$extra" ]; then
			ok "zsh: 'lpcoach $c --' -> the long options of its --help"
		else
			not_ok "zsh: 'lpcoach $c --' -> the long options of its --help" "missing: $missing" "extra: $extra"
		fi
		n=$((n + 1))
	done
	out="" err="" rc=0
	# zsh's own errors ('func:line: message'), and lpcoach's, which the
	# completion must keep off the screen
	zerr=$(grep -aE '(^|[^a-z_])[a-z_]+:[0-9]+: |command not found|no such file|lpcoach: ' "$T/zpty.log" | head -3)
	expect_eq "zsh: no error messages during completion" "" "$zerr"
fi

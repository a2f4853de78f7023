#!/usr/bin/env bash
# test_basics.sh - help, version, usage errors and output errors.
. "$(dirname "$0")/../lib.sh"

S=$ROOT/stories

# expect_empty_out NAME: nothing on stdout.
expect_empty_out() {
	if [ -z "$out" ]; then ok "$1"; else not_ok "$1" "stdout should be empty"; fi
}
# expect_empty_err NAME: nothing on stderr.
expect_empty_err() {
	if [ -z "$err" ]; then ok "$1"; else not_ok "$1" "stderr should be empty"; fi
}
# expect_err_starts NAME REGEX: the first line of stderr starts with REGEX.
expect_err_starts() {
	local first=${err%%$'\n'*}
	if [ -n "$err" ] && printf '%s\n' "$first" | grep -Eq -- "^$2"; then
		ok "$1"
	else
		not_ok "$1" "stderr does not start with /$2/"
	fi
}
# usage_error NAME ARGS...: exit 2, "lpcoach: " first on stderr, stdout empty.
usage_error() {
	local name=$1
	shift
	run "$@"
	expect_rc "$name: exit 2" 2
	expect_err_starts "$name: stderr starts with 'lpcoach: '" 'lpcoach: '
	expect_empty_out "$name: stdout empty"
}

# --- help and version ---------------------------------------------------
run --help
expect_rc "--help exits 0" 0
expect_out "--help shows the usage line" '^usage: lpcoach \[--stories DIR\] \[--data DIR\] \[COMMAND \[OPTIONS\]\]'
for c in list show principles check; do
	expect_out "--help lists the '$c' command" "^  $c +[a-z]"
done
expect_empty_err "--help writes nothing on stderr"

run -h
expect_rc "-h exits 0" 0
expect_out "-h shows the usage line" '^usage: lpcoach '

version=$(sed -n 's/^VERSION *:= *//p' "$ROOT/Makefile")
run --version
expect_rc "--version exits 0" 0
expect_eq "--version prints the Makefile's version" "lpcoach $version" "$out"
expect_empty_err "--version writes nothing on stderr"

# --- every subcommand's --help ------------------------------------------
for c in list show principles check; do
	run "$c" --help
	expect_rc "$c --help exits 0" 0
	expect_out "$c --help shows its usage" "^usage: lpcoach $c( |\$)"
	expect_out "$c --help documents --stories" '--stories DIR'
	expect_empty_err "$c --help writes nothing on stderr"
	run "$c" -h
	expect_rc "$c -h exits 0" 0
	expect_out "$c -h shows its usage" "^usage: lpcoach $c( |\$)"
done
run list --help
expect_out "list --help documents --principle" '--principle ID'
expect_out "list --help documents --format" '--format FMT'
run show --help
expect_out "show --help says ID may be a path" 'path of a story file'

# --- unknown commands and options ---------------------------------------
usage_error "unknown command" --stories "$S" frobnicate
expect_err "unknown command is named" "^lpcoach: unknown command 'frobnicate'"
expect_err "unknown command points to --help" "Try 'lpcoach --help'"

usage_error "unknown global option" --frobnicate list
expect_err "unknown global option is named" "unknown option '--frobnicate'"

usage_error "unknown list option" --stories "$S" list --frobnicate
expect_err "unknown list option is named" "unknown option '--frobnicate'"
expect_err "unknown list option points to list --help" "Try 'lpcoach list --help'"

usage_error "unknown short option" --stories "$S" principles -x
expect_err "unknown short option is named" "unknown option '-x'"

usage_error "unknown check option" --stories "$S" check --verbose
usage_error "unknown show option" --stories "$S" show --all late-partition-root-cause

# --- options missing their value ----------------------------------------
usage_error "list --format without a value" --stories "$S" list --format
expect_err "list --format without a value: says so" "option '--format' needs a value"
usage_error "list -p without a value" --stories "$S" list -p
expect_err "list -p without a value: says so" "option '-p' needs a value"
usage_error "principles --format without a value" --stories "$S" principles --format
usage_error "check --stories without a value" check --stories
expect_err "check --stories without a value: says so" "option '--stories' needs a value"
usage_error "global --stories without a value" --stories
usage_error "global --data without a value" --stories "$S" --data
# The global options should say what is wrong as the subcommands do:
# "--stories" is a documented option, not an unknown one.
run --stories
expect_err "global --stories without a value: says it needs a value" \
	"option '--stories' needs a value"

# --- bad values and arguments -------------------------------------------
usage_error "list --format xml" --stories "$S" list --format xml
expect_err "list --format xml names the format and the choices" \
	"unknown format 'xml' \(one of: text, json, ids\)"
usage_error "principles --format markdown" --stories "$S" principles --format markdown
usage_error "list with a stray argument" --stories "$S" list extra
expect_err "list with a stray argument: names it" "unexpected argument 'extra'"
usage_error "show without an id" --stories "$S" show
expect_err "show without an id: asks which story" "which story\?"
usage_error "show with two ids" --stories "$S" show late-partition-root-cause extra
usage_error "check with a stray argument" --stories "$S" check now

# --- no arguments at all ------------------------------------------------
run
expect_rc "no arguments: exit 2" 2
expect_err "no arguments without a terminal: says the interface needs one" '^lpcoach: the interactive interface needs a terminal'
expect_err "no arguments without a terminal: names the commands that need none" "list, show, principles, lint, report, check"
expect_err "no arguments without a terminal: names line-mode drill" "drill --plain"
expect_empty_out "no arguments: stdout empty"

run --stories "$S"
expect_rc "only global options: exit 2" 2
expect_err "only global options: the terminal message" '^lpcoach: the interactive interface needs a terminal'
expect_empty_out "only global options: stdout empty"

# --- a full standard output ---------------------------------------------
out="" err=""
$LPCOACH_WRAP "$LPCOACH_BIN" --stories "$S" list >/dev/full 2>"$T/full.err" </dev/null
rc=$?
err=$(cat "$T/full.err")
if [ "$rc" -ne 0 ]; then ok "list > /dev/full: exits non-zero"; else not_ok "list > /dev/full: exits non-zero"; fi
expect_rc "list > /dev/full: exit 2" 2
expect_err "list > /dev/full: says it cannot write" '^lpcoach: cannot write the output: '

for args in "--version" "--help" "principles --format json" "show late-partition-root-cause" "check"; do
	# shellcheck disable=SC2086
	$LPCOACH_WRAP "$LPCOACH_BIN" --stories "$S" $args >/dev/full 2>"$T/full.err" </dev/null
	rc=$?
	err=$(cat "$T/full.err")
	expect_rc "$args > /dev/full: exit 2" 2
	expect_err "$args > /dev/full: says it cannot write" '^lpcoach: cannot write the output'
done

# A closed standard output is an error too, not a silent success.
$LPCOACH_WRAP "$LPCOACH_BIN" --version >&- 2>"$T/closed.err" </dev/null
rc=$?
err=$(cat "$T/closed.err")
expect_rc "--version with stdout closed: exit 2" 2
expect_err "--version with stdout closed: says it cannot write" '^lpcoach: cannot write the output'

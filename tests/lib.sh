# tests/lib.sh - assertions for the command-line and terminal tests.
#
# Each check prints "ok - NAME" or "not ok - NAME" with the reason; run.sh
# counts them. Every script gets a fresh temporary folder in $T (removed on
# exit) and a HOME inside it, so no test touches the real user's files.
set -u
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
FIX=$ROOT/tests/fixtures
: "${LPCOACH_BIN:=$ROOT/lpcoach}"
: "${LPCOACH_WRAP:=}"
T=$(mktemp -d "${TMPDIR:-/tmp}/lpcoach-test.XXXXXX")
trap 'rm -rf "$T"' EXIT
export HOME=$T/home TZ=UTC NO_COLOR=1
mkdir -p "$HOME"
unset LPCOACH_STORIES LPCOACH_DATA XDG_DATA_HOME XDG_CONFIG_HOME

# run ARGS...: run lpcoach; sets $out, $err and $rc.
run() {
	$LPCOACH_WRAP "$LPCOACH_BIN" "$@" >"$T/.out" 2>"$T/.err" </dev/null
	rc=$?
	out=$(cat "$T/.out")
	err=$(cat "$T/.err")
}

# run_in INPUT ARGS...: like run, with INPUT on standard input.
run_in() {
	local input=$1
	shift
	printf '%s' "$input" | $LPCOACH_WRAP "$LPCOACH_BIN" "$@" >"$T/.out" 2>"$T/.err"
	rc=$?
	out=$(cat "$T/.out")
	err=$(cat "$T/.err")
}

ok() { echo "ok - $1"; }
not_ok() {
	echo "not ok - $1"
	shift
	for line in "$@"; do echo "#   $line"; done
	echo "#   rc=$rc"
	echo "#   stdout: $(printf '%s' "$out" | head -c 1500)"
	echo "#   stderr: $(printf '%s' "$err" | head -c 1500)"
}

# expect_rc NAME CODE
expect_rc() {
	if [ "$rc" -eq "$2" ]; then ok "$1"; else not_ok "$1" "expected exit $2"; fi
}

# expect_out NAME PATTERN (extended regex, against stdout)
expect_out() {
	if printf '%s\n' "$out" | grep -Eq -- "$2"; then ok "$1"; else not_ok "$1" "stdout lacks /$2/"; fi
}
expect_no_out() {
	if printf '%s\n' "$out" | grep -Eq -- "$2"; then not_ok "$1" "stdout has /$2/"; else ok "$1"; fi
}
expect_err() {
	if printf '%s\n' "$err" | grep -Eq -- "$2"; then ok "$1"; else not_ok "$1" "stderr lacks /$2/"; fi
}
expect_no_err() {
	if printf '%s\n' "$err" | grep -Eq -- "$2"; then not_ok "$1" "stderr has /$2/"; else ok "$1"; fi
}
# expect_eq NAME EXPECTED ACTUAL
expect_eq() {
	if [ "$2" = "$3" ]; then ok "$1"; else not_ok "$1" "expected '$2', got '$3'"; fi
}
# expect_file_eq NAME EXPECTED_FILE ACTUAL_FILE
expect_file_eq() {
	if cmp -s "$2" "$3"; then ok "$1"; else not_ok "$1" "$(diff -u "$2" "$3" | head -40)"; fi
}
# json_ok: stdout is valid JSON
expect_json() {
	if printf '%s' "$out" | python3 -c 'import json,sys; json.load(sys.stdin)' 2>/dev/null; then
		ok "$1"
	else
		not_ok "$1" "stdout is not valid JSON"
	fi
}
# json_get EXPR: evaluate a Python expression over the parsed stdout (as j).
json_get() {
	printf '%s' "$out" | python3 -c "import json,sys; j=json.load(sys.stdin); print($1)"
}

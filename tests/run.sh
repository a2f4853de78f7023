#!/usr/bin/env bash
# tests/run.sh - run the whole suite: unit tests (cmocka binaries in
# $UNIT_DIR), then the command-line and terminal test scripts tests/*/test_*.sh
# against $LPCOACH_BIN. Prints one closing line: "tests: N passed, N failed".
# $LPCOACH_WRAP (e.g. valgrind) wraps every run of the binary under test.
set -u
here=$(cd "$(dirname "$0")" && pwd)
root=$(dirname "$here")
: "${LPCOACH_BIN:=$root/lpcoach}"
: "${UNIT_DIR:=$root/build/tests}"
: "${LPCOACH_WRAP:=}"
export LPCOACH_BIN LPCOACH_WRAP TZ=UTC LC_ALL=C.UTF-8 NO_COLOR=1
unset LPCOACH_STORIES LPCOACH_DATA XDG_DATA_HOME XDG_CONFIG_HOME
passed=0 failed=0 failures=()

for t in "$UNIT_DIR"/test_*; do
	[ -x "$t" ] || continue
	name=$(basename "$t")
	log=$(mktemp)
	( cd "$root" && $LPCOACH_WRAP "$t" ) >"$log" 2>&1
	rc=$?
	# stdout and stderr interleave, so the markers need not start a line.
	p=$(grep -o '\[  PASSED  \] [0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*$')
	f=$(grep -o '\[  FAILED  \] [0-9]*' "$log" | tail -n 1 | grep -o '[0-9]*$')
	p=${p:-0} f=${f:-0}
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
	passed=$((passed + p)) failed=$((failed + f))
	if [ "$f" -ne 0 ]; then
		failures+=("$name")
		cat "$log"
	fi
	printf '%-28s %3d passed, %d failed\n' "$name" "$p" "$f"
	rm -f "$log"
done

for t in "$here"/cli/test_*.sh "$here"/tui/test_*.sh; do
	[ -f "$t" ] || continue
	name=$(basename "$t" .sh)
	log=$(mktemp)
	bash "$t" >"$log" 2>&1
	rc=$?
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "not ok - $name exited $rc" >>"$log"; fi
	passed=$((passed + p)) failed=$((failed + f))
	if [ "$f" -ne 0 ]; then
		failures+=("$name")
		grep -v '^ok ' "$log"
	fi
	printf '%-28s %3d passed, %d failed\n' "$name" "$p" "$f"
	rm -f "$log"
done

[ ${#failures[@]} -eq 0 ] || echo "failing: ${failures[*]}"
echo "tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]

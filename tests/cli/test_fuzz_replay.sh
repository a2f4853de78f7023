#!/usr/bin/env bash
# The fuzz harnesses run on their seed corpus and on every crasher found
# by 'make fuzz' and kept in tests/fuzz/regressions/ (no crash, no abort).
. "$(dirname "$0")/../lib.sh"
dir=${UNIT_DIR:-$ROOT/build/tests}/../fuzz
for n in story principles prompts rules lint; do
	bin="$dir/replay_$n"
	if [ ! -x "$bin" ]; then not_ok "replay_$n is built"; continue; fi
	count=$(ls "$ROOT/tests/fuzz/corpus/$n" "$ROOT/tests/fuzz/regressions/$n" | grep -vc '^$\|:$\|^\.keep$')
	out=$(cd "$T" && LPCOACH_DATA="$ROOT" $LPCOACH_WRAP "$bin" "$ROOT/tests/fuzz/corpus/$n" "$ROOT/tests/fuzz/regressions/$n" 2>&1)
	rc=$?
	err=""
	if [ "$rc" -eq 0 ] && printf '%s' "$out" | grep -q '^[0-9]* inputs$'; then
		ok "fuzz harness $n replays its corpus and regressions ($(printf '%s' "$out" | tail -1))"
	else
		not_ok "fuzz harness $n replays its corpus and regressions" "$out"
	fi
done

#!/usr/bin/env bash
# test_broken_bank.sh - malformed story files are reported with file:line:col
# and the valid stories are still listed.
#
# The fixtures in tests/fixtures/broken-bank/: three valid stories, one valid
# story mapped to an unknown principle (it loads, with a warning), and one
# malformed file per case. Where each error belongs is computed from the
# fixture itself (the byte that is wrong), not copied from the program.
. "$(dirname "$0")/../lib.sh"

B=$FIX/broken-bank
G=(--data "$ROOT")
VALID="compaction-cost-cut nightly-load-sla schema-drift-alert"
LOADS="compaction-cost-cut nightly-load-sla schema-drift-alert unknown-principle"

# pos FILE REGEX [NTH]: "line:col" of the NTH match of the byte regex in FILE
# (1-based; the column counts characters, as a UTF-8 decoder does).
pos() {
	python3 - "$@" <<'EOF'
import itertools, re, sys
data = open(sys.argv[1], "rb").read()
nth = int(sys.argv[3]) if len(sys.argv) > 3 else 1
m = next(itertools.islice(re.finditer(sys.argv[2].encode(), data, re.M), nth - 1, None))
off = m.start(m.lastindex or 0)
start = data.rfind(b"\n", 0, off) + 1
line = data.count(b"\n", 0, off) + 1
col = sum(1 for b in data[start:off] if b & 0xC0 != 0x80) + 1
print("%d:%d" % (line, col))
EOF
}
# ids: the first word of each stdout line, space-separated.
ids() { printf '%s\n' "$out" | awk 'NF {print $1}' | tr '\n' ' ' | sed 's/ $//'; }

# Each malformed file: name, where the error belongs, what it says.
cases=(
	"empty|1:1|empty story file: a story needs at least a title and principles"
	"wrong-types|$(pos "$B/wrong-types.yaml" '^title:\n +(-)')|'title' must be text, not a list"
	"tabs|$(pos "$B/tabs.yaml" '\t')|found character that cannot start any token"
	"duplicate-keys|$(pos "$B/duplicate-keys.yaml" '^title:' 2)|duplicate key 'title' \(first at line $(pos "$B/duplicate-keys.yaml" '^title:' 1 | cut -d: -f1)\)"
	"unterminated-quote|$(pos "$B/unterminated-quote.yaml" '"')|quoted scalar found unexpected end of stream"
	"unterminated-flow|$(pos "$B/unterminated-flow.yaml" '\[dive-deep')|flow sequence did not find expected ',' or ']'"
	"invalid-utf8|$(pos "$B/invalid-utf8.yaml" '\xff')|\(byte 0xFF\): the file must be UTF-8 text"
	"not-a-mapping|1:1|a story must be a mapping of keys .*, not a list"
	"alias|$(pos "$B/alias.yaml" '&')|anchors \(&context\) are not supported"
	"deep|$(pos "$B/deep.yaml" '\[' 64)|nesting deeper than 64 levels"
)

# Sanity of the fixtures themselves: a test of nothing would pass.
expect_eq "fixture: empty.yaml is empty" 0 "$(wc -c <"$B/empty.yaml")"
expect_eq "fixture: deep.yaml nests 200 lists" 200 "$(tr -cd '[' <"$B/deep.yaml" | wc -c)"
expect_eq "fixture: invalid-utf8.yaml has one 0xFF byte" 1 "$(tr -cd '\377' <"$B/invalid-utf8.yaml" | wc -c)"
expect_eq "fixture: tabs.yaml indents with a tab" 1 "$(grep -c "^$(printf '\t')" "$B/tabs.yaml")"
if python3 -c 'import sys, yaml; yaml.safe_load(open(sys.argv[1]))' "$B/unterminated-quote.yaml" 2>/dev/null; then
	not_ok "fixture: unterminated-quote.yaml is not YAML"
else ok "fixture: unterminated-quote.yaml is not YAML"; fi
for v in $VALID unknown-principle; do
	if python3 -c 'import sys, yaml; d = yaml.safe_load(open(sys.argv[1])); assert isinstance(d["title"], str) and d["principles"]' "$B/$v.yaml" 2>/dev/null; then
		ok "fixture: $v.yaml is a valid story"
	else
		not_ok "fixture: $v.yaml is a valid story"
	fi
done

# --- list ---------------------------------------------------------------
run "${G[@]}" --stories "$B" list
expect_rc "list on the broken bank exits 2" 2
expect_eq "list still lists every loadable story" "$LOADS" "$(ids)"
for c in "${cases[@]}"; do
	IFS='|' read -r name at msg <<<"$c"
	expect_err "list: $name.yaml reported at $at" "^lpcoach: .*broken-bank/$name\.yaml:$at: error: (.*[^a-z])?$msg"
	expect_eq "list: $name.yaml reported once" 1 \
		"$(printf '%s\n' "$err" | grep -c "broken-bank/$name\.yaml:")"
	expect_no_out "list: $name is not listed" "^$name "
done
expect_err "list: unknown-principle.yaml warns with its line and a suggestion" \
	"^lpcoach: .*broken-bank/unknown-principle\.yaml:$(pos "$B/unknown-principle.yaml" 'dive-deeep'): warning: unknown principle 'dive-deeep' \(did you mean 'dive-deep'\?\)$"
expect_no_err "list: unknown-principle.yaml is not an error" 'unknown-principle\.yaml:[0-9:]+ error'
expect_err "list: says how many files could not be loaded" \
	"^lpcoach: ${#cases[@]} story files could not be loaded"

run "${G[@]}" --stories "$B" list --format json
expect_rc "list --format json on the broken bank exits 2" 2
expect_json "list --format json on the broken bank is still valid JSON"
expect_eq "list --format json lists every loadable story" "$LOADS" \
	"$(json_get '" ".join(s["id"] for s in j["stories"])')"

# --- check --------------------------------------------------------------
nfiles=$(ls "$B"/*.yaml | wc -l)
run "${G[@]}" --stories "$B" check
expect_rc "check on the broken bank exits 2" 2
for c in "${cases[@]}"; do
	IFS='|' read -r name at msg <<<"$c"
	expect_out "check: $name.yaml reported at $at" "broken-bank/$name\.yaml:$at: error: (.*[^a-z])?$msg"
done
expect_out "check: unknown-principle.yaml warning at its line" \
	"broken-bank/unknown-principle\.yaml:$(pos "$B/unknown-principle.yaml" 'dive-deeep'): warning: unknown principle 'dive-deeep' \(did you mean 'dive-deep'\?\)"
expect_out "check: counts every file and every problem" \
	"^checked 16 principles .*, $nfiles stories: $((${#cases[@]} + 1)) problems$"

# --- the unknown principle alone: it loads ------------------------------
mkdir -p "$T/warn"
for v in $VALID unknown-principle; do cp "$B/$v.yaml" "$T/warn/"; done
run "${G[@]}" --stories "$T/warn" list
expect_rc "a bank whose only problem is an unknown principle lists with exit 0" 0
expect_eq "the story with the unknown principle is listed" "$LOADS" "$(ids)"
expect_err "the unknown principle is a warning with file:line:col" \
	"warn/unknown-principle\.yaml:[0-9]+:[0-9]+: warning: unknown principle 'dive-deeep' \(did you mean 'dive-deep'\?\)"
run "${G[@]}" --stories "$T/warn" show unknown-principle
expect_rc "show on the story with the unknown principle exits 0" 0
expect_out "show marks the unknown principle" '^  principles  Ownership \(focus\), dive-deeep \(unknown\)$'
expect_err "show warns about the unknown principle" "did you mean 'dive-deep'"

# --- a valid story saved with a UTF-8 byte-order mark -------------------
# Editors on Windows often write one; YAML allows it at the start of a stream.
mkdir -p "$T/bom"
{ printf '\357\273\277'; cat "$B/nightly-load-sla.yaml"; } >"$T/bom/bom-story.yaml"
run "${G[@]}" --stories "$T/bom" list
expect_rc "a story starting with a UTF-8 BOM loads (exit 0)" 0
expect_out "a story starting with a UTF-8 BOM is listed with its title" \
	'^bom-story +Bringing the nightly warehouse load back inside its SLA +\[ownership, deliver-results\]$'

# --- show on a broken file ----------------------------------------------
run "${G[@]}" --stories "$B" show duplicate-keys
expect_rc "show on a file with a duplicate key exits 2" 2
expect_err "show reports the duplicate key with its place" \
	"broken-bank/duplicate-keys\.yaml:$(pos "$B/duplicate-keys.yaml" '^title:' 2): error: duplicate key 'title'"
expect_eq "show on a broken file prints no story" "" "$out"

# --- an unclosed flow list followed by more keys ------------------------
mkdir -p "$T/flow"
printf 'title: Backfilling the sessions table\nprinciples: [dive-deep, ownership\nsituation: |\n  The sessions table missed a week.\n' >"$T/flow/flow-then-keys.yaml"
run "${G[@]}" --stories "$T/flow" check
expect_rc "an unclosed flow list before more keys: check exits 2" 2
expect_out "an unclosed flow list before more keys: says where the list started" \
	"flow-then-keys\.yaml:[0-9]+:[0-9]+: error: .*flow sequence.*\(started at line 2, column 13\)"

# --- a story over the 1 MiB limit, and one just under it ----------------
# Generated here, not committed. The rejection must complete (a timeout of
# a minute only guards against a hang; no timing is asserted).
bounded() { LPCOACH_WRAP="timeout 60 $LPCOACH_WRAP" run "$@"; }
mkdir -p "$T/huge"
for v in $VALID; do cp "$B/$v.yaml" "$T/huge/"; done
{
	printf 'title: A story with one enormous section\nprinciples: [dive-deep]\nsituation: |\n  '
	head -c 1100000 /dev/zero | tr '\0' 'x' | fold -w 100 | sed '2,$s/^/  /'
	printf '\ntask: |\n  Read it all.\n'
} >"$T/huge/huge.yaml"
size=$(wc -c <"$T/huge/huge.yaml")
if [ "$size" -gt 1048576 ]; then ok "generated huge.yaml is over 1 MiB"; else
	not_ok "generated huge.yaml is over 1 MiB" "it has $size bytes"; fi
bounded "${G[@]}" --stories "$T/huge" list
expect_rc "list with a story over 1 MiB completes with exit 2" 2
expect_err "the story over 1 MiB is named and called too large" \
	"^lpcoach: .*huge/huge\.yaml:1:1: error: file too large \($size bytes; the limit is 1048576\)"
expect_eq "the valid stories are listed beside the huge one" "$VALID" "$(ids)"
# README: "A story file that cannot be loaded is reported with its line and
# column"; check --help: "Each problem is printed as file:line:column".
expect_err "the story over 1 MiB is reported as file:line:column like the others" \
	"huge/huge\.yaml:[0-9]+:[0-9]+: error: file too large"
bounded "${G[@]}" --stories "$T/huge" check
expect_rc "check with a story over 1 MiB completes with exit 2" 2
expect_out "check reports the story over 1 MiB" "huge/huge\.yaml:1:1: error: file too large"

mkdir -p "$T/big"
{
	printf 'title: A long but acceptable story\nprinciples: [dive-deep]\nsituation: |\n'
	for _ in $(seq 9000); do printf '  %s\n' "the partition landed late and the dedup step dropped it again today"; done
} >"$T/big/big.yaml"
size=$(wc -c <"$T/big/big.yaml")
if [ "$size" -gt 500000 ] && [ "$size" -lt 1048576 ]; then ok "generated big.yaml is large but under 1 MiB"; else
	not_ok "generated big.yaml is large but under 1 MiB" "it has $size bytes"; fi
bounded "${G[@]}" --stories "$T/big" list
expect_rc "a story under the 1 MiB limit loads (exit 0)" 0
expect_out "a story under the 1 MiB limit is listed" '^big +A long but acceptable story +\[dive-deep\]$'

# Nesting as deep as a file under the limit allows: rejected at once.
mkdir -p "$T/deeper"
{ printf 'title: x\nprinciples: '; head -c 1000000 /dev/zero | tr '\0' '['; printf '\n'; } >"$T/deeper/deeper.yaml"
bounded "${G[@]}" --stories "$T/deeper" list
expect_rc "a million nested lists: list completes with exit 2" 2
expect_err "a million nested lists: reported at the 64th level" \
	"deeper/deeper\.yaml:$(pos "$T/deeper/deeper.yaml" '\[' 64): error: nesting deeper than 64 levels"

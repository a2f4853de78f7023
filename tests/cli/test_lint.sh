#!/usr/bin/env bash
# test_lint.sh - "lpcoach lint" (formats, levels, exit codes, PATH arguments,
# user rules, hostile patterns, colours) and rule validation in "lpcoach check".
#
# Fixtures in tests/fixtures/lint/:
#   located/hedge-in-block.yaml   a story with two hedges at known places: one
#                                 in the plain title after "café", one on the
#                                 third line of the Action's literal block
#                                 after "Renée"; no error-level finding
#   plain-scalars/                a hedge on the second line of a plain scalar
#   broken/unclosed-quote.yaml    a story that is not valid YAML
#   user-rules/                   a new rule, a replaced 'hedging', 'filler' off
#   extra-rules/                  a rule for --rules DIR
#   bad-pattern/, bad-example/, bad-fields/   invalid rules files
#   redos/                        a bank whose own rule backtracks without end
# Where a finding belongs is computed from the fixture's bytes (pos), not
# copied from the program's output.
. "$(dirname "$0")/../lib.sh"

S=$ROOT/stories
L=$FIX/lint
G=(--data "$ROOT" --stories "$S")
WEAK="cron-to-airflow-migration duplicate-clickstream-events marketing-dashboard-refresh orders-quality-checks"
HB=$L/located/hedge-in-block.yaml
LVL='(error|warning|suggestion)'

# pos FILE REGEX [NTH]: "line:col" of the NTH match of the byte regex in FILE
# (of its last group when it has groups; the column counts characters).
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
# save NAME: keep the last run's stdout as $T/NAME.
save() { cp "$T/.out" "$T/$1"; }
# nlines REGEX: how many stdout lines match.
nlines() { printf '%s\n' "$out" | grep -Ec -- "$1"; }
# expect_count NAME N REGEX: exactly N stdout lines match.
expect_count() { expect_eq "$1" "$2" "$(nlines "$3")"; }
# re_quote TEXT: TEXT as an extended regex matching itself.
re_quote() { printf '%s' "$1" | sed 's/[][\.*^$+?(){}|/]/\\&/g'; }
# jcount LEVEL...: findings at those levels in the json in $out.
jcount() { json_get "sum(1 for f in j['findings'] if f['level'] in '$*'.split())"; }

# --- fixtures are what they claim to be ---------------------------------
for f in "$HB" "$L/plain-scalars/two-line-plain.yaml" "$L/redos/thirty-as.yaml"; do
	if python3 -c 'import sys, yaml; d = yaml.safe_load(open(sys.argv[1])); assert isinstance(d["title"], str) and d["principles"]' "$f" 2>/dev/null; then
		ok "fixture: $(basename "$f") is a valid story"
	else not_ok "fixture: $(basename "$f") is a valid story"; fi
done
if python3 -c 'import sys, yaml; yaml.safe_load(open(sys.argv[1]))' "$L/broken/unclosed-quote.yaml" 2>/dev/null; then
	not_ok "fixture: unclosed-quote.yaml is not YAML"
else ok "fixture: unclosed-quote.yaml is not YAML"; fi
hb_action=$(grep -n '^action: |$' "$HB" | cut -d: -f1)
expect_eq "fixture: 'I think' is on the third line of the Action block" "$((hb_action + 3))" \
	"$(grep -n 'I think' "$HB" | cut -d: -f1)"
expect_eq "fixture: 'I think' comes after a multibyte 'é' on its line" 1 \
	"$(grep -c 'Renée, .*I think' "$HB")"
expect_eq "fixture: the title's 'maybe' comes after 'é'" 1 "$(grep -c '^title: .*café.* maybe' "$HB")"
# The expected places, by hand (columns in characters; in bytes they would
# be one more) and from the bytes: both must agree.
expect_eq "fixture: the Action's 'I think' is at 11:54" "11:54" "$(pos "$HB" 'I think')"
expect_eq "fixture: the title's 'maybe' is at 1:37" "1:37" "$(pos "$HB" 'maybe')"
expect_eq "fixture: the redos story's Action is thirty a's and a '!'" \
	"  $(printf 'a%.0s' $(seq 30))!" "$(sed -n '/^action: |$/{n;p}' "$L/redos/thirty-as.yaml")"

# --- the sample bank, text ----------------------------------------------
n_stories=$(ls "$S"/*.yaml | wc -l)
run "${G[@]}" lint
save text
expect_rc "lint on the sample bank exits 1 (error-level findings)" 1
expect_eq "lint on the sample bank writes nothing on stderr" "" "$err"
expect_count "one 'score N' header per story" "$n_stories" \
	"^$S/[a-z0-9-]+\.yaml: score [0-9]+ \((clean|[0-9]+ errors?, [0-9]+ warnings?, [0-9]+ suggestions?)\)$"
for f in "$S"/*.yaml; do
	expect_count "header for $(basename "$f")" 1 "^$(re_quote "$f"): score [0-9]+ "
done
expect_out "the last line is the summary" "^$n_stories stories linted: [0-9]+ errors, [0-9]+ warnings, [0-9]+ suggestions$"
expect_eq "the summary is the last line, after a blank line" \
	"|$n_stories stories linted" "$(printf '%s\n' "$out" | tail -n 2 | cut -d: -f1 | tr '\n' '|' | sed 's/|$//')"
# Every line is a header, a finding, the blank line or the summary; each
# finding sits under its story's header, and each header counts them.
grouping=$(python3 - "$T/text" <<'EOF'
import re, sys
lines = open(sys.argv[1]).read().split("\n")
if lines and lines[-1] == "":
    lines.pop()
head = re.compile(r"^(.+): score (\d+) \((?:clean|(\d+) errors?, (\d+) warnings?, (\d+) suggestions?)\)$")
find = re.compile(r"^(.+):(\d+):(\d+): (error|warning|suggestion): (.+) \[([a-z0-9-]+)\]$")
problems, cur, want, got = [], None, 0, 0
def close():
    if cur is not None and want != got:
        problems.append("%s: header says %d findings, %d listed" % (cur, want, got))
for i, l in enumerate(lines[:-2]):
    h, f = head.match(l), find.match(l)
    if h:
        close()
        cur, got = h.group(1), 0
        want = sum(int(x) for x in h.groups()[2:] if x)
    elif f:
        got += 1
        if f.group(1) != cur:
            problems.append("line %d: finding for %s under %s" % (i + 1, f.group(1), cur))
    else:
        problems.append("line %d: neither header nor finding: %s" % (i + 1, l))
close()
if lines[-2] != "":
    problems.append("no blank line before the summary")
print("; ".join(problems) or "grouped")
EOF
)
expect_eq "text output is grouped per story, compiler-style, counts agree" "grouped" "$grouping"
summary_counts() {
	printf '%s\n' "$out" | tail -n 1 | sed -E 's/^[0-9]+ stor(y|ies) linted: ([0-9]+) errors?, ([0-9]+) warnings?, ([0-9]+) suggestions?$/\2 \3 \4/'
}
expect_eq "the summary counts the finding lines of each level" \
	"$(nlines ": error: .* \[[a-z0-9-]+\]$") $(nlines ": warning: .* \[[a-z0-9-]+\]$") $(nlines ": suggestion: .* \[[a-z0-9-]+\]$")" \
	"$(summary_counts)"
text_counts=$(summary_counts)

# The weak stories.
O=$S/orders-quality-checks.yaml M=$S/marketing-dashboard-refresh.yaml
C=$S/cron-to-airflow-migration.yaml D=$S/duplicate-clickstream-events.yaml
finding() { expect_out "$1" "^$(re_quote "$2"):$3: $4: .* \[$5\]$"; }
finding "orders-quality-checks: hedging on 'kind of'" "$O" "$(pos "$O" 'kind of')" warning hedging
finding "orders-quality-checks: hedging on 'I think' in the Task" "$O" "$(pos "$O" '^task: \|\n +(I think)')" warning hedging
finding "orders-quality-checks: action-missing at the Action" "$O" "$(pos "$O" '^action: \|\n +(\S)')" error action-missing
finding "orders-quality-checks: result-no-number at the Result" "$O" "$(pos "$O" '^result: \|\n +(\S)')" error result-no-number
finding "marketing-dashboard-refresh: result-no-number at the Result" "$M" "$(pos "$M" '^result: \|\n +(\S)')" error result-no-number
finding "marketing-dashboard-refresh: vague-outcome on 'Things improved'" "$M" "$(pos "$M" 'Things improved')" warning vague-outcome
finding "marketing-dashboard-refresh: vague-outcome on 'It was a success'" "$M" "$(pos "$M" 'It was a success')" warning vague-outcome
finding "cron-to-airflow-migration: we-instead-of-i at the Action" "$C" "$(pos "$C" '^action: \|\n +(\S)')" warning we-instead-of-i
finding "cron-to-airflow-migration: vague-verbs on 'was involved in'" "$C" "$(pos "$C" 'was involved in')" warning vague-verbs
finding "cron-to-airflow-migration: vague-verbs on 'helped with'" "$C" "$(pos "$C" 'helped with')" warning vague-verbs
finding "duplicate-clickstream-events: result-missing at 1:1 (no Result)" "$D" "1:1" error result-missing
expect_out "orders-quality-checks' hedging message quotes the match" \
	"^$(re_quote "$O"):$(pos "$O" 'I think'): warning: 'I think' hedges: say what you did and what happened, plainly\. \[hedging\]$"
expect_count "orders-quality-checks: every hedge is flagged (one line per occurrence)" \
	"$(grep -Eoi '\b(kind of|sort of|I think|maybe)\b' "$O" | wc -l)" "^$(re_quote "$O"):.* \[hedging\]$"

# --- the sample bank, json ----------------------------------------------
run "${G[@]}" lint --format json
save json
expect_rc "lint --format json exits 1 too" 1
expect_json "lint --format json is valid JSON"
expect_eq "json: every finding has file, story, section, line, column, rule, level, message" "ok" \
	"$(json_get '"ok" if j["findings"] and all({"file","story","section","line","column","rule","level","message"} <= set(f) and isinstance(f["line"], int) and isinstance(f["column"], int) and f["line"] > 0 and f["column"] > 0 and f["level"] in ("error","warning","suggestion") for f in j["findings"]) else "bad"')"
expect_eq "json: one entry per story with id, file, score, errors, warnings, suggestions" \
	"$(cd "$S" && ls -1 -- *.yaml | sed 's/\.yaml$//' | sort | tr '\n' ' ')" \
	"$(json_get '" ".join(sorted(s["id"] for s in j["stories"] if {"id","file","score","errors","warnings","suggestions"} <= set(s))) + " "')"
expect_eq "json: per-level finding counts equal the text summary" "$text_counts" \
	"$(json_get '" ".join(str(sum(1 for f in j["findings"] if f["level"] == l)) for l in ("error","warning","suggestion"))')"
expect_eq "json: the stories' counts add up to the findings" "$text_counts" \
	"$(json_get '" ".join(str(sum(s[k] for s in j["stories"])) for k in ("errors","warnings","suggestions"))')"
expect_eq "json: each finding's story is its file's story" "ok" \
	"$(json_get '"ok" if all(f["file"].endswith("/" + f["story"] + ".yaml") for f in j["findings"]) else "bad"')"
expect_eq "json: weak stories flagged (errors or more than one warning)" "$WEAK" \
	"$(json_get '" ".join(sorted(s["id"] for s in j["stories"] if s["errors"] or s["warnings"] > 1))')"
expect_eq "json: the strong stories score >= 90 with no error and at most one warning" \
	"$(( n_stories - 4 ))" \
	"$(json_get 'sum(1 for s in j["stories"] if s["id"] not in "'"$WEAK"'".split() and s["score"] >= 90 and s["errors"] == 0 and s["warnings"] <= 1)')"
expect_eq "json: duplicate-clickstream-events' result-missing is at 1:1" "1:1 error" \
	"$(json_get '" ".join("%d:%d %s" % (f["line"], f["column"], f["level"]) for f in j["findings"] if f["story"] == "duplicate-clickstream-events" and f["rule"] == "result-missing")')"
# The score: 100 minus, per rule, its level's weight for each of at most
# three findings (error 20, warning 6, suggestion 2), never below 0.
expect_eq "json: every score follows the documented formula" "ok" "$(json_get '(lambda w: "ok" if all(s["score"] == max(0, 100 - sum(w[l] * min(n, 3) for (r, l), n in __import__("collections").Counter((f["rule"], f["level"]) for f in j["findings"] if f["story"] == s["id"]).items())) for s in j["stories"]) else "bad")({"error": 20, "warning": 6, "suggestion": 2})')"

# --- the sample bank, line ----------------------------------------------
run "${G[@]}" lint --format line
save line
expect_rc "lint --format line exits 1 too" 1
expect_eq "line: every line is file:line:col:level:rule:message" 0 \
	"$(printf '%s\n' "$out" | grep -Evc "^$S/[a-z0-9-]+\.yaml:[0-9]+:[0-9]+:$LVL:[a-z0-9-]+:[^ ].*$")"
expect_eq "line: one line per finding" "$(echo "$text_counts" | awk '{print $1 + $2 + $3}')" "$(nlines .)"
expect_no_out "line: no score headers" ': score [0-9]+'
expect_no_out "line: no summary" 'stories linted'
agree=$(python3 - "$T/text" "$T/line" "$T/json" <<'EOF'
import json, re, sys
t = [m.group(1, 2, 3, 4, 6, 5) for m in (re.match(r"^(.+):(\d+):(\d+): (error|warning|suggestion): (.+) \[([a-z0-9-]+)\]$", l) for l in open(sys.argv[1]).read().splitlines()) if m]
l = [tuple(l.split(":", 5)) for l in open(sys.argv[2]).read().splitlines()]
j = [(f["file"], str(f["line"]), str(f["column"]), f["level"], f["rule"], f["message"]) for f in json.load(open(sys.argv[3]))["findings"]]
print("same" if t == l == j and j else "text %d, line %d, json %d findings; differ" % (len(t), len(l), len(j)))
EOF
)
expect_eq "text, line and json list the same findings in the same order" "same" "$agree"

# --- where a finding points ---------------------------------------------
run --data "$ROOT" --stories "$L/located" lint
expect_rc "the located story (warnings only) exits 0" 0
expect_out "text: 'I think' on the Action block's third line, after 'é', at 11:54" \
	"^$(re_quote "$HB"):11:54: warning: 'I think' hedges: say what you did and what happened, plainly\. \[hedging\]$"
expect_out "text: 'maybe' in the plain title, after 'é', at 1:37" \
	"^$(re_quote "$HB"):1:37: warning: 'maybe' hedges: .* \[hedging\]$"
expect_count "text: exactly these two findings" 2 "^$(re_quote "$HB"):[0-9]+:[0-9]+: "
run --data "$ROOT" --stories "$L/located" lint --format line
expect_eq "line: both hedges at their exact places" \
	"$HB:1:37:warning:hedging:'maybe' hedges: say what you did and what happened, plainly.|$HB:11:54:warning:hedging:'I think' hedges: say what you did and what happened, plainly." \
	"$(printf '%s\n' "$out" | tr '\n' '|' | sed 's/|$//')"
run --data "$ROOT" --stories "$L/located" lint --format json
expect_eq "json: both hedges with section, line, column and match" \
	"title 1 37 maybe|action 11 54 I think" \
	"$(json_get '"|".join("%s %d %d %s" % (f["section"], f["line"], f["column"], f.get("match")) for f in j["findings"])')"
expect_eq "json: the located story scores 100 - 2 x 6" "88 0 2 0" \
	"$(json_get '" ".join(str(j["stories"][0][k]) for k in ("score","errors","warnings","suggestions"))')"
# A plain scalar continued on a second line: story.h promises the exact
# place for one-line plain text and "the start of the value" otherwise;
# either way the column must exist on the line reported.
P=$L/plain-scalars/two-line-plain.yaml
run --data "$ROOT" --stories "$L/plain-scalars" lint --format line
at=$(printf '%s\n' "$out" | grep ':hedging:' | cut -d: -f2,3)
case "$at" in
"$(pos "$P" 'I think')" | "$(pos "$P" '^situation: (\S)')") ok "a hedge on a plain scalar's second line points at it or at the value ($at)" ;;
*) not_ok "a hedge on a plain scalar's second line points at it or at the value" \
	"expected $(pos "$P" 'I think') (the match) or $(pos "$P" '^situation: (\S)') (the value), got '$at'; line ${at%%:*} has $(($(sed -n "${at%%:*}p" "$P" | wc -m) - 1)) characters" ;;
esac

# --- --min-level --------------------------------------------------------
run "${G[@]}" lint --min-level warning --format line
expect_rc "--min-level warning still exits 1" 1
expect_no_out "--min-level warning: no suggestions" ':suggestion:'
expect_eq "--min-level warning: every error and warning, nothing else" \
	"$(echo "$text_counts" | awk '{print $1 + $2}')" "$(nlines .)"
run "${G[@]}" lint --min-level error
expect_rc "--min-level error exits 1" 1
expect_eq "--min-level error: only error findings" "$(echo "$text_counts" | awk '{print $1}')" \
	"$(nlines ": $LVL: .* \[[a-z0-9-]+\]$")"
expect_no_out "--min-level error: no warning lines" ': (warning|suggestion): .* \[[a-z0-9-]+\]$'
expect_out "--min-level error: the summary counts what is shown" \
	"^$n_stories stories linted: $(echo "$text_counts" | awk '{print $1}') errors, 0 warnings, 0 suggestions$"
expect_eq "--min-level error: still a header per story" "$n_stories" "$(nlines ': score [0-9]+ ')"
run "${G[@]}" lint -l error --format json
expect_json "--min-level error --format json is valid JSON"
expect_eq "--min-level error --format json: only errors" "$(echo "$text_counts" | awk '{print $1}') 0" \
	"$(jcount error) $(jcount warning suggestion)"
run "${G[@]}" lint --min-level bogus
expect_rc "--min-level bogus exits 2" 2
expect_err "--min-level bogus is named" "unknown level 'bogus'"
expect_eq "--min-level bogus prints nothing on stdout" "" "$out"

# --- exit codes ---------------------------------------------------------
run "${G[@]}" lint "$S/backfill-timezone-mistake.yaml"
expect_rc "a single clean story file: exit 0" 0
expect_eq "a single clean story file: its header and the summary only" \
	"$S/backfill-timezone-mistake.yaml: score 100 (clean)||1 story linted: 0 errors, 0 warnings, 0 suggestions" \
	"$(printf '%s\n' "$out" | tr '\n' '|' | sed 's/|$//')"
run --data "$ROOT" lint "$HB"
expect_rc "a story with warnings but no error: exit 0" 0
run "${G[@]}" lint "$S/duplicate-clickstream-events.yaml"
expect_rc "a single story with an error: exit 1" 1
run "${G[@]}" lint --no-exit
expect_rc "--no-exit on the sample bank exits 0" 0
expect_eq "--no-exit prints the same report" "$(cat "$T/text")" "$out"
run "${G[@]}" lint --format xml
expect_rc "--format xml: usage error, exit 2" 2
expect_err "--format xml is named" "unknown format 'xml'"
run "${G[@]}" lint --bogus
expect_rc "an unknown option: exit 2" 2
run "${G[@]}" lint --rules
expect_rc "--rules without a folder: exit 2" 2
run "${G[@]}" lint "$T/no-such-story.yaml"
expect_rc "a PATH that does not exist: exit 2" 2
expect_err "a PATH that does not exist is named" "no-such-story\.yaml"

# A broken story beside good ones: reported, and the others still linted.
mkdir -p "$T/mixed"
cp "$L/broken/unclosed-quote.yaml" "$HB" "$S/orders-quality-checks.yaml" "$T/mixed/"
run --data "$ROOT" --stories "$T/mixed" lint
expect_rc "a bank with a broken story: exit 2" 2
expect_err "the broken story is reported with file:line:col" "mixed/unclosed-quote\.yaml:[0-9]+:[0-9]+: error: "
expect_out "the good stories are still linted (hedge-in-block)" "^$T/mixed/hedge-in-block\.yaml: score 88 "
expect_out "the good stories are still linted (orders-quality-checks)" "^$T/mixed/orders-quality-checks\.yaml:[0-9]+:[0-9]+: error: .*\[action-missing\]$"
expect_no_out "the broken story gets no score" "unclosed-quote\.yaml: score"
expect_out "the summary counts the stories linted" "^2 stories linted: "
run --data "$ROOT" --stories "$T/mixed" lint --no-exit --format json
expect_rc "a broken story: exit 2 even with --no-exit" 2
expect_json "a broken story: --format json is still valid JSON"
expect_eq "a broken story: json lists the two good stories" "hedge-in-block orders-quality-checks" \
	"$(json_get '" ".join(sorted(s["id"] for s in j["stories"]))')"
run --data "$ROOT" lint "$L/broken/unclosed-quote.yaml" "$HB"
expect_rc "a broken story among PATHs: exit 2" 2
expect_out "a broken story among PATHs: the other is linted" "^$(re_quote "$HB"):11:54: warning: "

# --- PATH arguments -----------------------------------------------------
headers() { printf '%s\n' "$out" | sed -nE 's/^(.+): score [0-9]+ .*/\1/p' | tr '\n' ' ' | sed 's/ $//'; }
run "${G[@]}" lint "$S/marketing-dashboard-refresh.yaml"
expect_eq "a single file: only that story" "$S/marketing-dashboard-refresh.yaml" "$(headers)"
expect_out "a single file: its findings" "^$(re_quote "$M"):[0-9]+:[0-9]+: error: .*\[result-no-number\]$"
expect_out "a single file: the summary counts one story" "^1 story linted: 1 error, 3 warnings, 2 suggestions$"
run "${G[@]}" lint "$L/located"
expect_eq "a folder: its stories, not the --stories bank" "$HB" "$(headers)"
run "${G[@]}" lint "$S/orders-quality-checks.yaml" "$HB" "$S/churn-risk-ranking.yaml"
expect_eq "several files: each of them, in order" "$O $HB $S/churn-risk-ranking.yaml" "$(headers)"
expect_out "several files: the summary counts three stories" "^3 stories linted: "
expect_rc "several files with an error among them: exit 1" 1
run "${G[@]}" lint "$L/located" "$S/duplicate-clickstream-events.yaml"
expect_eq "a folder and a file" "$HB $D" "$(headers)"

# --- user rules ---------------------------------------------------------
U=$T/ub
mkdir -p "$U"
cp "$S"/*.yaml "$HB" "$U/"
run --data "$ROOT" --stories "$U" lint --format json
expect_rc "the user bank without user rules: exit 1" 1
base_filler=$(json_get 'sum(1 for f in j["findings"] if f["rule"] == "filler")')
base_hedging=$(json_get 'sum(1 for f in j["findings"] if f["rule"] == "hedging")')
if [ "$base_filler" -gt 0 ]; then ok "without user rules, filler fires ($base_filler)"; else
	not_ok "without user rules, filler fires"; fi
expect_eq "without user rules, hedging has the shipped message" "$base_hedging" \
	"$(json_get 'sum(1 for f in j["findings"] if f["rule"] == "hedging" and f["message"].endswith("hedges: say what you did and what happened, plainly."))')"
expect_eq "without user rules, no say-the-backoff" 0 "$(json_get 'sum(1 for f in j["findings"] if f["rule"] == "say-the-backoff")')"
run --data "$ROOT" --stories "$U" lint "$U/hedge-in-block.yaml"
expect_rc "without user rules, hedge-in-block alone exits 0" 0

mkdir -p "$U/.lpcoach/rules"
cp "$L/user-rules/custom.yaml" "$L/user-rules/overrides.yaml" "$U/.lpcoach/rules/"
run --data "$ROOT" --stories "$U" lint --format json
expect_rc "with user rules: exit 1" 1
expect_eq "with user rules: nothing on stderr" "" "$err"
expect_eq "a user rule is applied, at its match" \
	"$(pos "$HB" 'exponential backoff') error 'exponential backoff': give the numbers of the backoff policy too." \
	"$(json_get '"|".join("%d:%d %s %s" % (f["line"], f["column"], f["level"], f["message"]) for f in j["findings"] if f["rule"] == "say-the-backoff")')"
expect_eq "'filler' turned off by the user: no filler finding" 0 \
	"$(json_get 'sum(1 for f in j["findings"] if f["rule"] == "filler")')"
expect_eq "'hedging' replaced: only the user's message" "" \
	"$(json_get '" ".join(sorted(set(f["message"].split(":")[0] for f in j["findings"] if f["rule"] == "hedging" and not f["message"].startswith("USER HEDGE RULE: drop"))))')"
expect_eq "'hedging' replaced: the user's level (suggestion)" "suggestion" \
	"$(json_get '" ".join(sorted(set(f["level"] for f in j["findings"] if f["rule"] == "hedging")))')"
expect_eq "'hedging' replaced: the user's tokens only (I think, maybe)" \
	"$(cat "$U"/*.yaml | grep -Eoi '(^|[^a-z])(I think|maybe)([^a-z]|$)' | wc -l)" \
	"$(json_get 'sum(1 for f in j["findings"] if f["rule"] == "hedging")')"
expect_eq "'hedging' replaced: hedge-in-block's two hedges, same places" "1:37 11:54" \
	"$(json_get '" ".join("%d:%d" % (f["line"], f["column"]) for f in j["findings"] if f["rule"] == "hedging" and f["story"] == "hedge-in-block")')"
run --data "$ROOT" --stories "$U" lint
expect_out "text: the user's hedging message" "^$U/hedge-in-block\.yaml:11:54: suggestion: USER HEDGE RULE: drop 'I think'\. \[hedging\]$"
expect_no_out "text: the shipped hedging message is gone" "hedges: say what you did"
expect_no_out "text: no filler" '\[filler\]$'
run --data "$ROOT" --stories "$U" lint "$U/hedge-in-block.yaml"
expect_rc "with the user's error-level rule, hedge-in-block alone exits 1" 1

# --rules DIR adds rules, after the user's.
run --data "$ROOT" --stories "$L/located" lint
expect_no_out "without --rules, no extra rule" 'EXTRA RULE'
run --data "$ROOT" --stories "$L/located" lint --rules "$L/extra-rules"
expect_rc "--rules DIR with a warning-level rule: exit 0" 0
expect_out "--rules DIR: its rule is applied at the Situation" \
	"^$(re_quote "$HB"):$(pos "$HB" '^situation: \|\n +(\S)'): warning: EXTRA RULE: name the source database\. \[name-the-database\]$"
expect_out "--rules DIR: the shipped rules still run" "^$(re_quote "$HB"):11:54: warning: .*\[hedging\]$"
mkdir -p "$T/r2"
cat >"$T/r2/hedge.yaml" <<'EOF'
rules:
  - id: hedging
    level: warning
    kind: existence
    scope: story
    tokens: [I think]
    message: "RULES-DIR HEDGE: '{match}'."
EOF
run --data "$ROOT" --stories "$U" lint --rules "$T/r2" "$U/hedge-in-block.yaml"
expect_out "--rules replaces a user rule with the same id" "^$U/hedge-in-block\.yaml:11:54: warning: RULES-DIR HEDGE: 'I think'\. \[hedging\]$"
expect_no_out "--rules replaces a user rule: the user's message is gone" 'USER HEDGE RULE'
expect_out "--rules and the user's rules both apply" '\[say-the-backoff\]$'

# --- invalid rules ------------------------------------------------------
BP=$L/bad-pattern/patterns.yaml
bp_at=$(pos "$BP" '"foo\(bar(")')
bp_msg="$(re_quote "$BP"):$bp_at: error: rule 'unclosed-group': pattern does not compile at offset 7: "
run --data "$ROOT" --stories "$L/located" lint --rules "$L/bad-pattern"
expect_rc "lint with a pattern that does not compile: exit 2" 2
expect_err "the bad pattern is reported: file, line, rule id, offset" "^lpcoach: $bp_msg"
expect_out "the shipped rules still run" "^$(re_quote "$HB"):11:54: warning: .*\[hedging\]$"
expect_out "the valid rule in the same file still runs" "^$(re_quote "$HB"):$(pos "$HB" 'exponential backoff'): error: .*\[say-the-backoff\]$"
expect_out "the summary is still printed" '^1 story linted: 1 error, 2 warnings, 0 suggestions$'
run --data "$ROOT" --stories "$L/located" check --rules "$L/bad-pattern"
expect_rc "check --rules with a pattern that does not compile: exit 2" 2
expect_out "check reports the bad pattern" "^$bp_msg"
expect_out "check counts one problem" ': 1 problem$'
# The same file as a user rule in <stories>/.lpcoach/rules.
mkdir -p "$T/bp/.lpcoach/rules"
cp "$HB" "$T/bp/"
cp "$BP" "$T/bp/.lpcoach/rules/"
bp_user="$T/bp/.lpcoach/rules/patterns\.yaml:$bp_at: error: rule 'unclosed-group': pattern does not compile at offset 7"
run --data "$ROOT" --stories "$T/bp" lint
expect_rc "lint with a user rule that does not compile: exit 2" 2
expect_err "the user's bad pattern is reported on stderr" "$bp_user"
expect_out "the user's valid rule still runs" '\[say-the-backoff\]$'
run --data "$ROOT" --stories "$T/bp" check
expect_rc "check with a user rule that does not compile: exit 2" 2
expect_out "check reports the user's bad pattern" "$bp_user"

BE=$L/bad-example/examples.yaml
be_line=$(grep -n 'I told the finance team' "$BE" | cut -d: -f1)
run --data "$ROOT" --stories "$L/located" check --rules "$L/bad-example"
expect_rc "check with a rule that disagrees with its example: exit 2" 2
expect_out "the disagreeing example is named with the rule and its line" \
	"^$(re_quote "$BE"):$be_line(:[0-9]+)?: error: rule 'stakeholder-word': this example should be flagged, but it passes$"
expect_out "only that example disagrees" ': 1 problem$'
# check --help: "Each problem is printed as file:line:column: level: message."
expect_out "the example's problem is printed as file:line:column" \
	"^$(re_quote "$BE"):$be_line:[0-9]+: error: rule 'stakeholder-word'"

BF=$L/bad-fields/fields.yaml
run --data "$ROOT" --stories "$L/located" check --rules "$L/bad-fields"
expect_rc "check with invalid rules (no kind, level fatal): exit 2" 2
expect_out "a rule without 'kind' is reported at the rule" \
	"^$(re_quote "$BF"):$(pos "$BF" '^  - (id: no-kind)'): error: .*'kind'"
expect_out "a rule with 'level: fatal' is reported at the level" \
	"^$(re_quote "$BF"):$(pos "$BF" 'level: (fatal)'): error: rule 'fatal-level': 'level' must be suggestion, warning or error$"
expect_out "check counts the two invalid rules" ': 2 problems$'
run --data "$ROOT" --stories "$L/located" lint --rules "$L/bad-fields"
expect_rc "lint with invalid rules: exit 2" 2
expect_err "lint reports the rule without 'kind'" "$(re_quote "$BF"):$(pos "$BF" '^  - (id: no-kind)'): error: .*'kind'"
expect_err "lint reports the rule with 'level: fatal'" "$(re_quote "$BF"):$(pos "$BF" 'level: (fatal)'): error: rule 'fatal-level'"
expect_out "lint still runs the valid rule of that file" '\[say-the-backoff\]$'

# --- a pathological pattern ---------------------------------------------
R=$L/redos
start=$(date +%s)
LPCOACH_WRAP="timeout 20 $LPCOACH_WRAP" run --data "$ROOT" --stories "$R" lint
if [ "$rc" -ne 124 ] && [ "$rc" -lt 128 ]; then ok "(a+)+\$ on thirty a's and '!': lint ends (exit $rc, $(($(date +%s) - start))s)"; else
	not_ok "(a+)+\$ on thirty a's and '!': lint ends" "timed out or killed"; fi
expect_rc "the match limit is a data error: exit 2" 2
expect_err "stderr names the rule, its file and line, the story and the match limit" \
	"^lpcoach: $R/\.lpcoach/rules/redos\.yaml:$(pos "$R/.lpcoach/rules/redos.yaml" '^  - (id: nested-quantifier)'): error: rule 'nested-quantifier' stopped on story 'thirty-as': its pattern hit the match limit"
expect_out "the other findings are still printed (hedging)" \
	"^$R/thirty-as\.yaml:$(pos "$R/thirty-as.yaml" 'maybe'): warning: .*\[hedging\]$"
expect_out "the other findings are still printed (action-missing)" "^$R/thirty-as\.yaml:[0-9]+:[0-9]+: error: .*\[action-missing\]$"
expect_out "the summary is still printed" '^1 story linted: '
expect_no_out "the pathological rule reports no finding" '\[nested-quantifier\]'

# --- colours ------------------------------------------------------------
esc=$(printf '\033')
(
	unset NO_COLOR
	run "${G[@]}" lint
	echo "$rc" >"$T/color.rc"
	cp "$T/.out" "$T/color.out"
	cp "$T/.err" "$T/color.err"
)
expect_eq "NO_COLOR unset, output not a terminal: exit 1 as usual" 1 "$(cat "$T/color.rc")"
expect_eq "NO_COLOR unset, output not a terminal: no escape sequences" 0 \
	"$(cat "$T/color.out" "$T/color.err" | grep -c "$esc")"
expect_file_eq "NO_COLOR unset, output not a terminal: the same report as with NO_COLOR=1" \
	"$T/text" "$T/color.out"
# On a terminal the same command does colour its output, so the check above
# can fail (script(1) gives it one).
if command -v script >/dev/null; then
	( unset NO_COLOR; timeout 20 script -qec "'$LPCOACH_BIN' --data '$ROOT' --stories '$S' lint '$O'" /dev/null ) >"$T/tty" 2>&1 </dev/null
	expect_eq "on a terminal, errors are coloured" 1 "$(grep -c "${esc}\[1;31merror${esc}\[0m: .*\[action-missing\]" "$T/tty")"
	( export NO_COLOR=1; timeout 20 script -qec "'$LPCOACH_BIN' --data '$ROOT' --stories '$S' lint '$O'" /dev/null ) >"$T/tty" 2>&1 </dev/null
	expect_eq "on a terminal with NO_COLOR set, no escape sequences" 0 "$(grep -c "$esc" "$T/tty")"
	expect_eq "on a terminal with NO_COLOR set, the report is printed" 1 "$(grep -c ': error: .*\[action-missing\]' "$T/tty")"
fi

# --- check on the shipped data ------------------------------------------
n_rules=$(cat "$ROOT"/rules/*.yaml | grep -Ec '^  - (id:|\{id:)')
if [ "$n_rules" -ge 39 ]; then ok "the shipped rules files define $n_rules rules (39 or more)"; else
	not_ok "the shipped rules files define 39 or more rules" "found $n_rules"; fi
run "${G[@]}" check
expect_rc "check on the shipped data exits 0" 0
expect_out "check's summary counts every shipped rule" "^checked .*, $n_rules rules, $n_stories stories: no problems$"
run "${G[@]}" check --rules "$L/extra-rules"
expect_rc "check --rules with a valid rule: exit 0" 0
expect_out "check --rules counts the extra rule" "^checked .*, $((n_rules + 1)) rules, $n_stories stories: no problems$"
run --data "$ROOT" --stories "$U" check
expect_rc "check with the user's valid rules (one new, one replacing, one off): exit 0" 0
expect_out "check counts the user's new rule, not the replaced one" "^checked .*, $((n_rules + 1)) rules, "

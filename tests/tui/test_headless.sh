#!/usr/bin/env bash
# test_headless.sh - the terminal interface end to end, driven by key scripts
# (LPCOACH_TUI_SCRIPT) with screen dumps (LPCOACH_TUI_DUMP): the home grid
# against the report, drafting a whole story, editing one, resizing, a drill,
# recovering a draft, autosave while running (the script fed through a
# FIFO), a story changed on disk while edited, help and going back, the
# story list's search and filters, the command line's errors and the C
# locale. Always on a fresh copy of the sample bank.
. "$(dirname "$0")/../lib.sh"
export LC_ALL=C.UTF-8 PYTHONIOENCODING=utf-8

B=$T/bank
fresh() { # a fresh copy of the sample bank, without any history in it
	rm -rf "$B"
	cp -r "$ROOT/stories" "$B"
	rm -rf "$B/.lpcoach"
}

# tui [ARGS...] <SCRIPT: run the interface headless on $B with the key
# script on standard input; sets $rc, $err and $out (all dumped screens).
tui() {
	cat >"$T/keys"
	rm -f "$T/dump"
	LPCOACH_TUI_SCRIPT="$T/keys" LPCOACH_TUI_DUMP="$T/dump" timeout -k 5 120 \
		$LPCOACH_WRAP "$LPCOACH_BIN" --stories "$B" "$@" >"$T/.out" 2>"$T/.err" </dev/null
	rc=$?
	out=$(cat "$T/dump" 2>/dev/null)
	err=$(cat "$T/.err")
}
# screen N: the Nth screen dumped by the last run (from 1).
screen() { awk -v n="$1" '/^--- screen [0-9]+x[0-9]+$/ { k++; next } k == n' "$T/dump" 2>/dev/null; }
nscreens() {
	local n
	n=$(grep -c '^--- screen ' "$T/dump" 2>/dev/null)
	echo "${n:-0}"
}
# expect_screen NAME N REGEX / expect_no_screen NAME N REGEX
expect_screen() {
	local s
	s=$(screen "$2")
	if printf '%s\n' "$s" | grep -Eq -- "$3"; then ok "$1"; else out=$s; not_ok "$1" "screen $2 lacks /$3/"; fi
}
expect_no_screen() {
	local s
	s=$(screen "$2")
	if printf '%s\n' "$s" | grep -Eq -- "$3"; then out=$s; not_ok "$1" "screen $2 has /$3/"; else ok "$1"; fi
}
# expect_screen_text NAME N TEXT: the screen shows TEXT (fixed string).
expect_screen_text() {
	local s
	s=$(screen "$2")
	if printf '%s\n' "$s" | grep -Fq -- "$3"; then ok "$1"; else out=$s; not_ok "$1" "screen $2 lacks '$3'"; fi
}
# expect_editor NAME N TEXT: the draft editor on screen N holds TEXT (rows
# joined, white space folded).
expect_editor() {
	local ed want
	ed=$(python3 "$T/chk.py" editor "$T/dump" "$2")
	want=$(printf '%s' "$3" | tr -s ' \n' '  ')
	case "$ed" in
	*"$want"*) ok "$1" ;;
	*) out=$(screen "$2"); not_ok "$1" "the editor shows '$ed'" "expected it to hold '$want'" ;;
	esac
}
# yget FILE KEY: a key of a YAML file (strings as they are, others as JSON).
yget() {
	python3 -c '
import json, sys, yaml
v = (yaml.safe_load(open(sys.argv[1], encoding="utf-8")) or {}).get(sys.argv[2])
print(v if isinstance(v, str) else json.dumps(v), end="")' "$1" "$2" 2>/dev/null
}
mode_of() { stat -c %a "$1" 2>/dev/null; }
yaml_list() { (cd "$B" && ls -1 -- *.yaml 2>/dev/null | sort); }
n_sample=$(cd "$ROOT/stories" && ls -1 -- *.yaml | wc -l) # stories in the sample bank
# The checker: python over dumps, reports and story files; each
# check(label, expected, actual) it calls becomes one test line.
cat >"$T/chk.py" <<'PY'
import glob, json, os, re, sys, yaml

def check(label, exp, act):
    print(label + "\t" + json.dumps(exp, ensure_ascii=False, default=str) + "\t" + json.dumps(act, ensure_ascii=False, default=str))

def screens(path):
    out, cur = [], None
    for line in open(path, encoding="utf-8").read().split("\n"):
        if re.match(r"^--- screen \d+x\d+$", line):
            cur = []
            out.append(cur)
        elif cur is not None:
            cur.append(line)
    return out

def norm(s):
    return " ".join(s.split())

def by_prefix(shown, names):
    """The one full name that a (possibly truncated) shown name starts."""
    hits = [n for n in names if n.startswith(shown.rstrip())]
    return hits[0] if len(hits) == 1 else None

ROW = re.compile(r"^ +([*]?) +(\S.*?) +(\d+) +[^\d\s]\S* +(\d+) +[^\d\s]\S* +(ok|short|gap) *$")

def home(label, scr, rep):
    """Every principle's row on the home grid against report --format json."""
    rows = {}
    for line in scr:
        m = ROW.match(line)
        if m:
            rows[m.group(2)] = m.groups()
    names = [p["name"] for p in rep["principles"]]
    found = {}
    for shown, g in rows.items():
        full = by_prefix(shown, names)
        if full:
            found[full] = g
    for p in rep["principles"]:
        plan = "ok" if p["plan_covered"] else "short" if p["covered"] else "gap"
        exp = "%s stories=%d ready=%d plan=%s" % ("*" if p["focus"] else "-", len(p["stories"]), len(p["ready"]), plan)
        g = found.get(p["name"])
        act = "%s stories=%s ready=%s plan=%s" % ("*" if g[0] else "-", g[2], g[3], g[4]) if g else "(no row)"
        check("%s: the %s row (focus mark, stories, ready, plan) matches the report" % (label, p["name"]), exp, act)
    focus = sorted(p["id"] for p in rep["principles"] if p["focus"])
    marked = sorted(p["id"] for p in rep["principles"] if p["name"] in found and found[p["name"]][0])
    check("%s: exactly the %d focus principles are marked" % (label, len(focus)), focus, marked)

cmd, args = sys.argv[1], sys.argv[2:]

if cmd == "home":  # LABEL DUMP N REPORT.json
    label, dump, n, rep = args
    home(label, screens(dump)[int(n) - 1], json.load(open(rep)))

elif cmd == "picked":  # DUMP N REPORT.json: the principles marked [x] in the picker, as ids
    dump, n, rep = args
    names = [p["name"] for p in json.load(open(rep))["principles"]]
    ids = {p["name"]: p["id"] for p in json.load(open(rep))["principles"]}
    out = []
    for line in screens(dump)[int(n) - 1]:
        m = re.match(r"^ *\[x\] [* ] (.*?) +\d+ stor(?:y|ies)", line)
        if m:
            full = by_prefix(m.group(1), names)
            out.append(ids[full] if full else "?" + m.group(1))
    print(" ".join(sorted(out)))

elif cmd == "grew":  # BEFORE.json AFTER.json IDS...: those principles have one story more
    before, after = (json.load(open(a)) for a in args[:2])
    b = {p["id"]: len(p["stories"]) for p in before["principles"]}
    a = {p["id"]: len(p["stories"]) for p in after["principles"]}
    for pid in args[2:]:
        check("the home grid counts one story more for %s" % pid, b.get(pid, -1) + 1, a.get(pid))

elif cmd == "edited":  # ORIG.yaml NEW.yaml FIELD APPENDED: only FIELD's first line changed
    orig, new = (yaml.safe_load(open(a, encoding="utf-8")) for a in args[:2])
    field, app = args[2], args[3]
    lines = orig[field].split("\n")
    lines[0] += app
    check("edit: %s has the appended text at the end of its first line" % field, "\n".join(lines), new.get(field))
    for k in orig:
        if k not in (field, "updated"):
            check("edit: '%s' is unchanged" % k, orig[k], new.get(k))

elif cmd == "question":  # DATA_DIR QUESTION_ID DUMP N: the screen shows that question's text
    data, qid, dump, n = args
    text = None
    for f in glob.glob(os.path.join(data, "principles", "*.yaml")):
        for q in (yaml.safe_load(open(f, encoding="utf-8")) or {}).get("questions") or []:
            if q.get("id") == qid:
                text = q.get("text")
    scr = norm(" ".join(screens(dump)[int(n) - 1]))
    check("drill: the screen shows the text of the logged question %s" % qid, True, bool(text) and norm(text) in scr)

elif cmd == "followups":  # DATA_DIR DUMP N: how many follow-ups from the prompts the screen shows
    data, dump, n = args
    fus = yaml.safe_load(open(os.path.join(data, "prompts", "followups.yaml"), encoding="utf-8"))["followups"]
    scr = norm(" ".join(screens(dump)[int(n) - 1]))
    print(sum(1 for f in fus if norm(f["text"]) in scr))

elif cmd == "qtext":  # DUMP N: the question as shown (rows 4 on, up to a blank line)
    dump, n = args
    rows = screens(dump)[int(n) - 1][4:]
    q = []
    for r in rows:
        if not r.strip():
            break
        q.append(r.strip())
    print(" ".join(q))

elif cmd == "card":  # DUMP N LIST.json: the id of the story on cue card a), or "-"
    dump, n, lst = args
    stories = json.load(open(lst))["stories"]
    for line in screens(dump)[int(n) - 1]:
        m = re.match(r"^ +a\) +(.*?) *$", line)
        if m:
            hits = [s["id"] for s in stories if s["title"].startswith(m.group(1))]
            print(hits[0] if len(hits) == 1 else "?")
            break
    else:
        print("-")

elif cmd == "search":  # DIR QUERY: the stories the list's search should keep
    d, q = args
    n = 0
    for f in sorted(glob.glob(os.path.join(d, "*.yaml"))):
        s = yaml.safe_load(open(f, encoding="utf-8"))
        hay = [os.path.basename(f)[:-5]] + [s.get(k) or "" for k in ("title", "situation", "task", "action", "result", "learned")]
        n += any(q.lower() in h.lower() for h in hay)
    print(n)

elif cmd == "editor":  # DUMP N: the draft editor's text, rows joined (the left pane)
    dump, n = args
    rows = []
    for line in screens(dump)[int(n) - 1][4:]:
        if line.startswith(" Lint: "):
            break
        # column 0 is a border; a blank column 1 means an empty editor row
        rows.append("" if line[1:2] in ("", " ") else re.split(r"\s{2,}", line[1:])[0])
    print(norm(" ".join(rows)))

elif cmd == "rows":  # DUMP N: story rows on the stories screen
    dump, n = args
    print(sum(1 for l in screens(dump)[int(n) - 1] if re.match(r"^ +\S.* +-?\d+ +\d+ +\d+ +\d+  \S", l)))
PY
# pycheck ARGS...: run a checker command that calls check(); one test line each.
pycheck() {
	python3 "$T/chk.py" "$@" >"$T/checks" 2>"$T/pyerr"
	local prc=$? label exp act n=0
	while IFS=$'\t' read -r label exp act; do
		expect_eq "$label" "$exp" "$act"
		n=$((n + 1))
	done <"$T/checks"
	if [ "$prc" -ne 0 ] || [ "$n" -eq 0 ]; then not_ok "checker '$1' ran" "$(cat "$T/pyerr")"; fi
}

# --- the home grid against the report ---------------------------------
fresh
run --stories "$B" report --format json
cp "$T/.out" "$T/report0.json"
run --stories "$B" report --format text
summary=$(printf '%s\n' "$out" | sed -n 2p)
tui <<'EOF'
dump
key q
EOF
expect_rc "home: the interface runs headless and q quits with 0" 0
expect_eq "home: one screen dumped" 1 "$(nscreens)"
pycheck home "home" "$T/dump" 1 "$T/report0.json"
title=$(screen 1 | sed -n 1p | sed 's/^ *//; s/ *$//')
expect_eq "home: the title carries the report's summary line" "lpcoach  $summary" "$title"
read -r n_st n_ready n_cov n_p n_fc n_ft n_pc < <(python3 -c '
import json, sys
s = json.load(open(sys.argv[1]))["summary"]
print(s["stories"], s["ready"], s["covered"], s["principles"], s["focus_covered"], s["focus_total"], s["plan_covered"])' "$T/report0.json")
expect_screen "home: the title's counts are the report's (covered, focus, plan)" 1 \
	"^ lpcoach .*\\b$n_cov/$n_p principles covered .*focus $n_fc/$n_ft .*plan $n_pc/$n_p"
expect_screen "home: the stories and ready counts are the report's" 1 "^ +$n_st stories, $n_ready ready"

# --- drafting a whole story ----------------------------------------------
TITLE='Café naïve — 数据仓库 🚀 launch'
SIT='At Ünïcode Corp the façade of our 東京 warehouse broke 😀 on a Monday.'
TASK='I had to find why 数据 went missing, alone, before Friday.'
A1='I compared the daily totals — 31 days.'
A2='Then I traced it: naïve 🚦 sensors.'
A3='I added a check, tested on 90 days.'
RES='Missing revenue fell from 4% to 0% in two days; 財務 stopped patching 🎉.'
LRN='I now add a sensor to every partitioned load — toujours.'
yaml_list >"$T/before.list"
tui <<EOF
key n
key Space
key j
key Space
dump
key Tab
type $TITLE
key Tab
type $SIT
key Tab
type $TASK
key Tab
type $A1
key Enter
type $A2
key Enter
type $A3
dump
key Tab
type $RES
key Tab
type $LRN
key C-s
dump
key Esc
dump
key s
dump
key q
key q
EOF
expect_rc "draft: the script runs to its end" 0
expect_eq "draft: five screens dumped" 5 "$(nscreens)"
picked=$(python3 "$T/chk.py" picked "$T/dump" 1 "$T/report0.json")
expect_eq "draft: Space chose two principles in the picker" 2 "$(wc -w <<<"$picked")"
expect_editor "draft: the editor shows the Action's three lines as typed" 2 "$A1 $A2 $A3"
expect_screen "draft: the Action's lines are rows of their own" 2 "^ $A2( {2,}|\$)"
yaml_list >"$T/after.list"
new=$(comm -13 "$T/before.list" "$T/after.list")
expect_eq "draft: Ctrl-S saved exactly one new story file" 1 "$(printf '%s' "$new" | grep -c .)"
f=$B/${new%%$'\n'*}
expect_screen "draft: the footer says where it was saved" 3 "saved .*${new%%$'\n'*}"
expect_eq "draft: the title is as typed" "$TITLE" "$(yget "$f" title)"
expect_eq "draft: the Situation is as typed" "$SIT" "$(yget "$f" situation)"
expect_eq "draft: the Task is as typed" "$TASK" "$(yget "$f" task)"
expect_eq "draft: the Action keeps its three lines" "$A1"$'\n'"$A2"$'\n'"$A3" "$(yget "$f" action)"
expect_eq "draft: the Result is as typed" "$RES" "$(yget "$f" result)"
expect_eq "draft: Learned is as typed" "$LRN" "$(yget "$f" learned)"
expect_eq "draft: the principles are the two chosen" "$picked" \
	"$(python3 -c 'import json,sys; print(" ".join(sorted(json.loads(sys.argv[1]) or [])))' "$(yget "$f" principles)")"
expect_eq "draft: the new file has mode 0600" 600 "$(mode_of "$f")"
expect_eq "draft: no recovery file is left after saving" no "$([ -e "$B/.lpcoach/draft.yaml" ] && echo yes || echo no)"
run --stories "$B" report --format json
cp "$T/.out" "$T/report1.json"
pycheck home "home after saving" "$T/dump" 4 "$T/report1.json"
# shellcheck disable=SC2086
pycheck grew "$T/report0.json" "$T/report1.json" $picked
expect_screen "draft: the stories list counts the new story" 5 "^ Stories \\($(($(wc -l <"$T/before.list") + 1)) of $(($(wc -l <"$T/before.list") + 1))\\)"
expect_screen_text "draft: the stories list shows the new title in UTF-8" 5 "$TITLE"

# --- editing an existing story -------------------------------------------
fresh
id=late-partition-root-cause
printf 'company: Acme\n' >>"$B/$id.yaml"
cp "$B/$id.yaml" "$T/orig.yaml"
APP=' — appended ✓ 追加'
tui edit "$id" <<EOF
dump
key Tab
key End
type $APP
dump
key C-s
dump
key Esc
EOF
expect_rc "edit: the script runs to its end" 0
expect_screen "edit: the title bar names the story" 1 "^ Editing $id"
expect_screen "edit: the change is marked as not saved yet" 2 "^ Editing $id +\\[modified\\]"
expect_screen "edit: Ctrl-S says it saved the story" 3 "saved .*$id\\.yaml"
pycheck edited "$T/orig.yaml" "$B/$id.yaml" situation "$APP"
expect_eq "edit: the unknown key 'company' is kept" "Acme" "$(yget "$B/$id.yaml" company)"
expect_eq "edit: no other story file appeared" "$n_sample" "$(yaml_list | wc -l)"

# --- resizing mid-draft ----------------------------------------------------
fresh
R1='Typed at 80x24: the load missed its window'
R2=' and at 120x40 — ünï 中文'
R3=' and back at 80x24 🚀 done.'
tui <<EOF
key n
key Space
key Tab
type Resizing mid-draft
key Tab
type $R1
resize 120 40
type $R2
dump
resize 60 20
dump
resize 80 24
type $R3
dump
key C-s
key Esc
key q
EOF
expect_rc "resize: the script runs to its end" 0
expect_eq "resize: the dumps have the sizes 120x40, 60x20, 80x24" "120x40 60x20 80x24" \
	"$(grep '^--- screen ' "$T/dump" | sed 's/^--- screen //' | tr '\n' ' ' | sed 's/ $//')"
expect_editor "resize: at 120x40 the editor shows the text typed so far" 1 "$R1$R2"
expect_screen_text "resize: ...on one line at that width" 1 "$R1$R2"
expect_screen "resize: at 60x20 a 'terminal too small' notice" 2 "terminal too small"
expect_screen "resize: the notice says what size is needed" 2 "need 80x24, have 60x20"
expect_screen "resize: back at 80x24 the draft is drawn again" 3 "^ New story"
expect_editor "resize: back at 80x24 the editor shows all the text" 3 "$R1$R2$R3"
f=$(grep -l '^title: Resizing mid-draft$' "$B"/*.yaml | head -n 1)
expect_eq "resize: the story was saved" yes "$([ -n "$f" ] && echo yes || echo no)"
expect_eq "resize: the saved Situation has all the text, before and after" "$R1$R2$R3" "$(yget "$f" situation)"

# --- a drill with a fixed seed --------------------------------------------
fresh
run --stories "$B" list --format json
cp "$T/.out" "$T/list.json"
t0=$(date +%s)
tui drill --seed 7 --count 2 <<'EOF'
dump
key a
wait 3
key Enter
dump
key 3
dump
key a
key Enter
dump
key 3
dump
key q
key q
EOF
expect_rc "drill: the script runs to its end" 0
# The clock: the 3 seconds waited, plus at most the real seconds the run took.
slack=$(($(date +%s) - t0 + 1))
cp "$T/dump" "$T/drill.dump"
expect_screen "drill: the title counts question 1 of 2" 1 "^ Drill +question 1 of 2"
expect_screen "drill: a clock against the target" 1 " 0:0[0-9] / [0-9]+:[0-9]{2}"
expect_screen "drill: after Enter, the follow-ups" 2 "The interviewer follows up:"
clock=$(screen 2 | grep -Eo ' [0-9]+:[0-9]{2} / [0-9]+:[0-9]{2}' | head -n 1 | awk -F'[: ]+' '{ print $2 * 60 + $3 }')
expect_eq "drill: the clock stopped at the 3 seconds waited" yes \
	"$([ "${clock:-0}" -ge 3 ] && [ "${clock:-0}" -le $((3 + slack)) ] && echo yes || echo "no ($clock s)")"
expect_eq "drill: the follow-ups shown come from prompts/followups.yaml" yes \
	"$([ "$(python3 "$T/chk.py" followups "$ROOT" "$T/dump" 2)" -ge 1 ] && echo yes || echo no)"
expect_screen "drill: after the rating, the rating is counted" 3 "^ Drill +question 2 of 2 +rated 1"
expect_screen "drill: the second follow-ups" 4 "The interviewer follows up:"
expect_screen "drill: the summary at the end" 5 "^ Drill summary"
expect_screen "drill: the summary counts 2 questions, 2 rated" 5 "2 questions, 2 rated"
log=$B/.lpcoach/drill.log
recs=$(grep -v '^#' "$log" 2>/dev/null | grep -c .)
expect_eq "drill: drill.log has two records" 2 "$recs"
expect_eq "drill: both records are rated 3" "3 3" "$(grep -v '^#' "$log" 2>/dev/null | awk -F'\t' '{ print $6 }' | tr '\n' ' ' | sed 's/ $//')"
expect_eq "drill: the records have six tab-separated fields" "6 6" "$(grep -v '^#' "$log" 2>/dev/null | awk -F'\t' '{ print NF }' | tr '\n' ' ' | sed 's/ $//')"
q1=$(grep -v '^#' "$log" 2>/dev/null | sed -n 1p | cut -f2)
q2=$(grep -v '^#' "$log" 2>/dev/null | sed -n 2p | cut -f2)
expect_eq "drill: two different questions" yes "$([ -n "$q1" ] && [ "$q1" != "$q2" ] && echo yes || echo no)"
pycheck question "$ROOT" "$q1" "$T/dump" 1
pycheck question "$ROOT" "$q2" "$T/dump" 3
expect_eq "drill: the first record took the 3 seconds waited" yes \
	"$(s=$(grep -v '^#' "$log" | sed -n 1p | cut -f5); [ "${s:-0}" -ge 3 ] && [ "${s:-0}" -le $((3 + slack)) ] && echo yes || echo "no ($s s)")"
expect_eq "drill: the first record names the story on cue card a" \
	"$(python3 "$T/chk.py" card "$T/dump" 1 "$T/list.json")" "$(grep -v '^#' "$log" 2>/dev/null | sed -n 1p | cut -f4)"
first=$(python3 "$T/chk.py" qtext "$T/drill.dump" 1)
fresh
tui drill --seed 7 --count 2 <<'EOF'
dump
key q
key q
EOF
expect_eq "drill: the same seed asks the same first question on a fresh copy" "$first" "$(python3 "$T/chk.py" qtext "$T/dump" 1)"
expect_eq "drill: ...and that question is not empty" yes "$([ -n "$first" ] && echo yes || echo no)"

# --- recovering a draft ---------------------------------------------------
fresh
RT='Recovered tale — ü'
RS='Typed before the crash: 東京 🙂 and the rest.'
start_draft() { # a new draft whose script just ends, as a SIGTERM would
	tui <<EOF
key n
key Space
key Tab
type $RT
key Tab
type $RS
EOF
}
start_draft
expect_rc "recovery: a script that just ends exits 0" 0
rec=$B/.lpcoach/draft.yaml
expect_eq "recovery: the end of the script leaves draft.yaml" yes "$([ -f "$rec" ] && echo yes || echo no)"
expect_eq "recovery: draft.yaml has the typed title" "$RT" "$(yget "$rec" title)"
expect_eq "recovery: draft.yaml has the typed Situation" "$RS" "$(yget "$rec" situation)"
expect_eq "recovery: draft.yaml has mode 0600" 600 "$(mode_of "$rec")"
expect_eq "recovery: no story file was written" "$n_sample" "$(yaml_list | wc -l)"
tui <<'EOF'
dump
key r
dump
key C-s
dump
key Esc
key q
EOF
expect_rc "recovery: the next start runs" 0
expect_screen "recovery: the next start shows the recovery dialog" 1 "A draft was not saved last time"
expect_screen "recovery: the dialog offers r and d" 1 "r recover the draft +d discard it"
expect_screen "recovery: r opens the recovered draft" 2 "draft recovered"
f=$(grep -l "^title: $RT\$" "$B"/*.yaml | head -n 1)
expect_eq "recovery: r then Ctrl-S saves the story" yes "$([ -n "$f" ] && echo yes || echo no)"
expect_eq "recovery: the saved Situation is the recovered text" "$RS" "$(yget "$f" situation)"
expect_eq "recovery: saving removes draft.yaml" no "$([ -e "$rec" ] && echo yes || echo no)"
tui <<'EOF'
dump
key q
EOF
expect_no_screen "recovery: after saving, the next start asks nothing" 1 "A draft was not saved"
# Recovered, then typing on: the recovered step's text must be in the editor.
fresh
start_draft
tui <<'EOF'
key r
dump
type  More after recovery.
key C-s
key Esc
key q
EOF
expect_editor "recovery: the recovered step shows its text in the editor" 1 "$RS"
f=$(grep -l "^title: $RT\$" "$B"/*.yaml | head -n 1)
expect_eq "recovery: typing after r adds to the recovered text (not replaces it)" "$RS More after recovery." "$(yget "$f" situation)"
# d discards.
fresh
start_draft
tui <<'EOF'
key d
dump
key q
EOF
expect_rc "recovery: d then q exits 0" 0
expect_eq "recovery: d removes draft.yaml" no "$([ -e "$rec" ] && echo yes || echo no)"
expect_no_screen "recovery: d closes the dialog" 1 "A draft was not saved"
expect_screen "recovery: d leaves the home screen" 1 "principles covered"
expect_eq "recovery: d saves no story" "$n_sample" "$(yaml_list | wc -l)"

# --- autosave while the app runs (the script is a FIFO we feed) -----------
# live ARGS...: start the interface on $B reading its script from a FIFO
# (fd 3); feed sends it commands; live_end closes the script and waits.
live() {
	rm -f "$T/fifo" "$T/dump"
	mkfifo "$T/fifo"
	exec 3<>"$T/fifo"
	LPCOACH_TUI_SCRIPT="$T/fifo" LPCOACH_TUI_DUMP="$T/dump" timeout -k 5 120 \
		$LPCOACH_WRAP "$LPCOACH_BIN" --stories "$B" "$@" >"$T/.out" 2>"$T/.err" </dev/null &
	app=$!
}
# feed LINES...: send commands and a dump; wait (10 s at most) for that dump.
feed() {
	local want i
	want=$(($(nscreens) + 1))
	printf '%s\n' "$@" dump >&3
	for ((i = 0; i < 200; i++)); do
		[ "$(nscreens)" -ge "$want" ] && return 0
		sleep 0.05
	done
	out=$(cat "$T/dump" 2>/dev/null)
	not_ok "the app dumps its screen after: $*" "no new screen in 10 s"
	return 1
}
live_end() {
	[ $# -gt 0 ] && printf '%s\n' "$@" >&3
	exec 3>&-
	wait "$app"
	rc=$?
	out=$(cat "$T/dump" 2>/dev/null)
	err=$(cat "$T/.err")
}
running() { kill -0 "$app" 2>/dev/null && echo yes || echo no; }

fresh
live
feed "key n" "key Space" "key Tab" "type Autosave title" "key Tab" "type first words"
if [ -z "$LPCOACH_WRAP" ]; then # (a slow wrapper may take 5 real seconds)
	expect_eq "autosave: no draft.yaml before 5 seconds of editing" no "$([ -e "$rec" ] && echo yes || echo no)"
fi
feed "wait 6"
expect_eq "autosave: 'wait 6' then a tick writes draft.yaml" yes "$([ -f "$rec" ] && echo yes || echo no)"
expect_eq "autosave: the app is still running then" yes "$(running)"
expect_eq "autosave: draft.yaml has the text typed so far" "first words" "$(yget "$rec" situation)"
feed "type  second words" "wait 6"
expect_eq "autosave: the next 5 seconds write the new text" "first words second words" "$(yget "$rec" situation)"
expect_eq "autosave: the app is still running after the second autosave" yes "$(running)"
live_end "key Esc" "key d" "key q"
expect_rc "autosave: the app ends with its script" 0
expect_eq "autosave: leaving with d removes draft.yaml" no "$([ -e "$rec" ] && echo yes || echo no)"

# --- a story changed on disk while it is edited ---------------------------
fresh
id=late-partition-root-cause
live edit "$id"
feed "key Tab" "key End" "type  Mine."
printf 'external: a change made elsewhere\n' >>"$B/$id.yaml"
cp "$B/$id.yaml" "$T/external.yaml"
feed "key C-s"
expect_screen "conflict: saving over a file changed on disk asks first" 2 "changed on disk since you opened it"
expect_screen "conflict: ...offering o and Esc" 2 "o overwrite it +Esc cancel"
expect_file_eq "conflict: until then the file on disk is untouched" "$T/external.yaml" "$B/$id.yaml"
feed "key Esc"
expect_no_screen "conflict: Esc closes the dialog" 3 "changed on disk since"
expect_editor "conflict: ...and the text typed stays in the editor" 3 "Mine."
expect_file_eq "conflict: Esc writes nothing" "$T/external.yaml" "$B/$id.yaml"
feed "key C-s" "key o"
expect_screen "conflict: o overwrites, saying so" 4 "saved .*$id\\.yaml \\(overwrote"
expect_eq "conflict: the file now has the typed text" yes \
	"$(case "$(yget "$B/$id.yaml" situation)" in *" Mine.") echo yes ;; *) echo no ;; esac)"
live_end "key Esc" "key q"
expect_rc "conflict: the app ends with its script" 0

# --- help, going back, leaving a draft ------------------------------------
fresh
tui <<'EOF'
key ?
dump
key q
dump
key s
key ?
dump
key Esc
dump
key Esc
dump
key d
key ?
dump
key q
key q
key q
dump
key n
key ?
dump
key Esc
key Tab
key F1
dump
key Esc
type A title?
dump
key Esc
dump
key d
dump
key q
EOF
expect_rc "help: the script runs to its end" 0
expect_screen "help: ? on home shows the home keys" 1 "Keys: home"
expect_screen "help: ...with 's' for all stories" 1 " s +all stories"
expect_screen "help: ...and 'd' for the drill" 1 " d +drill"
expect_no_screen "help: any key (q) closes the help without quitting" 2 "Keys: home"
expect_screen "help: ...and the home screen is still there" 2 "principles covered"
expect_screen "help: ? on the stories screen shows its keys" 3 "Keys: stories"
expect_screen "help: ...with / for search" 3 " / +search titles"
expect_screen "help: ...and p for the principle filter" 3 " p +filter by principle"
expect_no_screen "help: Esc closes the stories help" 4 "Keys: stories"
expect_screen "help: ...and stays on the stories screen" 4 "^ Stories "
expect_screen "help: Esc on the stories screen goes back home" 5 "principles covered"
expect_screen "help: ? in the drill shows the drill keys" 6 "Keys: drill"
expect_screen "help: ...with the ratings" 6 " 1-4 +rate the answer"
expect_screen "help: q, q leaves the drill for home" 7 "principles covered"
expect_screen "help: ? on the principles step shows the draft keys" 8 "Keys: draft"
expect_screen "help: ...with Space to choose" 8 " Space +choose or drop"
expect_screen "help: F1 on a text step shows the draft keys" 9 "Keys: draft"
expect_screen "help: ...with Ctrl-S" 9 " Ctrl-S +save the story"
expect_screen "help: ...and the editing keys" 9 " Backspace +delete before the cursor"
expect_screen_text "help: on a text step '?' is text, not help" 10 "A title?"
expect_no_screen "help: ...no help box then" 10 "Keys: draft"
expect_screen "help: Esc with unsaved changes asks first" 11 "changes that are not saved"
expect_screen "help: ...offering s, d and Esc" 11 "s save and leave +d discard +Esc keep editing"
expect_screen "help: d discards and goes back home" 12 "principles covered"
expect_screen "help: ...saying so" 12 "draft discarded"
expect_eq "help: the discarded draft saved no story" "$n_sample" "$(yaml_list | wc -l)"
expect_eq "help: the discarded draft left no draft.yaml" no "$([ -e "$rec" ] && echo yes || echo no)"

# --- the stories screen: search, principle filter, clear ------------------
fresh
total=$(yaml_list | wc -l)
q=iceberg
n_q=$(python3 "$T/chk.py" search "$B" "$q")
pidx=$(python3 -c '
import json, sys
ps = json.load(open(sys.argv[1]))["principles"]
print([p["id"] for p in ps].index("dive-deep"))' "$T/report0.json")
n_p=$(python3 -c '
import json, sys
print([len(p["stories"]) for p in json.load(open(sys.argv[1]))["principles"] if p["id"] == "dive-deep"][0])' "$T/report0.json")
name_p=$(python3 -c '
import json, sys
print([p["name"] for p in json.load(open(sys.argv[1]))["principles"] if p["id"] == "dive-deep"][0])' "$T/report0.json")
{
	echo "key s"
	echo "dump"
	echo "key /"
	echo "type $q"
	echo "key Enter"
	echo "dump"
	echo "key c"
	echo "dump"
	echo "key p"
	for ((i = 0; i <= pidx; i++)); do echo "key j"; done
	echo "key Enter"
	echo "dump"
	echo "key c"
	echo "dump"
	echo "key q"
	echo "key q"
} >"$T/stories.keys"
tui <"$T/stories.keys"
expect_rc "stories: the script runs to its end" 0
expect_screen "stories: all stories at first" 1 "^ Stories \\($total of $total\\)"
expect_eq "stories: (the search term matches some but not all stories)" yes "$([ "$n_q" -ge 1 ] && [ "$n_q" -lt "$total" ] && echo yes || echo no)"
expect_screen "stories: / narrows the list to the matching stories" 2 "^ Stories +search '$q' \\($n_q of $total\\)"
expect_eq "stories: the search shows that many rows" "$n_q" "$(python3 "$T/chk.py" rows "$T/dump" 2)"
expect_screen "stories: c clears the search" 3 "^ Stories \\($total of $total\\)"
expect_screen "stories: p then a principle filters the list" 4 "^ Stories - $name_p \\($n_p of $total\\)"
expect_eq "stories: the filter shows that principle's stories" "$n_p" "$(python3 "$T/chk.py" rows "$T/dump" 4)"
expect_screen "stories: c clears the filter" 5 "^ Stories \\($total of $total\\)"
expect_eq "stories: after c, every story is listed" "$total" "$(python3 "$T/chk.py" rows "$T/dump" 5)"

# From home, Enter lists the selected principle's stories; n there drafts
# a story with that principle chosen.
{
	for ((i = 0; i < pidx; i++)); do echo "key j"; done
	echo "key Enter"
	echo "dump"
	echo "key n"
	echo "dump"
	echo "type From the principle's list"
	echo "key C-s"
	echo "key Esc"
	echo "dump"
	echo "key q"
	echo "key q"
} >"$T/principle.keys"
tui <"$T/principle.keys"
expect_rc "principle list: the script runs to its end" 0
expect_screen "principle list: Enter on home lists that principle's stories" 1 "^ Stories - $name_p \\($n_p of $total\\)"
expect_screen "principle list: n there starts on the Title step" 2 "^ Title +[0-9]+ words"
expect_screen "principle list: ...with the principles step done" 2 "✓Principles"
f=$(grep -l "^title: From the principle's list\$" "$B"/*.yaml | head -n 1)
expect_eq "principle list: the story is saved with that principle" '["dive-deep"]' "$(yget "${f:-/dev/null}" principles)"
expect_screen "principle list: leaving the draft goes back to the list, now one longer" 3 "^ Stories - $name_p \\($((n_p + 1)) of $((total + 1))\\)"

# --- the command line ------------------------------------------------------
fresh
printf 'key q\n' >"$T/q.keys"
tuirun() { # tuirun ARGS...: like run, with a headless key script that quits
	LPCOACH_TUI_SCRIPT="$T/q.keys" run --stories "$B" "$@"
}
tuirun new --principle dive-deeep
expect_rc "new --principle dive-deeep: exit 2" 2
expect_err "new --principle dive-deeep: names the unknown principle" "unknown principle 'dive-deeep'"
expect_err "new --principle dive-deeep: suggests dive-deep" "did you mean 'dive-deep'"
tuirun edit no-such-story
expect_rc "edit no-such-story: exit 2" 2
expect_err "edit no-such-story: says there is no such story" "no story 'no-such-story'"
tui new --principle dive-deep <<'EOF'
dump
type Chosen up front
key C-s
key Esc
EOF
expect_rc "new --principle dive-deep: runs" 0
expect_screen "new --principle: starts on the Title step" 1 "^ Title +[0-9]+ words"
f=$(grep -l '^title: Chosen up front$' "$B"/*.yaml | head -n 1)
expect_eq "new --principle: the saved story has that principle" '["dive-deep"]' "$(yget "${f:-/dev/null}" principles)"

# --- the C locale -----------------------------------------------------------
fresh
CT='Locale C — 東京 ünï 🚀'
CA1='Line one é.'
CA2='Line two 中文 🎉.'
LC_ALL=C tui <<EOF
key n
key Space
key Tab
type $CT
key Tab
key Tab
key Tab
type $CA1
key Enter
type $CA2
dump
key C-s
key Esc
key q
EOF
expect_rc "LC_ALL=C: the interface runs" 0
expect_screen "LC_ALL=C: the draft is drawn" 1 "^ New story"
f=$(grep -l '^title: Locale C' "$B"/*.yaml | head -n 1)
expect_eq "LC_ALL=C: the title is saved as UTF-8" "$CT" "$(yget "${f:-/dev/null}" title)"
expect_eq "LC_ALL=C: the multi-line Action is saved as UTF-8" "$CA1"$'\n'"$CA2" "$(yget "${f:-/dev/null}" action)"

#!/usr/bin/env bash
# Bad input the other tests do not cover: binary garbage in the bank,
# $EDITOR round trips that fail, tiny terminals, the C locale.
. "$(dirname "$0")/../lib.sh"
cp -r "$ROOT/stories" "$T/bank"

# Binary garbage as a story file: reported with a location, the rest loads.
head -c 4096 /dev/urandom >"$T/bank/garbage.yaml"
printf 'title: x\n\x00\x01\x02 binary\n' >"$T/bank/nul.yaml"
run --stories "$T/bank" list
expect_rc "binary garbage: exit 2" 2
expect_err "binary garbage: named with a line" 'garbage\.yaml:[0-9]+:[0-9]+: error: '
expect_err "a NUL byte: named with a line" 'nul\.yaml:2:[0-9]+: error: '
expect_eq "binary garbage: the other stories still load" "$(ls "$ROOT/stories"/*.yaml | wc -l)" "$(printf '%s\n' "$out" | grep -c '\[')"
rm "$T/bank/garbage.yaml" "$T/bank/nul.yaml"

tui() { # tui SCRIPT ARGS...: run the interface headless on the bank
	local script=$1
	shift
	printf '%s\n' "$script" >"$T/keys"
	rm -f "$T/dump"
	LPCOACH_TUI_SCRIPT="$T/keys" LPCOACH_TUI_DUMP="$T/dump" "$LPCOACH_BIN" --stories "$T/bank" "$@" >"$T/.out" 2>"$T/.err"
	rc=$?
	out=$(cat "$T/dump" 2>/dev/null)
	err=$(cat "$T/.err")
}

# $EDITOR round trips (Ctrl-E on the Action of an existing story).
id=late-partition-root-cause
before=$(python3 -c 'import yaml,sys; print(yaml.safe_load(open(sys.argv[1]))["action"])' "$T/bank/$id.yaml")
edit_with() { # edit_with EDITOR-COMMAND: Ctrl-E then save
	LPCOACH_EDITOR="$1" EDITOR="$1" tui $'key Tab\nkey Tab\nkey Tab\nkey C-e\ndump\nkey C-s\ndump\nkey Esc' edit "$id"
}
action_now() { python3 -c 'import yaml,sys; print(yaml.safe_load(open(sys.argv[1]))["action"])' "$T/bank/$id.yaml"; }
for bad in "false" "sh -c 'kill -9 \$\$'" "rm -f" "true"; do
	edit_with "$bad"
	expect_eq "editor '$bad': the story is intact" "$before" "$(action_now)"
done
edit_with "false"
expect_out "an editor exiting non-zero: says the text is unchanged" "the editor failed \(non-zero exit\); your text is unchanged"
edit_with "sh -c 'kill -9 \$\$'"
expect_out "a killed editor: says so" "the editor failed \(killed\)"
edit_with "rm -f"
expect_out "an editor deleting the file: says so" "the editor left no readable file"
edit_with "true"
expect_out "an editor changing nothing: says so" "no change from the editor"
cat >"$T/append.sh" <<'SH'
#!/bin/sh
printf '\nI also wrote a runbook for the on-call rota.' >>"$1"
SH
chmod +x "$T/append.sh"
edit_with "$T/append.sh"
expect_out "an editor's change is taken in" "text from the editor taken in"
expect_eq "and saved" "$(printf '%s' "${before}I also wrote a runbook for the on-call rota." | tr -d '\n')" "$(action_now | tr -d '\n')"
expect_eq "the editor's temporary folder is removed" 0 "$(ls -d /tmp/lpcoach-edit.* 2>/dev/null | wc -l)"

# Tiny terminals: a notice, never a crash; the draft survives.
tui $'key n\nkey Tab\ntype Tiny title\nresize 20 5\ndump\nresize 10 3\ndump\nresize 1 1\ndump\nresize 80 24\nkey C-s\ndump\nkey Esc\nkey q'
expect_rc "resizing to 20x5, 10x3 and 1x1 does not crash" 0
expect_out "below 80x24 a notice" "^terminal too small"
expect_eq "the draft typed before survives" 1 "$(grep -l '^title: Tiny title$' "$T"/bank/*.yaml | wc -l)"

# LC_ALL=C: the interface still runs and keeps UTF-8 text intact.
LC_ALL=C tui $'key n\nkey Tab\ntype Caf\xc3\xa9 \xe4\xb8\xad\nkey C-s\nkey Esc\nkey q'
expect_rc "LC_ALL=C: the interface runs" 0
expect_eq "LC_ALL=C: UTF-8 typed text is saved intact" 1 "$(grep -l $'^title: Caf\xc3\xa9 \xe4\xb8\xad$' "$T"/bank/*.yaml | wc -l)"

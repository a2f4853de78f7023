# bash completion for lpcoach                               -*- shell-script -*-
#
# Installed as share/bash-completion/completions/lpcoach, or sourced from
# ~/.bashrc; it needs nothing from the bash-completion package. Principle
# and story ids come from the lpcoach being completed ('principles --format
# ids', 'list --format ids'), run with the --stories and --data given on the
# line. When lpcoach fails, nothing is offered and nothing is printed. Safe
# under 'set -u'.

# _lpcoach_unquote WORD: WORD as the shell will pass it, for the quoting
# people type in a path ('a b', "a b", a\ b, ~/x).
_lpcoach_unquote() {
	local w=$1 out="" c
	case $w in
	\'*\') w=${w#\'} w=${w%\'} ;;
	\"*\") w=${w#\"} w=${w%\"} ;;
	*\\*)
		while [ -n "$w" ]; do
			c=${w:0:1} w=${w:1}
			if [ "$c" = "\\" ] && [ -n "$w" ]; then
				c=${w:0:1} w=${w:1}
			fi
			out+=$c
		done
		w=$out
		;;
	esac
	# shellcheck disable=SC2088 # a literal '~' to replace, not to expand
	case $w in
	"~") w=${HOME-} ;;
	"~/"*) w=${HOME-}/${w#"~/"} ;;
	esac
	printf '%s\n' "$w"
}

# _lpcoach_ids WHAT: the output of 'lpcoach [--stories D] [--data D] WHAT
# --format ids', with the folders given anywhere on the line (except in the
# word being completed); nothing when lpcoach fails.
_lpcoach_ids() {
	local prog=${COMP_WORDS[0]-lpcoach} cword=${COMP_CWORD-0} i=1 w v
	local -a pre=()
	prog=$(_lpcoach_unquote "$prog")
	command -v -- "$prog" >/dev/null 2>&1 || prog=lpcoach
	command -v -- "$prog" >/dev/null 2>&1 || return 0
	while [ "$i" -lt "${#COMP_WORDS[@]}" ]; do
		w=${COMP_WORDS[i]-}
		case $w in
		--stories | --data)
			# "--stories DIR", or "--stories = DIR" as COMP_WORDBREAKS split it
			v=$((i + 1))
			[ "${COMP_WORDS[v]-}" = "=" ] && v=$((v + 1))
			if [ "$i" -ne "$cword" ] && [ "$v" -ne "$cword" ] && [ -n "${COMP_WORDS[v]-}" ]; then
				pre+=("$w" "$(_lpcoach_unquote "${COMP_WORDS[v]}")")
			fi
			i=$v
			;;
		--stories=?* | --data=?*)
			[ "$i" -ne "$cword" ] && pre+=("${w%%=*}" "$(_lpcoach_unquote "${w#*=}")")
			;;
		esac
		i=$((i + 1))
	done
	"$prog" ${pre[@]+"${pre[@]}"} "$1" --format ids </dev/null 2>/dev/null
	return 0
}

# _lpcoach_lines TEXT CUR: add the lines of TEXT that start with CUR.
_lpcoach_lines() {
	local line
	while IFS= read -r line; do
		case $line in
		"") ;;
		"$2"*) COMPREPLY+=("$line") ;;
		esac
	done <<<"$1"
}

# _lpcoach_words "W1 W2 ..." CUR: add the words that start with CUR.
_lpcoach_words() {
	local -a list=()
	local w
	read -r -a list <<<"$1"
	for w in ${list[@]+"${list[@]}"}; do
		case $w in
		"$2"*) COMPREPLY+=("$w") ;;
		esac
	done
}

# _lpcoach_files CUR [dirs|yaml]: any file, folders only, or folders and
# *.yaml files.
_lpcoach_files() {
	local list
	compopt -o filenames 2>/dev/null
	case ${2-} in
	dirs) list=$(compgen -d -- "$1") ;;
	yaml) list=$(compgen -d -- "$1"; compgen -f -X '!*.yaml' -- "$1") ;;
	*) list=$(compgen -f -- "$1") ;;
	esac
	_lpcoach_lines "$list" ""
}

# _lpcoach_has WORD LIST...: is WORD one of LIST?
_lpcoach_has() {
	local w=$1
	shift
	while [ $# -gt 0 ]; do
		[ "$w" = "$1" ] && return 0
		shift
	done
	return 1
}

# ($valued is a list of words, split on purpose.)
# shellcheck disable=SC2086
_lpcoach() {
	local IFS=$' \t\n'
	COMPREPLY=()
	local cword=${COMP_CWORD-0}
	local cur=${COMP_WORDS[cword]-} prev="" prefix="" i w cmd="" cmdat=0
	[ "$cword" -gt 0 ] && prev=${COMP_WORDS[cword - 1]-}

	# --opt=value: COMP_WORDBREAKS usually splits it into '--opt' '=' 'value'.
	if [ "$cur" = "=" ] && [ "${prev#--}" != "$prev" ]; then
		cur=""
	elif [ "$prev" = "=" ] && [ "$cword" -gt 1 ]; then
		prev=${COMP_WORDS[cword - 2]-}
	elif [ "${cur#--*=}" != "$cur" ]; then
		prefix=${cur%%=*}=
		prev=${cur%%=*}
		cur=${cur#*=}
	fi

	# The command: the first word that is not a global option or its value.
	i=1
	while [ "$i" -lt "$cword" ]; do
		w=${COMP_WORDS[i]-}
		case $w in
		--stories | --data)
			i=$((i + 1))
			[ "${COMP_WORDS[i]-}" = "=" ] && i=$((i + 1))
			;;
		-*) ;;
		*)
			cmd=$w cmdat=$i
			break
			;;
		esac
		i=$((i + 1))
	done

	# Each command's options: those that take a value, and the others.
	local valued="" flags="" args=""
	case $cmd in
	"") valued="--stories --data" flags="--help --version" ;;
	new) valued="--principle -p" ;;
	edit | show) args=story ;;
	list) valued="--principle -p --format -f" ;;
	principles) valued="--format -f" ;;
	lint) valued="--format -f --min-level -l --rules -r" flags="--no-exit --staged" args=paths ;;
	report) valued="--format -f --output -o --target -t --reuse -u --rules -r" ;;
	drill) valued="--count -n --principle -P --seed -s --time -t" flags="--plain -p --hide-principle -H --stats" ;;
	export) valued="--format -f --output -o --target -t" ;;
	import) valued="--principle -p --id -i" flags="--force --dry-run -n" args=file ;;
	check) valued="--rules -r" ;;
	keys) ;;
	*) return 0 ;;
	esac
	[ -n "$cmd" ] && valued+=" --stories --data" flags+=" --help -h"

	# The value of an option.
	if [ -n "$prev" ] && [ "$cword" -gt "$cmdat" ] && _lpcoach_has "$prev" $valued; then
		case $prev in
		--stories | --data | --rules | -r) _lpcoach_files "$cur" dirs ;;
		--output | -o) _lpcoach_files "$cur" ;;
		--format | -f)
			case $cmd in
			list | principles) _lpcoach_words "text json ids" "$cur" ;;
			lint) _lpcoach_words "text json line" "$cur" ;;
			report) _lpcoach_words "text markdown json" "$cur" ;;
			export) _lpcoach_words "markdown html" "$cur" ;;
			esac
			;;
		--min-level | -l) _lpcoach_words "suggestion warning error" "$cur" ;;
		--principle | -p | -P) _lpcoach_lines "$(_lpcoach_ids principles)" "$cur" ;;
		esac
		# (numbers and new ids are left to type)
		if [ -n "$prefix" ] && [ ${#COMPREPLY[@]} -gt 0 ]; then
			COMPREPLY=("${COMPREPLY[@]/#/$prefix}")
		fi
		return 0
	fi

	if [ -z "$cmd" ]; then
		case $cur in
		-*) _lpcoach_words "$valued $flags" "$cur" ;;
		*) _lpcoach_words "new edit list show principles lint report drill export import check keys" "$cur" ;;
		esac
		return 0
	fi

	# The arguments before this word: count them, note '--' and --staged.
	local nargs=0 dashdash=0 staged=0
	i=$((cmdat + 1))
	while [ "$i" -lt "$cword" ]; do
		w=${COMP_WORDS[i]-}
		if [ "$dashdash" -eq 0 ] && [ "$w" = "--" ]; then
			dashdash=1
		elif [ "$dashdash" -eq 0 ] && _lpcoach_has "$w" $valued; then
			i=$((i + 1))
			[ "${COMP_WORDS[i]-}" = "=" ] && i=$((i + 1))
		elif [ "$dashdash" -eq 0 ] && [ "$w" != "-" ] && [ "${w#-}" != "$w" ]; then
			[ "$w" = "--staged" ] && staged=1
		else
			nargs=$((nargs + 1))
		fi
		i=$((i + 1))
	done

	if [ "$dashdash" -eq 0 ]; then
		case $cur in
		-*)
			_lpcoach_words "$valued $flags" "$cur"
			[ "$args" = file ] && [ "$cur" = "-" ] && [ "$nargs" -eq 0 ] && COMPREPLY+=("-")
			return 0
			;;
		esac
	fi
	case $args in
	story)
		[ "$nargs" -eq 0 ] || return 0
		case $cur in
		*/*) [ "$cmd" = show ] && _lpcoach_files "$cur" yaml ;;
		*) _lpcoach_lines "$(_lpcoach_ids list)" "$cur" ;;
		esac
		;;
	paths)
		[ "$staged" -eq 0 ] && _lpcoach_files "$cur" yaml
		;;
	file)
		[ "$nargs" -eq 0 ] && _lpcoach_files "$cur"
		;;
	*)
		# A command without arguments: its options.
		[ "$dashdash" -eq 0 ] && _lpcoach_words "$valued $flags" "$cur"
		;;
	esac
	return 0
}

complete -F _lpcoach lpcoach

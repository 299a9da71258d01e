#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# xgettext and msgmerge, plus the data set.
#
# xgettext picks each file's language from its extension and does not know
# .exercise and .routine, which are key files in the desktop-entry syntax
# (see data/README.md). po/meson.build therefore makes meson's i18n module
# run this script in place of xgettext and msgmerge
# (meson.override_find_program):
#
#  - as xgettext (`meson compile limber-pot`), it splits the --files-from
#    list: every other file is extracted exactly as meson asked, then the
#    data-set files are extracted with --language=Desktop and joined into the
#    same template. Called any other way, it is plain xgettext.
#
#  - as msgmerge (`meson compile limber-update-po`), it first adds the data
#    set to the template, because meson 1.0 regenerates the template for
#    update-po with the xgettext on PATH instead of the overridden one. It
#    recognises that role by meson's exact call, `-q -o LL.po LL.po NAME.pot`;
#    anything else is passed to xgettext.

set -eu

xgettext=${XGETTEXT:-xgettext}
msgmerge=${MSGMERGE:-msgmerge}
msgcat=${MSGCAT:-msgcat}

# The translatable keys of exercises and routines.
dataset_args=(--language=Desktop --keyword)
for key in Name Summary Muscles Caution \
           Instruction1 Instruction2 Instruction3 Instruction4 Instruction5 \
           Instruction6 Instruction7 Instruction8 Instruction9; do
  dataset_args+=("--keyword=$key")
done

tmpdir=$(mktemp -d)
trap 'rm -rf "$tmpdir"' EXIT

# split_list POTFILES: writes $tmpdir/sources and $tmpdir/dataset, dropping
# comments and blank lines as xgettext does.
split_list ()
{
  local line
  : >"$tmpdir/sources"
  : >"$tmpdir/dataset"
  while IFS= read -r line || [ -n "$line" ]; do
    line=${line%$'\r'}
    case $line in
      '' | '#'*) ;;
      *.exercise | *.routine | *.program) printf '%s\n' "$line" >>"$tmpdir/dataset" ;;
      *) printf '%s\n' "$line" >>"$tmpdir/sources" ;;
    esac
  done <"$1"
}

# --- msgmerge role -------------------------------------------------------
if [ $# -eq 5 ] && [ "$1" = -q ] && [ "$2" = -o ] &&
   [ "$3" = "$4" ] && [[ $3 == *.po ]] && [[ $5 == *.pot ]]; then
  pot=$5
  podir=$(dirname "$pot")
  if [ -f "$podir/POTFILES.in" ]; then
    split_list "$podir/POTFILES.in"
    if [ -s "$tmpdir/dataset" ]; then
      "$xgettext" --from-code=UTF-8 --add-comments --force-po \
        "${dataset_args[@]}" --directory="$podir/.." \
        --output="$tmpdir/dataset.pot" --files-from="$tmpdir/dataset"
      sed -i 's/charset=CHARSET/charset=UTF-8/' "$tmpdir/dataset.pot"
      # The template's own header comes first and wins.
      "$msgcat" --use-first --output-file="$tmpdir/joined.pot" \
        "$pot" "$tmpdir/dataset.pot"
      cp "$tmpdir/joined.pot" "$pot"
    fi
  fi
  exec "$msgmerge" "$@"
fi

# --- xgettext role -------------------------------------------------------
all_args=()     # what meson passed, minus the file list
shared_args=()  # the options that also apply to the data-set pass
files_from=

while [ $# -gt 0 ]; do
  case $1 in
    -f | --files-from)
      files_from=$2
      shift 2
      continue
      ;;
    --files-from=*)
      files_from=${1#*=}
      shift
      continue
      ;;
    -D | -p | -o | --directory | --output-dir | --output | --width)
      all_args+=("$1" "$2")
      shared_args+=("$1" "$2")
      shift 2
      continue
      ;;
    --directory=* | --output-dir=* | --output=* | --package-name=* | \
    --package-version=* | --msgid-bugs-address=* | --copyright-holder=* | \
    --from-code=* | --add-comments | --add-comments=* | -c* | --width=* | \
    --no-wrap | --no-location | --add-location* | --sort-output | \
    --sort-by-file | --force-po | --foreign-user)
      shared_args+=("$1")
      ;;
  esac
  all_args+=("$1")
  shift
done

if [ -z "$files_from" ]; then
  exec "$xgettext" "${all_args[@]}"
fi

split_list "$files_from"
if [ ! -s "$tmpdir/dataset" ]; then
  exec "$xgettext" "${all_args[@]}" --files-from="$files_from"
fi

# --force-po so that the template exists for the join even if this pass
# finds nothing.
"$xgettext" "${all_args[@]}" --force-po --files-from="$tmpdir/sources"
"$xgettext" "${shared_args[@]}" --join-existing "${dataset_args[@]}" \
  --files-from="$tmpdir/dataset"

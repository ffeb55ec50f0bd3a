#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Fails when a source under src/ has translatable strings but is missing from
# po/POTFILES.in, or when POTFILES.in names a file that does not exist or is
# not sorted. Usage: check-potfiles.sh [SOURCE_ROOT]
set -eu

root=${1:-$(dirname "$0")/..}
cd "$root"
potfiles=po/POTFILES.in
status=0

listed=$(grep -v '^[[:space:]]*#' "$potfiles" | sed '/^[[:space:]]*$/d')

# C sources with _( or N_( / C_( calls, and .ui files with translatable="yes".
candidates=$( (grep -rlE --include='*.c' '(^|[^A-Za-z0-9_])[NC]?_ ?\(' src || true;
               grep -rl --include='*.ui' 'translatable="yes"' src || true) | sort -u)

for f in $candidates; do
  if ! printf '%s\n' "$listed" | grep -qxF "$f"; then
    echo "missing from $potfiles: $f"
    status=1
  fi
done

for f in $listed; do
  if [ ! -f "$f" ]; then
    echo "listed in $potfiles but missing: $f"
    status=1
  fi
done

if [ "$(printf '%s\n' "$listed" | LC_ALL=C sort)" != "$listed" ]; then
  echo "$potfiles is not sorted (LC_ALL=C sort)"
  status=1
fi

if [ $status -eq 0 ]; then
  count=$(printf '%s\n' "$candidates" | grep -c .)
  echo "$potfiles lists all $count translatable sources"
fi
exit $status

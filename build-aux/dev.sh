#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The two commands of the README, for a fresh Debian 12 machine:
#   build-aux/dev.sh demo   build and run the app against the built-in demo site
#   build-aux/dev.sh test   build and run every test under a virtual display
# Both install the missing packages of build-aux/debian-packages.txt first
# (nothing when all are there) and build in _build.
set -eu

cd "$(dirname "$0")/.."

mode=${1:-}
case "$mode" in
  demo|test) ;;
  *)
    echo "usage: $0 demo|test" >&2
    exit 2
    ;;
esac

builddir=_build

install_missing_packages () {
  missing=""
  # shellcheck disable=SC2013 # one package name a line, no spaces
  for pkg in $(sed -e 's/#.*//' build-aux/debian-packages.txt); do
    status=$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null || true)
    case "$status" in
      ii*) ;;
      *) missing="$missing $pkg" ;;
    esac
  done

  if [ -z "$missing" ]; then
    return 0
  fi

  echo "Installing:$missing"
  if [ "$(id -u)" -eq 0 ]; then
    sudo=""
  elif command -v sudo >/dev/null 2>&1; then
    sudo="sudo"
  else
    echo "These packages are missing and neither root nor sudo is available:$missing" >&2
    exit 1
  fi
  # shellcheck disable=SC2086 # the package list is meant to split into words
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update
  # shellcheck disable=SC2086
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
}

build () {
  if [ -f "$builddir/build.ninja" ]; then
    meson setup --reconfigure "$builddir" --werror
  else
    meson setup "$builddir" --werror
  fi
  meson compile -C "$builddir"
}

count_results () {
  log="$builddir/meson-logs/testlog.json"
  if [ ! -f "$log" ]; then
    echo "0 passed, 1 failed (no test log: the test run did not start)"
    return 1
  fi
  # One JSON object per line; its "result" is OK, SKIP, FAIL, TIMEOUT, ERROR,
  # EXPECTEDFAIL or UNEXPECTEDPASS.
  passed=$(grep -cE '"result": "(OK|EXPECTEDFAIL)"' "$log" || true)
  skipped=$(grep -c '"result": "SKIP"' "$log" || true)
  failed=$(grep -cE '"result": "(FAIL|TIMEOUT|ERROR|UNEXPECTEDPASS)"' "$log" || true)
  if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
  else
    echo "$passed passed, $failed failed"
  fi
  [ "$failed" -eq 0 ]
}

run_tests () {
  # A throw-away home: the tests' keyring, settings and caches never touch
  # the user's own.
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' EXIT INT TERM
  export HOME="$tmp"
  export XDG_DATA_HOME="$tmp/.local/share"
  export XDG_CONFIG_HOME="$tmp/.config"
  export XDG_CACHE_HOME="$tmp/.cache"
  export XDG_RUNTIME_DIR="$tmp/runtime"
  mkdir -p "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME"
  mkdir -m 700 "$XDG_RUNTIME_DIR"
  rm -f "$builddir/meson-logs/testlog.json"

  status=0
  # The keyring is unlocked with a throw-away password so libsecret never
  # prompts. The inner script is expanded by the inner shell, on purpose.
  # shellcheck disable=SC2016
  xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- sh -ec '
    eval "$(printf %s test | gnome-keyring-daemon --unlock --components=secrets)"
    export GNOME_KEYRING_CONTROL SSH_AUTH_SOCK
    meson test -C "$1" --print-errorlogs' sh "$builddir" || status=$?

  count_results || status=1
  return $status
}

install_missing_packages
build

case "$mode" in
  demo)
    exec env GSETTINGS_SCHEMA_DIR="$builddir/data" "$builddir/src/concierge" --demo
    ;;
  test)
    run_tests
    ;;
esac

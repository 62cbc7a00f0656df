#!/usr/bin/env bash
# A private X server and session bus with the accessibility bus, then the AT-SPI reader
# (tests/e2e/atspi_read.py, with the system Python that has pyatspi). Exits as it does.
set -u
cd "$(dirname "$0")/../.."
display=":$((90 + RANDOM % 800))"
Xvfb "$display" -screen 0 1366x768x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb 2>/dev/null' EXIT
for _ in $(seq 50); do [ -e "/tmp/.X11-unix/X${display#:}" ] && break; sleep 0.1; done
export DISPLAY="$display" NO_AT_BRIDGE=0
dbus-run-session -- bash -c '
  /usr/libexec/at-spi-bus-launcher --launch-immediately >/dev/null 2>&1 &
  sleep 1
  /usr/bin/python3 tests/e2e/atspi_read.py "$@"
' atspi "$@" 2> >(grep -v "dbus-daemon\|SpiRegistry" >&2)

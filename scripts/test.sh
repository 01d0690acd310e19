#!/usr/bin/env bash
# The test command (README, .ci/run): makes sure every kernel tree a test reads (Debian's Linux 6.12
# and 6.1 sources and configs) is installed and unpacked outside the repository, in $MMLINT_KERNELS
# (default ~/.cache/mmlint/kernels; the tests read the same variable), and that an X display exists
# for the Eclipse UI smoke test (Xvfb, installed when missing), then runs the whole Maven build with
# its tests.
#   scripts/test.sh [extra Maven arguments]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
MMLINT_KERNELS="${MMLINT_KERNELS:-$HOME/.cache/mmlint/kernels}"
export MMLINT_KERNELS
# every tree the tests read: keep this list in step with KernelTestTrees.tree(...) callers
bash scripts/kernel-sources.sh 6.12 6.1 | sed 's/^/test.sh: kernel sources at /' >&2
# The Eclipse UI smoke test runs a real workbench: SWT needs GTK 3 and an X display (Xvfb here).
if ! command -v xvfb-run >/dev/null 2>&1 || ! command -v xauth >/dev/null 2>&1 \
    || ! ldconfig -p 2>/dev/null | grep 'libgtk-3\.so\.0' >/dev/null; then
  echo "test.sh: installing xvfb, xauth and libgtk-3-0 (X server and GTK for the Eclipse UI smoke test)" >&2
  apt-get update -qq >&2 || true
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq xvfb xauth libgtk-3-0 >&2
fi
if [ -z "${DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1280x1024x24" ./mvnw -B -ntp verify "$@"
fi
exec ./mvnw -B -ntp verify "$@"

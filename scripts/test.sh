#!/usr/bin/env bash
# The test command (README, .ci/run): makes sure the Linux 6.12 sources the end-to-end tests read
# are unpacked (outside the repository), then runs the whole Maven build with its tests.
#   scripts/test.sh [extra Maven arguments]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
if [ -z "${MMLINT_KERNEL_6_12:-}" ]; then
  MMLINT_KERNEL_6_12="$(bash scripts/kernel-sources.sh 6.12 | tail -n 1)"
  export MMLINT_KERNEL_6_12
fi
echo "test.sh: Linux 6.12 sources at $MMLINT_KERNEL_6_12" >&2
exec ./mvnw -B -ntp verify "$@"

#!/usr/bin/env bash
# Review benchmark (issue 15): reviews the development corpus's fixes and their reverts, real upstream
# mm/ patches (bench/review/real.tsv) and the 20-patch speed series, and prints one table: patch,
# expected verdict, mmlint's verdict (introduced / pre-existing / fixed), time, and the totals.
#   bench/review.sh [--save] [corpus|real|speed ...]
# --save writes bench/results/review-<date>.md. Needs the kernel trees of scripts/test.sh.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
exec python3 "$here/review/bench.py" "$@"

#!/usr/bin/env bash
# Writes the 20-patch speed series of bench/run.sh to $1 (an mbox): 20 mm/ files of Linux 6.1, spread
# evenly over the sizes of those that differ in 6.12, each taken to its 6.12 text by one
# `git format-patch`-style mail, to be reviewed against the 6.1 tree. Not real commits: a size and
# speed case (every patch touches a different, whole file).
set -euo pipefail
out=${1:?usage: synthetic-series.sh OUT.mbox}
k=${MMLINT_KERNELS:-$HOME/.cache/mmlint/kernels}
old="$k/linux-source-6.1"; new="$k/linux-source-6.12"
mapfile -t picked < <(cd "$old" && for f in mm/*.c; do
    [[ -f "$new/$f" ]] && ! cmp -s "$f" "$new/$f" && echo "$(wc -c < "$f") $f"; done | sort -n |
  awk '{ f[NR] = $2 } END { for (i = 1; i <= 20; i++) print f[int((i - 0.5) * NR / 20) + 1] }')
: > "$out"; i=0
for f in "${picked[@]}"; do
  i=$((i + 1))
  d="$(git diff --no-index --no-color "$old/$f" "$new/$f" | sed -E "1,4s#(a|b)$old/#\\1/#; 1,4s#(a|b)$new/#\\1/#" || true)"
  printf 'From %040d Mon Sep 17 00:00:00 2001\nFrom: mmlint bench <bench@mmlint.invalid>\nDate: Sun, 22 Nov 2026 00:00:%02d +0000\nSubject: [PATCH %02d/20] %s: update to Linux 6.12\n\n%s as in Linux 6.12 (a benchmark series built by bench/review/synthetic-series.sh).\n\nSigned-off-by: mmlint bench <bench@mmlint.invalid>\n---\n%s\n-- \n2.39.5\n\n' \
    "$i" "$i" "$i" "${f%.c}" "$f" "$d" >> "$out"
done
echo "${picked[*]}" >&2

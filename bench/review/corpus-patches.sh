#!/usr/bin/env bash
# Writes the development corpus's fixes as `git format-patch` mails, reproducibly, from
# test-fixtures/corpus/: OUT/fix.mbox (before.c -> after.c: each must report "fixed") and
# OUT/revert.mbox (after.c -> before.c: each must report "introduced"), one mail per fix entry.
# The pre-image of a fix is before.c without its `/* expect: … */` markers (a real patch has none);
# the diff has the whole file as context, so each hunk image is the whole fragment, leading comment
# (mmlint-kernel:, mmlint-config:) included. Reviewed without --tree (hunks as lone fragments).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
out=${1:?usage: corpus-patches.sh OUTDIR}
mkdir -p "$out/img"
: > "$out/fix.mbox"; : > "$out/revert.mbox"; : > "$out/entries.tsv"
n=0
for d in "$here"/test-fixtures/corpus/*/; do
  e=$(basename "$d")
  grep -q '^kind: fix' "$d/entry.yaml" || continue
  [[ -f "$d/before.c" && -f "$d/after.c" ]] || continue
  n=$((n + 1))
  file=$(sed -n "s/^file: *['\"]\{0,1\}\([^'\"]*\)['\"]\{0,1\} *$/\1/p" "$d/entry.yaml" | head -1)
  rule=$(sed -n 's/^rule: *\([A-Z0-9]*\).*/\1/p' "$d/entry.yaml" | head -1)
  flags=$(grep -c 'expect: MM' "$d/before.c" || true)
  sed -E 's# */\* expect: [^*]*\*/##' "$d/before.c" > "$out/img/$e.pre.c"
  cp "$d/after.c" "$out/img/$e.post.c"
  printf '%s\t%s\t%s\t%s\n' "$e" "$file" "$rule" "$flags" >> "$out/entries.tsv"
  for kind in fix revert; do
    if [[ $kind == fix ]]; then a="$out/img/$e.pre.c"; b="$out/img/$e.post.c"; subj="$e: the upstream fix"
    else a="$out/img/$e.post.c"; b="$out/img/$e.pre.c"; subj="Revert \"$e: the upstream fix\""; fi
    body=$(diff -U 100000 --label "a/$file" --label "b/$file" "$a" "$b" || true)
    [[ -n "$body" ]] || continue
    printf 'From %040d Mon Sep 17 00:00:00 2001\nFrom: mmlint bench <bench@mmlint.invalid>\nDate: Sun, 6 Dec 2026 00:00:00 +0000\nSubject: [PATCH] %s\n\nDevelopment corpus entry %s (%s), as a patch built by bench/review/corpus-patches.sh.\n\nSigned-off-by: mmlint bench <bench@mmlint.invalid>\n---\ndiff --git a/%s b/%s\n%s\n-- \n2.39.5\n\n' \
      "$n" "$subj" "$e" "$rule" "$file" "$file" "$body" >> "$out/$kind.mbox"
  done
done
echo "$n fix entries" >&2

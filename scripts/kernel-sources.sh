#!/usr/bin/env bash
# Installs Debian's linux-source packages and unpacks them OUTSIDE the repository.
#   scripts/kernel-sources.sh [6.12] [6.1]     (default: both)
# Prints the unpacked tree paths, one per line, on stdout.
# Destination: $MMLINT_KERNELS (default: ~/.cache/mmlint/kernels).
set -euo pipefail
dest="${MMLINT_KERNELS:-$HOME/.cache/mmlint/kernels}"
versions=("$@"); [ ${#versions[@]} -gt 0 ] || versions=(6.12 6.1)
mkdir -p "$dest"
need_update=1
for v in "${versions[@]}"; do
  tree="$dest/linux-source-$v"
  if [ -f "$tree/Makefile" ] && [ -f "$tree/.mmlint-unpacked" ]; then echo "$tree"; continue; fi
  pkgs=("linux-source-$v")
  # Debian's kernel configs, used when the tree has no .config of its own
  if apt-cache show "linux-config-$v" >/dev/null 2>&1; then pkgs+=("linux-config-$v"); fi
  if ! dpkg -s "linux-source-$v" >/dev/null 2>&1; then
    if [ $need_update = 1 ]; then apt-get update -qq >&2 || true; need_update=0; fi
    if ! apt-cache show "linux-config-$v" >/dev/null 2>&1; then pkgs=("linux-source-$v"); else pkgs=("linux-source-$v" "linux-config-$v"); fi
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >&2
  fi
  tarball=$(dpkg -L "linux-source-$v" | grep -E '/usr/src/linux-source-.*\.tar\.(xz|bz2|gz)$' | head -n1)
  [ -n "$tarball" ] || { echo "kernel-sources: no tarball in linux-source-$v" >&2; exit 1; }
  rm -rf "$tree.tmp"; mkdir -p "$tree.tmp"
  tar -xf "$tarball" -C "$tree.tmp" --strip-components=1
  rm -rf "$tree"; mv "$tree.tmp" "$tree"
  # Debian's amd64 config, as a default config the user may name (kept beside, not inside, the tree)
  cfg=$(dpkg -L "linux-config-$v" 2>/dev/null | grep -E 'config\.amd64_none_amd64(\.xz)?$' | head -n1 || true)
  if [ -n "$cfg" ]; then
    case "$cfg" in *.xz) xz -dc "$cfg" > "$dest/config-$v.amd64" ;; *) cp "$cfg" "$dest/config-$v.amd64" ;; esac
  fi
  touch "$tree/.mmlint-unpacked"
  echo "$tree"
done

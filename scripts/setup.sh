#!/usr/bin/env bash
# Installs everything the project needs on a fresh Debian 12 machine, as root, from Debian's
# packages and the npm registry only. Idempotent: a second run checks and changes nothing.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
IMGUI_VERSION="1.86"
IMGUI_DIR="$ROOT/third_party/imgui-$IMGUI_VERSION"

PACKAGES=(
  build-essential cmake ninja-build clang lld libclang-rt-14-dev
  emscripten
  nlohmann-json3-dev doctest-dev zlib1g-dev
  libglfw3-dev libgl-dev xvfb xauth
  fonts-dejavu-core python3-fonttools iso-codes
  pybind11-dev python3-dev python3-dask python3-distributed python3-lz4
  chromium
)

say() { echo "setup: $*" >&2; }

missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

need_src=0
[ -f "$IMGUI_DIR/imgui.cpp" ] || need_src=1

if [ ${#missing[@]} -gt 0 ] || [ $need_src -eq 1 ]; then
  if [ "$(id -u)" != 0 ]; then
    say "missing packages (${missing[*]:-imgui sources}); run this script as root"; exit 1
  fi
  # Dear ImGui's full sources only exist as Debian's source package: enable deb-src once.
  if [ $need_src -eq 1 ] && [ -f /etc/apt/sources.list.d/debian.sources ] \
     && ! grep -q 'deb-src' /etc/apt/sources.list.d/debian.sources; then
    say "enabling deb-src in /etc/apt/sources.list.d/debian.sources"
    sed -i 's/^Types: deb$/Types: deb deb-src/' /etc/apt/sources.list.d/debian.sources
  fi
  say "apt-get update"
  apt-get update -qq
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

if [ $need_src -eq 1 ]; then
  say "fetching Debian source package imgui $IMGUI_VERSION"
  tmp="$(mktemp -d)"
  (cd "$tmp" && apt-get source --download-only -qq "imgui=$IMGUI_VERSION+ds-1" >/dev/null 2>&1 \
     || apt-get source --download-only -qq imgui >/dev/null)
  tarball="$(ls "$tmp"/imgui_${IMGUI_VERSION}*.orig.tar.* | head -1)"
  mkdir -p "$IMGUI_DIR"
  tar -xf "$tarball" -C "$IMGUI_DIR" --strip-components=1
  rm -rf "$tmp"
  [ -f "$IMGUI_DIR/imgui.cpp" ] || { say "imgui sources not found in $tarball"; exit 1; }
fi

# The emscripten sysroot hides /usr/include: give it a folder with just the headers we need.
mkdir -p "$ROOT/third_party/include"
for h in nlohmann doctest; do
  [ -e "$ROOT/third_party/include/$h" ] || ln -s "/usr/include/$h" "$ROOT/third_party/include/$h"
done

# The UI font: DejaVu Sans subset to the ranges news text needs (Latin, punctuation, €, …).
FONT="$ROOT/third_party/fonts/DejaVuSans-subset.ttf"
if [ ! -f "$FONT" ]; then
  mkdir -p "$(dirname "$FONT")"
  say "subsetting DejaVu Sans"
  /usr/bin/python3 -m fontTools.subset /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \
    --unicodes="U+0020-007E,U+00A0-024F,U+0300-036F,U+0370-03FF,U+0400-04FF,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+2100-214F,U+2190-21FF,U+2200-22FF,U+25A0-25FF,U+2600-26FF,U+FFFD" \
    --output-file="$FONT" --no-hinting --desubroutinize
fi

# npm packages for the browser tests (playwright-core, pinned by package-lock.json).
if [ -f "$ROOT/tests/browser/package-lock.json" ]; then
  if [ ! -d "$ROOT/tests/browser/node_modules/playwright-core" ] \
     || [ "$ROOT/tests/browser/package-lock.json" -nt "$ROOT/tests/browser/node_modules/.package-lock.json" ]; then
    say "npm ci in tests/browser"
    (cd "$ROOT/tests/browser" && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
say "ok"

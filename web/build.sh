#!/usr/bin/env bash
# Builds the web page into web/dist/: index.html, backstep_web_bg.wasm and its JS glue.
#
#     web/build.sh            # then serve web/dist/ with any static server, e.g.
#     python3 -m http.server --directory web/dist 8000
#
# Installs what it needs when missing: the wasm32-unknown-unknown target (rustup) and
# wasm-bindgen-cli at the version web/Cargo.lock pins (from crates.io; about 5 minutes).
set -euo pipefail
web="$(cd "$(dirname "$0")" && pwd)"
cd "$web"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    rustup target add wasm32-unknown-unknown
fi
version="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"
if [ -z "$version" ]; then
    echo "build.sh: web/Cargo.lock names no wasm-bindgen version" >&2
    exit 1
fi
if ! command -v wasm-bindgen >/dev/null 2>&1 || [ "$(wasm-bindgen --version | awk '{print $2}')" != "$version" ]; then
    # Not --locked: one of the CLI's locked dependencies is no longer on the registry.
    cargo install wasm-bindgen-cli --version "$version"
fi

cargo build --release --target wasm32-unknown-unknown
target="$(cargo metadata --format-version 1 --no-deps |
    python3 -c 'import json, sys; print(json.load(sys.stdin)["target_directory"])')"
rm -rf dist
wasm-bindgen --target web --no-typescript --out-dir dist \
    "$target/wasm32-unknown-unknown/release/backstep-web.wasm"
cp static/index.html dist/
size=$(wc -c < dist/backstep-web_bg.wasm)
echo "web/dist: $(ls dist | tr '\n' ' ')(wasm: $((size / 1024)) KiB)"
if [ "$size" -gt $((3 * 1024 * 1024)) ]; then
    echo "build.sh: the wasm is over 3 MB" >&2
    exit 1
fi

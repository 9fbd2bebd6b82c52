#!/usr/bin/env bash
# Runs a command on Node 24 LTS, the supported and tested runtime: `scripts/node24.sh CMD ARGS…`.
# When the machine's Node is older than 24, Node is taken from the npm registry's node-linux-<arch>
# package (a plain build of Node, one binary) into .tools/node-v<version>/ once, and put first on
# PATH, so every `node` the command starts (npm, vitest, playwright, next, tsx) is that one.
set -euo pipefail
NODE_VERSION=24.22.3
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

have_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if [ "$have_major" -lt 24 ]; then
  dir="$root/.tools/node-v$NODE_VERSION"
  if [ ! -x "$dir/bin/node" ]; then
    case "$(uname -m)" in
      x86_64) arch=x64 ;;
      aarch64 | arm64) arch=arm64 ;;
      *) echo "node24.sh: no node-linux package for $(uname -m); install Node 24 yourself" >&2; exit 1 ;;
    esac
    mkdir -p "$root/.tools"
    # Several shells may start at once: one downloads, the others wait for it.
    exec 8>"$root/.tools/.node-install.lock"
    flock 8
    if [ ! -x "$dir/bin/node" ]; then
      echo "node24.sh: fetching Node $NODE_VERSION (npm package node-linux-$arch) into $dir" >&2
      tmp=$(mktemp -d "$root/.tools/.node-XXXXXX")
      (cd "$tmp" && npm pack --silent "node-linux-$arch@$NODE_VERSION" >/dev/null)
      mkdir "$tmp/unpacked"
      tar -xzf "$tmp"/node-linux-"$arch"-*.tgz -C "$tmp/unpacked" --strip-components=1
      chmod +x "$tmp/unpacked/bin/node"
      "$tmp/unpacked/bin/node" --version >/dev/null
      mv "$tmp/unpacked" "$dir"
      rm -rf "$tmp"
    fi
    exec 8>&-
  fi
  export PATH="$dir/bin:$PATH"
fi
exec "$@"

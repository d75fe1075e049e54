#!/usr/bin/env bash
# Creates (or re-provisions) an OrbStack Ubuntu machine with Node.js, ccr 2.0.0, Claude Code and this
# plugin. The repository is copied in with `orb push` and installed there with install.sh. The Cerebras
# key travels through stdin into a mode-600 file inside the machine: never on a command line, never in
# shell history. The same script runs inside the machine with --in-vm.
set -euo pipefail

readonly CCR_SPEC="@musistudio/claude-code-router@2.0.0"
readonly CLAUDE_SPEC="@anthropic-ai/claude-code"
readonly NODE_MAJOR=22
readonly HOOK_BEGIN="# >>> ccr-cerebras >>>"
readonly HOOK_END="# <<< ccr-cerebras <<<"
REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
readonly REPO_DIR

name="" distro="ubuntu" model="" models="" base_url="" node_from="nodesource"
start_on_boot=0 no_key=0 in_vm=0 key_on_stdin=0

usage() {
  cat <<'EOF'
Usage: scripts/orbstack-vm.sh NAME [options]

Creates the OrbStack machine NAME (orb create ubuntu NAME) unless it exists, installs Node.js, ccr 2.0.0,
Claude Code and ccr-cerebras inside it, and stores CEREBRAS_API_KEY there in ~/.config/ccr-cerebras/env
(mode 600). The key is taken from $CEREBRAS_API_KEY, or asked for without echo.

Options:
  --distro IMAGE       OrbStack image (default: ubuntu; e.g. ubuntu:noble)
  --model ID           default model, passed to install.sh
  --models a,b,c       extra models, passed to install.sh
  --base-url URL       Cerebras base URL, passed to install.sh
  --start-on-boot      run `ccr start` as a systemd service when the machine boots
  --node-from SOURCE   nodesource (default, Node.js 22) or distro (Ubuntu's nodejs package)
  --no-key             do not ask for or copy the Cerebras key
  -h, --help           this help

Afterwards:
  orb -m NAME                            # enter the machine
  cd /mnt/mac/Users/<you>/<project>      # your Mac files are mounted under /mnt/mac
  ccr-cerebras code
EOF
}

say() { printf '%s\n' "$*"; }
die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

need_value() {
  if [ $# -lt 2 ] || [ -z "$2" ]; then die "$1 needs a value (see --help)"; fi
}

while [ $# -gt 0 ]; do
  case "$1" in
    --distro) need_value "$@"; distro=$2; shift ;;
    --model) need_value "$@"; model=$2; shift ;;
    --models) need_value "$@"; models=$2; shift ;;
    --base-url) need_value "$@"; base_url=$2; shift ;;
    --node-from) need_value "$@"; node_from=$2; shift ;;
    --start-on-boot) start_on_boot=1 ;;
    --no-key) no_key=1 ;;
    --in-vm) in_vm=1 ;;
    --key-on-stdin) key_on_stdin=1 ;;
    -h | --help) usage; exit 0 ;;
    -*) die "unknown option: $1 (see --help)" ;;
    *)
      [ -z "$name" ] || die "only one machine name, got $name and $1"
      name=$1
      ;;
  esac
  shift
done

case "$node_from" in nodesource | distro) ;; *) die "--node-from must be nodesource or distro" ;; esac

valid_key() {
  [[ $1 =~ ^[A-Za-z0-9._-]+$ ]]
}

# The flags install.sh gets, as an array in the caller's `passthrough`.
passthrough_flags() {
  passthrough=()
  if [ -n "$model" ]; then passthrough+=(--model "$model"); fi
  if [ -n "$models" ]; then passthrough+=(--models "$models"); fi
  if [ -n "$base_url" ]; then passthrough+=(--base-url "$base_url"); fi
}

# ---------------------------------------------------------------- inside the machine

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

node_ok() {
  command -v node >/dev/null 2>&1 && [ "$(node -p 'process.versions.node.split(".")[0]')" -ge 20 ]
}

store_key() {
  local key=$1 dir="$HOME/.config/ccr-cerebras"
  valid_key "$key" || die "the key has unexpected characters; expected letters, digits, '.', '_' or '-'"
  (
    umask 077
    mkdir -p "$dir"
    printf 'CEREBRAS_API_KEY=%s\n' "$key" >"$dir/env.tmp"
  )
  chmod 600 "$dir/env.tmp"
  mv -f "$dir/env.tmp" "$dir/env"
  say "key: stored in $dir/env (mode 600)"
  if ! grep -qF "$HOOK_BEGIN" "$HOME/.bashrc" 2>/dev/null; then
    {
      printf '%s\n' "$HOOK_BEGIN"
      printf '%s\n' "if [ -f \"\$HOME/.config/ccr-cerebras/env\" ]; then set -a; . \"\$HOME/.config/ccr-cerebras/env\"; set +a; fi"
      printf '%s\n' "$HOOK_END"
    } >>"$HOME/.bashrc"
    say "key: ~/.bashrc exports it in interactive shells"
  fi
}

install_node() {
  if node_ok; then
    say "node: $(node -v)"
    return 0
  fi
  if [ "$node_from" = distro ]; then
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs npm
    node_ok || die "Ubuntu's Node.js is older than 20; run again with --node-from nodesource"
  else
    local setup
    setup=$(mktemp)
    curl -fsSL "https://deb.nodesource.com/setup_${NODE_MAJOR}.x" -o "$setup"
    as_root bash "$setup"
    rm -f "$setup"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y nodejs
  fi
  say "node: $(node -v)"
}

install_tools() {
  local version=""
  if command -v ccr >/dev/null 2>&1; then
    version=$(ccr -v 2>/dev/null | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -n 1 || true)
  fi
  case "$version" in
    1.0.* | 2.0.*) say "ccr: $version" ;;
    *) as_root npm install -g "$CCR_SPEC" ;;
  esac
  if command -v claude >/dev/null 2>&1; then say "claude: installed"; else as_root npm install -g "$CLAUDE_SPEC"; fi
}

install_service() {
  local unit_dir="${CCR_CEREBRAS_SYSTEMD_DIR:-/etc/systemd/system}" user ccr_bin node_dir
  user=$(id -un)
  ccr_bin=$(command -v ccr) || die "ccr is not on PATH"
  node_dir=$(dirname "$(command -v node)")
  # A stale PID file makes `ccr start` print "already running" and exit, hence the ExecStartPre.
  as_root tee "$unit_dir/ccr-cerebras.service" >/dev/null <<EOF
[Unit]
Description=Claude Code Router with the ccr-cerebras plugin
After=network-online.target
Wants=network-online.target

[Service]
Type=simple
User=$user
Environment=HOME=$HOME
Environment=PATH=$node_dir:/usr/local/bin:/usr/bin:/bin
EnvironmentFile=-$HOME/.config/ccr-cerebras/env
ExecStartPre=/bin/rm -f $HOME/.claude-code-router/.claude-code-router.pid
ExecStart=$ccr_bin start
Restart=on-failure

[Install]
WantedBy=multi-user.target
EOF
  as_root systemctl daemon-reload
  as_root systemctl enable --now ccr-cerebras.service
  say "service: ccr-cerebras.service enabled (ccr starts on boot)"
}

provision_in_vm() {
  local key=""
  # Read the key before anything else can consume stdin (apt-get and npm may read it).
  if [ "$key_on_stdin" -eq 1 ]; then IFS= read -r key || true; fi
  if [ -n "$key" ]; then store_key "$key"; fi
  key=""
  if [ -f "$HOME/.config/ccr-cerebras/env" ]; then
    set -a
    # shellcheck source=/dev/null
    . "$HOME/.config/ccr-cerebras/env"
    set +a
  fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -y
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y ca-certificates curl
  install_node
  install_tools
  local -a passthrough
  passthrough_flags
  bash "$REPO_DIR/install.sh" --yes ${passthrough[@]+"${passthrough[@]}"} </dev/null
  if [ "$start_on_boot" -eq 1 ]; then install_service; fi
}

# ---------------------------------------------------------------- on the Mac

machine_exists() {
  orb list 2>/dev/null | awk '{print $1}' | grep -qxF "$name"
}

read_key() {
  key=""
  [ "$no_key" -eq 0 ] || return 0
  if [ -n "${CEREBRAS_API_KEY:-}" ]; then
    key=$CEREBRAS_API_KEY
  elif [ -t 0 ]; then
    IFS= read -r -s -p "Cerebras API key (input hidden; empty to skip): " key || true
    printf '\n'
  fi
  if [ -n "$key" ] && ! valid_key "$key"; then
    die "the key has unexpected characters; expected letters, digits, '.', '_' or '-'"
  fi
}

# Extracts the pushed tarball to ~/ccr-cerebras inside the machine, then runs this script with --in-vm.
# shellcheck disable=SC2016 # expanded inside the machine
readonly BOOTSTRAP='set -eu
src=$1; shift
dest="$HOME/ccr-cerebras"
rm -rf "$dest.new"; mkdir -p "$dest.new"
tar -xzf "$src" -C "$dest.new"; rm -f "$src"
rm -rf "$dest"; mv "$dest.new" "$dest"
exec bash "$dest/scripts/orbstack-vm.sh" "$@"'

provision_from_mac() {
  [ -n "$name" ] || die "give the machine a name (see --help)"
  [[ $name =~ ^[a-z0-9][a-z0-9-]*$ ]] || die "machine names are lower-case letters, digits and '-': $name"
  command -v orb >/dev/null 2>&1 || die "orb not found: install OrbStack (https://orbstack.dev) first"
  local built
  for built in dist/cerebras-transformer.cjs dist/install-config.cjs; do
    [ -f "$REPO_DIR/$built" ] || die "$REPO_DIR/$built is missing: run 'npm install && npm run build' first"
  done
  local key
  read_key

  if machine_exists; then
    say "orb: machine $name exists; provisioning it again"
  else
    say "orb: creating $distro machine $name"
    orb create "$distro" "$name"
  fi

  local work remote
  work=$(mktemp -d)
  # shellcheck disable=SC2064 # expand now: the path is fixed
  trap "rm -rf '$work'" EXIT
  # COPYFILE_DISABLE: macOS tar would add ._* metadata files.
  COPYFILE_DISABLE=1 tar -czf "$work/src.tar.gz" -C "$REPO_DIR" --exclude=node_modules --exclude=.git --exclude=.tmp .
  remote="/tmp/ccr-cerebras-src.$$.tar.gz"
  orb push -m "$name" "$work/src.tar.gz" "$remote"

  local -a flags=(--in-vm --node-from "$node_from")
  local -a passthrough
  passthrough_flags
  # The ${a[@]+…} form: macOS's bash 3.2 treats an empty array as unset under `set -u`.
  flags+=(${passthrough[@]+"${passthrough[@]}"})
  if [ "$start_on_boot" -eq 1 ]; then flags+=(--start-on-boot); fi
  if [ -n "$key" ]; then
    printf '%s\n' "$key" | orb -m "$name" bash -c "$BOOTSTRAP" ccr-cerebras-bootstrap "$remote" "${flags[@]}" --key-on-stdin
  else
    orb -m "$name" bash -c "$BOOTSTRAP" ccr-cerebras-bootstrap "$remote" "${flags[@]}" </dev/null
  fi
  key=""

  say ""
  say "Machine $name is ready. Next:"
  say "  orb -m $name                            # enter it"
  say "  cd /mnt/mac/Users/<you>/<project>       # your Mac files"
  say "  ccr-cerebras code                       # Claude Code on Cerebras"
  if [ "$start_on_boot" -eq 0 ]; then say "  (ccr starts on demand; --start-on-boot runs it as a service)"; fi
}

if [ "$in_vm" -eq 1 ]; then provision_in_vm; else provision_from_mac; fi

#!/usr/bin/env bash
# Installs the ccr-cerebras plugin into Claude Code Router (ccr 1.0.x / 2.0.x): copies the plugin, merges
# ~/.claude-code-router/config.json (backup first, atomic write, mode 600), installs the `ccr-cerebras`
# wrapper. Works from a fresh clone: dist/ is committed, only `node` is needed. See docs/install.md.
set -euo pipefail

readonly TESTED_CCR=2.0.0
readonly CCR_PACKAGE=@musistudio/claude-code-router
REPO_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
readonly REPO_DIR
readonly PLUGIN_SRC="$REPO_DIR/dist/cerebras-transformer.cjs"
readonly HELPER_SRC="$REPO_DIR/dist/install-config.cjs"
readonly WRAPPER_SRC="$REPO_DIR/bin/ccr-cerebras"
readonly WRAPPER_MARK="# ccr-cerebras wrapper"
CCR_HOME="$HOME/.claude-code-router"
CONFIG="$CCR_HOME/config.json"
PLUGIN_DST="$CCR_HOME/plugins/cerebras-transformer.cjs"
HELPER_DST="$CCR_HOME/plugins/ccr-cerebras-config.cjs"

base_url="${CEREBRAS_BASE_URL:-}" model="" models="" port="" router_key="" bin_dir=""
yes=0 dry_run=0 uninstall=0 skip_ccr=0

usage() {
  cat <<EOF
Usage: ./install.sh [options]

Installs the ccr-cerebras plugin for Claude Code Router (ccr 1.0.x or 2.0.x) and the ccr-cerebras command.

Options:
  --base-url URL     OpenAI-compatible Cerebras base URL (default: $CEREBRAS_BASE_URL, else the configured
                     one, else https://api.cerebras.ai/v1; e.g. a Cloudflare AI Gateway URL ending in /cerebras)
  --model ID         default model (default: the configured one, else zai-glm-4.7 when the account
                     is served it, else gpt-oss-120b, else the first model it is served)
  --models a,b,c     extra models to offer to /model (the table's live models are always listed)
  --port N           ccr's port (PORT)
  --router-key KEY   ccr's own API key (APIKEY), not the Cerebras key
  --bin-dir DIR      where to install the ccr-cerebras command (default: next to ccr, i.e. npm's global
                     bin directory, when it is on PATH and writable; else ~/.local/bin)
  --yes              ask nothing (install ccr $TESTED_CCR if it is missing; only warn about models)
  --dry-run          print what would change (config as a unified diff) and write nothing
  --uninstall        remove exactly what this script added (other providers stay untouched)
  --skip-ccr         do not check or install ccr
  -h, --help         this help

The Cerebras key is read by ccr from the CEREBRAS_API_KEY environment variable at start; it is never
written to any file. When it is set here, the installer asks Cerebras which models are live.
EOF
}

say() { printf '%s\n' "$*"; }
warn() { printf 'warning: %s\n' "$*" >&2; }
die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}

need_value() {
  if [ $# -lt 2 ] || [ -z "$2" ]; then die "$1 needs a value (see --help)"; fi
}

while [ $# -gt 0 ]; do
  case "$1" in
    --base-url) need_value "$@"; base_url=$2; shift ;;
    --base-url=*) base_url=${1#*=} ;;
    --model) need_value "$@"; model=$2; shift ;;
    --model=*) model=${1#*=} ;;
    --models) need_value "$@"; models=$2; shift ;;
    --models=*) models=${1#*=} ;;
    --port) need_value "$@"; port=$2; shift ;;
    --port=*) port=${1#*=} ;;
    --router-key) need_value "$@"; router_key=$2; shift ;;
    --router-key=*) router_key=${1#*=} ;;
    --bin-dir) need_value "$@"; bin_dir=$2; shift ;;
    --bin-dir=*) bin_dir=${1#*=} ;;
    --yes | -y) yes=1 ;;
    --dry-run) dry_run=1 ;;
    --uninstall) uninstall=1 ;;
    --skip-ccr) skip_ccr=1 ;;
    -h | --help) usage; exit 0 ;;
    *) die "unknown option: $1 (see --help)" ;;
  esac
  shift
done
WRAPPER_DST=""

# True when a question can be asked: not --yes and a terminal (or the test hook) is attached.
can_ask() {
  [ "$yes" -eq 0 ] && { [ -t 0 ] || [ "${CCR_CEREBRAS_INTERACTIVE:-0}" = 1 ]; }
}

# ask_yes_no QUESTION: yes with --yes, no when nobody can answer.
ask_yes_no() {
  [ "$yes" -eq 1 ] && return 0
  can_ask || return 1
  local answer=""
  printf '%s [y/N] ' "$1"
  IFS= read -r answer || true
  case "$answer" in y | Y | yes | YES) return 0 ;; *) return 1 ;; esac
}

helper() {
  node "$HELPER_SRC" "$@"
}

require_node() {
  command -v node >/dev/null 2>&1 || die "node is required (ccr needs it too): install Node.js 20 or newer"
  local major
  major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" -ge 20 ] || die "Node.js $(node -v) is too old: ccr 2.0.0 and the plugin need Node.js 20 or newer"
  if [ "$major" -lt 22 ]; then
    warn "Node.js $(node -v): ccr and the plugin run on it, but Claude Code declares Node.js 22 or newer (npm warns EBADENGINE)"
  fi
  [ -f "$HELPER_SRC" ] || die "$HELPER_SRC is missing: run 'npm install && npm run build' in $REPO_DIR"
}

ccr_version() {
  local out
  if command -v timeout >/dev/null 2>&1; then
    out=$(timeout 20 ccr -v 2>&1 || true)
  else
    out=$(ccr -v 2>&1 || true)
  fi
  printf '%s\n' "$out" | grep -oE '[0-9]+\.[0-9]+\.[0-9]+' | head -n 1 || true
}

install_ccr() {
  local cmd="npm install -g $CCR_PACKAGE@$TESTED_CCR"
  if [ "$dry_run" -eq 1 ]; then
    say "ccr: not installed; would run: $cmd"
    return 0
  fi
  if ! ask_yes_no "ccr is not installed. Install the tested version now ($cmd)?"; then
    warn "ccr is not installed; the plugin is installed anyway. Install ccr with: $cmd"
    return 0
  fi
  command -v npm >/dev/null 2>&1 || die "npm not found; install Node.js with npm, then: $cmd"
  say "ccr: running $cmd"
  npm install -g "$CCR_PACKAGE@$TESTED_CCR" ||
    die "npm could not install ccr. If it failed with EACCES, use a user prefix (npm config set prefix ~/.local) or sudo, then run: $cmd"
}

check_ccr() {
  if ! command -v ccr >/dev/null 2>&1; then
    install_ccr
    return 0
  fi
  local version
  version=$(ccr_version)
  case "$version" in
    1.0.* | 2.0.*) say "ccr: $version (supported)" ;;
    "") warn "could not read the ccr version from 'ccr -v'; continuing (tested: 1.0.73 and $TESTED_CCR)" ;;
    3.* | [4-9].* | [1-9][0-9]*.*)
      printf 'error: ccr %s is installed, and ccr-cerebras supports ccr 1.0.x and 2.0.x only.\n' "$version" >&2
      printf '  ccr 3.x is a rewrite: it has a different plugin API (gateway plugins, no transformers) and keeps its\n' >&2
      printf '  configuration in SQLite (~/.claude-code-router/config.sqlite), so this plugin cannot load there.\n' >&2
      printf '  Install the tested version, then run ./install.sh again:\n    npm install -g %s@%s\n' "$CCR_PACKAGE" "$TESTED_CCR" >&2
      exit 1
      ;;
    *) warn "ccr $version is untested (tested: 1.0.73 and $TESTED_CCR); continuing" ;;
  esac
}

# install_file SRC DST MODE: copies only when the content differs; atomic (temp file + rename).
install_file() {
  local src=$1 dst=$2 mode=$3 what past
  if [ -f "$dst" ] && cmp -s "$src" "$dst"; then
    say "file: unchanged $dst"
    return 0
  fi
  if [ -e "$dst" ]; then what=update past=updated; else what=install past=installed; fi
  if [ "$dry_run" -eq 1 ]; then
    say "file: would $what $dst"
    return 0
  fi
  mkdir -p "$(dirname "$dst")"
  local tmp
  tmp="$(dirname "$dst")/.$(basename "$dst").tmp.$$"
  cp "$src" "$tmp"
  chmod "$mode" "$tmp"
  mv -f "$tmp" "$dst"
  say "file: $past $dst"
}

remove_file() {
  local path=$1
  [ -e "$path" ] || return 0
  if [ "$dry_run" -eq 1 ]; then say "file: would remove $path"; else rm -f "$path" && say "file: removed $path"; fi
}

on_path() {
  case ":$PATH:" in *":$1:"*) return 0 ;; esac
  return 1
}

npm_global_bin() {
  command -v npm >/dev/null 2>&1 || return 0
  local prefix
  prefix=$(npm prefix -g 2>/dev/null || true)
  if [ -n "$prefix" ]; then printf '%s/bin\n' "$prefix"; fi
}

# Where the ccr-cerebras command can go: the directory ccr runs from, npm's global bin directory, then
# ~/.local/bin. The first two are on PATH wherever `ccr` works, so the command runs in the same shell
# right after this script (./install.sh --yes && ccr-cerebras code); ~/.local/bin often is not.
wrapper_dirs() {
  local ccr_path
  hash -r
  ccr_path=$(command -v ccr 2>/dev/null || true)
  if [ -n "$ccr_path" ]; then dirname "$ccr_path"; fi
  npm_global_bin
  printf '%s\n' "$HOME/.local/bin"
}

choose_bin_dir() {
  if [ -z "$bin_dir" ]; then
    local dir
    while IFS= read -r dir; do
      if [ -n "$dir" ] && on_path "$dir" && [ -d "$dir" ] && [ -w "$dir" ]; then
        bin_dir=$dir
        break
      fi
    done < <(wrapper_dirs)
    bin_dir=${bin_dir:-$HOME/.local/bin}
  fi
  WRAPPER_DST="$bin_dir/ccr-cerebras"
}

is_our_wrapper() {
  grep -qF "$WRAPPER_MARK" "$1" 2>/dev/null
}

ccr_running() {
  local pid_file="$CCR_HOME/.claude-code-router.pid" pid
  [ -f "$pid_file" ] || return 1
  pid=$(tr -dc '0-9' <"$pid_file")
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null
}

# Sets `model` and `base_url` to what the merge will use (also validates the existing config).
resolve_settings() {
  local -a args=(resolve --config "$CONFIG")
  if [ -n "$model" ]; then args+=(--model "$model"); fi
  if [ -n "$base_url" ]; then args+=(--base-url "$base_url"); fi
  local out line
  out=$(helper "${args[@]}") || exit $?
  while IFS= read -r line; do
    case "$line" in
      model=*) model=${line#model=} ;;
      model_source=*) model_source=${line#model_source=} ;;
      base_url=*) base_url=${line#base_url=} ;;
    esac
  done <<<"$out"
}

# Asks Cerebras for its live models (only with CEREBRAS_API_KEY, hard timeout) and warns about the model.
# Without --model or a configured one, the helper picks the default the account is served.
live_models=""
model_source=flag
discover_models() {
  local out line suggestions="" warned=0
  out=$(helper discover --base-url "$base_url" --model "$model" --source "$model_source" \
    --timeout-ms "${CCR_CEREBRAS_DISCOVERY_TIMEOUT_MS:-5000}") || return 0
  while IFS= read -r line; do
    case "$line" in
      "live "*) live_models=${line#live } ;;
      "model "*) model=${line#model } ;;
      "say "*) say "${line#say }" ;;
      "warn "*) warn "${line#warn }"; warned=1 ;;
      "suggest "*) suggestions=${line#suggest } ;;
    esac
  done <<<"$out"
  if [ -n "$live_models" ]; then say "models: Cerebras serves $live_models"; fi
  [ "$warned" -eq 1 ] && [ -n "$suggestions" ] || return 0
  if ! can_ask; then
    warn "keeping $model as asked; choose another with --model (e.g. --model ${suggestions%% *})"
    return 0
  fi
  say "Choose the default model:"
  local -a choices
  read -r -a choices <<<"$suggestions"
  local i=1 id answer=""
  for id in "${choices[@]}"; do
    say "  $i) $id"
    i=$((i + 1))
  done
  say "  k) keep $model"
  printf 'Model [1]: '
  IFS= read -r answer || true
  case "${answer:-1}" in
    k | K) ;;
    *[!0-9]*) warn "not a choice: $answer; keeping $model" ;;
    *)
      if [ "${answer:-1}" -ge 1 ] && [ "${answer:-1}" -le "${#choices[@]}" ]; then
        model=${choices[$((${answer:-1} - 1))]}
        say "models: default is now $model"
      else
        warn "not a choice: $answer; keeping $model"
      fi
      ;;
  esac
}

merge_config() {
  local -a args=(merge --config "$CONFIG" --plugin "$PLUGIN_DST" --model "$model" --base-url "$base_url")
  if [ -n "$models" ]; then args+=(--models "$models"); fi
  if [ -n "$live_models" ]; then args+=(--live "${live_models// /,}"); fi
  if [ -n "$port" ]; then args+=(--port "$port"); fi
  if [ -n "$router_key" ]; then args+=(--router-key "$router_key"); fi
  if [ "$dry_run" -eq 1 ]; then args+=(--dry-run); fi
  helper "${args[@]}" || exit $?
}

install_wrapper() {
  choose_bin_dir
  if [ -e "$WRAPPER_DST" ] && ! is_our_wrapper "$WRAPPER_DST"; then
    warn "$WRAPPER_DST exists and is not ours; left alone (use --bin-dir to install elsewhere)"
    return 0
  fi
  install_file "$WRAPPER_SRC" "$WRAPPER_DST" 755
  # An older install elsewhere (e.g. ~/.local/bin) may come first on PATH: keep it current.
  local dir
  while IFS= read -r dir; do
    if [ -n "$dir" ] && [ "$dir/ccr-cerebras" != "$WRAPPER_DST" ] && is_our_wrapper "$dir/ccr-cerebras"; then
      install_file "$WRAPPER_SRC" "$dir/ccr-cerebras" 755
    fi
  done < <(wrapper_dirs)
  if ! on_path "$bin_dir"; then
    warn "$bin_dir is not on your PATH; add it: export PATH=\"$bin_dir:\$PATH\" (or run $WRAPPER_DST)"
  fi
}

# ccr writes every request body into ~/.claude-code-router/logs (files mode 644 with ccr 2.0.0): the
# directory is made private, and the log files already there are made 600.
protect_logs() {
  local logs="$CCR_HOME/logs" f
  [ "$dry_run" -eq 0 ] || return 0
  mkdir -p "$logs"
  chmod 700 "$logs"
  for f in "$logs"/*.log; do
    if [ -f "$f" ]; then chmod 600 "$f"; fi
  done
}

print_next_steps() {
  say ""
  if [ "$dry_run" -eq 1 ]; then
    say "Dry run: nothing was written."
    return 0
  fi
  say "Installed: plugin $PLUGIN_DST, provider cerebras (default model $model, $base_url)."
  say "Next:"
  if [ -z "${CEREBRAS_API_KEY:-}" ]; then
    say "  export CEREBRAS_API_KEY=...      # in your shell profile; ccr reads it when it starts"
  fi
  if ccr_running; then
    say "  ccr restart                      # ccr is running: restart it to load the plugin and config"
  fi
  local run_cmd=ccr-cerebras
  if ! on_path "$bin_dir"; then run_cmd=$WRAPPER_DST; fi
  say "  $run_cmd code                # Claude Code on cerebras,$model with its real context window"
  say "  ccr code                         # or plain ccr (Router.default)"
  say "  /model cerebras,<id>             # inside Claude Code, to switch model (ids: see Providers[].models)"
}

do_uninstall() {
  resolve_settings
  say "ccr-cerebras: uninstalling"
  local -a args=(remove --config "$CONFIG")
  if [ "$dry_run" -eq 1 ]; then args+=(--dry-run); fi
  helper "${args[@]}" || exit $?
  remove_file "$PLUGIN_DST"
  local dir
  while IFS= read -r dir; do
    if [ -n "$dir" ] && is_our_wrapper "$dir/ccr-cerebras"; then remove_file "$dir/ccr-cerebras"; fi
  done < <(if [ -n "$bin_dir" ]; then printf '%s\n' "$bin_dir"; else wrapper_dirs; fi)
  # The helper goes last: the wrapper needs it until it is gone.
  remove_file "$HELPER_DST"
  if [ "$dry_run" -eq 1 ]; then say "Dry run: nothing was written."; fi
  if [ "$dry_run" -eq 0 ] && ccr_running; then say "ccr is running: run 'ccr restart' to unload the plugin."; fi
  if [ -d "$CCR_HOME/claude" ]; then
    say "kept $CCR_HOME/claude (Claude Code's history and settings of your Cerebras sessions); delete it if you do not need them"
  fi
}

main() {
  require_node
  if [ "$uninstall" -eq 1 ]; then
    do_uninstall
    return 0
  fi
  [ -f "$PLUGIN_SRC" ] || die "$PLUGIN_SRC is missing: run 'npm install && npm run build' in $REPO_DIR"
  resolve_settings
  local mode=""
  if [ "$dry_run" -eq 1 ]; then mode=" (dry run: nothing is written)"; fi
  say "ccr-cerebras: model $model, base URL $base_url$mode"
  if [ "$skip_ccr" -eq 0 ]; then check_ccr; fi
  if [ -f "$CCR_HOME/config.sqlite" ]; then
    warn "$CCR_HOME/config.sqlite exists: ccr 3.x keeps its settings there and ignores config.json; ccr 1.0.x/2.0.x use config.json"
  fi
  discover_models
  # ccr writes prompts into logs under it: owner only (#11).
  if [ "$dry_run" -eq 0 ]; then mkdir -p "$CCR_HOME" && chmod 700 "$CCR_HOME"; fi
  install_file "$PLUGIN_SRC" "$PLUGIN_DST" 644
  install_file "$HELPER_SRC" "$HELPER_DST" 644
  merge_config
  protect_logs
  install_wrapper
  print_next_steps
}

main

// Shared harness for the installer tests: a throwaway copy of the repository's install files, a temporary
// HOME, and a controlled PATH holding only basic tools, node, and the stubs of test/install/stubs/ (so no
// real npm, apt-get, ccr, orb or Claude Code is ever reached).
import { spawn } from "node:child_process";
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { bundleCjs, INSTALL_HELPER_ENTRY } from "../../scripts/bundle";

export const REPO_ROOT = resolve(__dirname, "../..");
const STUB_DIR = join(REPO_ROOT, "test/install/stubs");

/** Tools the scripts may use; everything else (npm, apt-get, curl, sudo, systemctl) is absent or stubbed. */
const TOOLS = [
  "bash",
  "sh",
  "env",
  "cat",
  "cp",
  "mv",
  "rm",
  "mkdir",
  "chmod",
  "cmp",
  "grep",
  "head",
  "tr",
  "dirname",
  "basename",
  "sed",
  "tar",
  "gzip",
  "mktemp",
  "id",
  "awk",
  "timeout",
  "tee",
  "ls",
  "sleep",
  "readlink",
  "touch",
];

export function findTool(name: string): string | undefined {
  return ["/usr/bin", "/bin", "/usr/local/bin"].map((d) => join(d, name)).find((p) => existsSync(p));
}

/** Bundles src/install/main.ts as dist/install-config.cjs would be (esbuild, json5 inside). */
export async function buildHelper(outfile: string): Promise<void> {
  await bundleCjs({ entry: join(REPO_ROOT, INSTALL_HELPER_ENTRY), outfile, logLevel: "silent" });
}

/** The installer helper, built once for the calling test file or describe block and removed after it. */
export function useInstallHelper(): () => string {
  let dir = "";
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), "ccr-cerebras-helper-"));
    await buildHelper(join(dir, "install-config.cjs"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return () => join(dir, "install-config.cjs");
}

export interface Sandbox {
  root: string;
  repo: string;
  home: string;
  /** PATH directory with the basic tools and node. */
  toolBin: string;
  /** PATH directory with the stubs the test chose. */
  stubBin: string;
  log: string;
  configPath: string;
  env(extra?: Record<string, string>): Record<string, string>;
  stubs(...names: string[]): void;
  readLog(): string[];
  cleanup(): void;
}

export function makeSandbox(helperFile: string): Sandbox {
  const root = mkdtempSync(join(tmpdir(), "ccr-cerebras-install-"));
  const repo = join(root, "repo");
  const home = join(root, "home");
  const toolBin = join(root, "tools");
  const stubBin = join(root, "stubs");
  const log = join(root, "calls.log");
  for (const dir of [
    repo,
    home,
    toolBin,
    stubBin,
    join(repo, "dist"),
    join(repo, "bin"),
    join(repo, "scripts"),
  ]) {
    mkdirSync(dir, { recursive: true });
  }
  copyFileSync(join(REPO_ROOT, "install.sh"), join(repo, "install.sh"));
  copyFileSync(join(REPO_ROOT, "bin/ccr-cerebras"), join(repo, "bin/ccr-cerebras"));
  copyFileSync(join(REPO_ROOT, "scripts/orbstack-vm.sh"), join(repo, "scripts/orbstack-vm.sh"));
  for (const f of ["install.sh", "bin/ccr-cerebras", "scripts/orbstack-vm.sh"])
    chmodSync(join(repo, f), 0o755);
  copyFileSync(helperFile, join(repo, "dist/install-config.cjs"));
  writeFileSync(
    join(repo, "dist/cerebras-transformer.cjs"),
    "// stand-in for the built plugin\nmodule.exports = class {};\n",
  );
  for (const tool of TOOLS) {
    const path = findTool(tool);
    if (path) symlinkSync(path, join(toolBin, tool));
  }
  symlinkSync(process.execPath, join(toolBin, "node"));
  writeFileSync(log, "");

  return {
    root,
    repo,
    home,
    toolBin,
    stubBin,
    log,
    configPath: join(home, ".claude-code-router/config.json"),
    env: (extra = {}) => ({ HOME: home, PATH: `${stubBin}:${toolBin}`, STUB_LOG: log, LANG: "C", ...extra }),
    stubs: (...names) => {
      for (const name of names) copyFileSync(join(STUB_DIR, name), join(stubBin, name));
      for (const name of names) chmodSync(join(stubBin, name), 0o755);
    },
    readLog: () => readFileSync(log, "utf8").split("\n").filter(Boolean),
    // A process that is still stopping may add a file while the tree goes: retry.
    cleanup: () => rmSync(root, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 }),
  };
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command asynchronously (so in-process stub servers can answer), killed by PID after `timeoutMs`. */
export function run(
  command: string,
  args: readonly string[],
  opts: { env: Record<string, string>; cwd?: string; input?: string; timeoutMs?: number },
): Promise<RunResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { env: opts.env, cwd: opts.cwd, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    const timer = setTimeout(() => {
      if (child.pid) process.kill(child.pid, "SIGKILL");
      reject(new Error(`${command} ${args.join(" ")} timed out\n${stdout}\n${stderr}`));
    }, opts.timeoutMs ?? 15_000);
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    child.on("close", (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
    // A script that exits without reading its input closes the pipe first: that EPIPE is not a failure.
    child.stdin.on("error", () => {});
    child.stdin.end(opts.input ?? "");
  });
}

/** Every regular file under `dir` (symlinks not followed). */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      const st = statSync(p, { throwIfNoEntry: false });
      if (!st) continue;
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) out.push(p);
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

export function modeOf(path: string): number {
  return statSync(path).mode & 0o777;
}

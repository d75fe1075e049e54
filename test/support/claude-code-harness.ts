// Runs the real Claude Code 2.1.330 binary headlessly (test/README.md#real-claude-code): a temporary HOME, an
// `env -i`-style environment with every probe and telemetry switch off, `-p <prompt> --output-format
// stream-json --verbose`, stdin closed, killed by PID on timeout.

import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";

export const CLAUDE_CODE_BIN = resolve(
  __dirname,
  "..",
  "..",
  "node_modules",
  "@anthropic-ai",
  "claude-code",
  "bin",
  "claude.exe",
);

/** The newest Claude Code on npm when this was written (2.1.332), installed as the `cc-newest` alias. */
export const CLAUDE_CODE_NEWEST_BIN = resolve(
  __dirname,
  "..",
  "..",
  "node_modules",
  "cc-newest",
  "bin",
  "claude.exe",
);

/** Claude Code 2.0.77, the last 2.0.x (a JavaScript bundle), installed as the `cc2077` alias. */
export const CLAUDE_CODE_2077_CLI = resolve(__dirname, "..", "..", "node_modules", "cc2077", "cli.js");

export interface RunClaudeCodeOptions {
  /** ccr's address (or any Anthropic Messages server); Claude Code appends /v1/messages?beta=true. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer` (ccr's APIKEY). */
  authToken: string;
  prompt: string;
  cwd: string;
  allowedTools?: string[];
  /** Added last; may override the defaults below. */
  env?: Record<string, string>;
  /** Default 120 s; then SIGTERM, and SIGKILL 3 s later. */
  timeoutMs?: number;
  extraArgs?: string[];
  /** Else a fresh temporary HOME, removed afterwards. */
  home?: string;
  /** Another Claude Code: a native binary, or a `cli.js` (run with this node), e.g. CLAUDE_CODE_2077_CLI. */
  bin?: string;
}

export interface ClaudeCodeRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  timedOut: boolean;
  stdout: string;
  stderr: string;
  /** The parsed stream-json lines. */
  events: any[];
  /** The final `{"type":"result",…}` event, if any. */
  result?: any;
}

export const QUIET_CLAUDE_ENV: Record<string, string> = {
  TERM: "dumb",
  CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC: "1",
  DISABLE_TELEMETRY: "1",
  DISABLE_AUTOUPDATER: "1",
  DISABLE_ERROR_REPORTING: "1",
  DISABLE_BUG_COMMAND: "1",
};

export function claudeCodeArgs(opts: Pick<RunClaudeCodeOptions, "prompt" | "allowedTools" | "extraArgs">) {
  const args = ["-p", opts.prompt, "--output-format", "stream-json", "--verbose"];
  // `=` keeps the variadic option from swallowing what follows it.
  if (opts.allowedTools?.length) args.push(`--allowedTools=${opts.allowedTools.join(",")}`);
  return [...args, ...(opts.extraArgs ?? [])];
}

export function parseStreamJson(stdout: string): any[] {
  const events: any[] = [];
  for (const line of stdout.split("\n")) {
    if (!line.trim().startsWith("{")) continue;
    try {
      events.push(JSON.parse(line));
    } catch {
      // a partial last line when the process was killed
    }
  }
  return events;
}

export function runClaudeCode(opts: RunClaudeCodeOptions): Promise<ClaudeCodeRun> {
  const ownHome = !opts.home;
  const home = opts.home ?? mkdtempSync(join(tmpdir(), "claude-home-"));
  const env: Record<string, string> = {
    PATH: `${dirname(process.execPath)}:/usr/bin:/bin`,
    HOME: home,
    ...QUIET_CLAUDE_ENV,
    ANTHROPIC_BASE_URL: opts.baseUrl,
    ANTHROPIC_AUTH_TOKEN: opts.authToken,
    ...opts.env,
  };
  const bin = opts.bin ?? CLAUDE_CODE_BIN;
  const [command, args] = bin.endsWith(".js")
    ? [process.execPath, [bin, ...claudeCodeArgs(opts)]]
    : [bin, claudeCodeArgs(opts)];
  const child = spawn(command, args, {
    cwd: opts.cwd,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (b: Buffer) => {
    stdout += b.toString();
  });
  child.stderr.on("data", (b: Buffer) => {
    stderr += b.toString();
  });
  let timedOut = false;
  let killTimer: NodeJS.Timeout | undefined;
  const timer = setTimeout(() => {
    timedOut = true;
    if (child.pid) process.kill(child.pid, "SIGTERM");
    killTimer = setTimeout(() => {
      if (child.pid && child.exitCode === null) process.kill(child.pid, "SIGKILL");
    }, 3000);
  }, opts.timeoutMs ?? 120_000);

  return new Promise((resolvePromise, reject) => {
    child.once("error", (err) => {
      clearTimeout(timer);
      if (ownHome) rmSync(home, { recursive: true, force: true });
      reject(err);
    });
    child.once("close", (code, signal) => {
      clearTimeout(timer);
      clearTimeout(killTimer);
      if (ownHome) rmSync(home, { recursive: true, force: true });
      const events = parseStreamJson(stdout);
      const result = events.findLast((e) => e?.type === "result");
      resolvePromise({ code, signal, timedOut, stdout, stderr, events, result });
    });
  });
}

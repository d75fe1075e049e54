// Runs a real ccr (1.0.73 or 2.0.0, from node_modules) headlessly, following the recipe of
// docs/ccr-contract.md#14-running-ccr-headlessly: a temporary HOME with ~/.claude-code-router/config.json, `node <cli> start`
// as a child with a clean environment, /health polled (bounded), stopped by PID.
// ccr shares one reference-counter file in os.tmpdir() across HOMEs; `ccr start` does not touch it.

import { type ChildProcess, spawn } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import JSON5 from "json5";
import { listensOn, portIsFree, reservedPort } from "./ports";

export type CcrVersion = "1.0.73" | "2.0.0";

export interface CcrInstance {
  version: CcrVersion;
  port: number;
  home: string;
  /** http://127.0.0.1:<port> */
  baseUrl: string;
  /** The router APIKEY (send it as x-api-key or Bearer); "" when the config has none. */
  apiKey: string;
  pid: number;
  /** All ~/.claude-code-router/logs/ccr-*.log files, oldest first. */
  logs(): Promise<string>;
  /** What the ccr process printed on stdout and stderr so far. */
  output(): string;
  stop(): Promise<void>;
}

export interface StartCcrOptions {
  version: CcrVersion;
  /** The full config.json content, or its raw text (JSON5 is fine). */
  config: object | { configText: string };
  /** Else a fresh temporary directory, removed by stop(). */
  home?: string;
  /** Added to the child's environment, which otherwise holds only PATH and HOME. */
  env?: Record<string, string>;
  /** Else a free ephemeral port. Always wins over the config's PORT (through SERVICE_PORT). */
  port?: number;
  /** Bound on the /health wait; default 15 s. */
  startTimeoutMs?: number;
}

/** Used when an object config has no APIKEY, so tests exercise ccr's auth like real installs. */
export const DEFAULT_ROUTER_KEY = "router-test-key";

const ROOT = resolve(__dirname, "..", "..");
const PACKAGE_DIR: Record<CcrVersion, string> = { "1.0.73": "ccr1073", "2.0.0": "ccr200" };

export function ccrCliPath(version: CcrVersion): string {
  return join(ROOT, "node_modules", PACKAGE_DIR[version], "dist", "cli.js");
}

const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const c of running) if (c.pid && c.exitCode === null) process.kill(c.pid, "SIGKILL");
});

/** A port for a ccr child process (ccr cannot listen on port 0 and report it): see ./ports. */
export const freePort = reservedPort;

function configWithDefaults(
  config: StartCcrOptions["config"],
  port: number,
): { text: string; apiKey: string } {
  if ("configText" in config && typeof config.configText === "string") {
    let key: unknown;
    try {
      key = (JSON5.parse(config.configText) as { APIKEY?: unknown }).APIKEY;
    } catch {
      key = undefined; // ccr itself reports the broken file
    }
    return { text: config.configText, apiKey: typeof key === "string" ? key : "" };
  }
  const c = { ...(config as Record<string, unknown>) };
  if (!("APIKEY" in c)) c.APIKEY = DEFAULT_ROUTER_KEY;
  c.PORT = port;
  return { text: JSON.stringify(c, null, 2), apiKey: typeof c.APIKEY === "string" ? c.APIKEY : "" };
}

/** Interpolates `$NAME` / `${NAME}` like ccr does, from the child's environment. */
function interpolate(value: string, env: Record<string, string>): string {
  return value.replace(/\$\{([^}]+)\}|\$([A-Z_][A-Z0-9_]*)/g, (m, a, b) => env[a ?? b] || m);
}

async function healthy(baseUrl: string): Promise<boolean> {
  try {
    const res = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(1000) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

function waitExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((res) => {
    const timer = setTimeout(() => res(false), ms);
    child.once("exit", () => {
      clearTimeout(timer);
      res(true);
    });
  });
}

/** ccr exited before it listened because something else holds its port. */
class PortTaken extends Error {}

export async function startCcr(opts: StartCcrOptions): Promise<CcrInstance> {
  // Only a port we chose may be replaced; a caller's port is the caller's problem to report.
  for (let attempt = 1; ; attempt++) {
    try {
      return await startCcrOn(opts, opts.port ?? (await freePort()));
    } catch (err) {
      if (!(err instanceof PortTaken) || opts.port !== undefined || attempt >= 3) throw err;
    }
  }
}

async function startCcrOn(opts: StartCcrOptions, port: number): Promise<CcrInstance> {
  const ownHome = !opts.home;
  const home = opts.home ?? mkdtempSync(join(tmpdir(), `ccr-${opts.version}-`));
  const dir = join(home, ".claude-code-router");
  let rawKey: string;
  try {
    mkdirSync(dir, { recursive: true });
    const written = configWithDefaults(opts.config, port);
    writeFileSync(join(dir, "config.json"), written.text);
    rawKey = written.apiKey;
  } catch (err) {
    if (ownHome) rmSync(home, { recursive: true, force: true });
    throw err;
  }

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    HOME: home,
    ...opts.env,
    SERVICE_PORT: String(port),
  };
  const apiKey = interpolate(rawKey, env);
  const child = spawn(process.execPath, [ccrCliPath(opts.version), "start"], {
    cwd: home,
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  let out = "";
  const collect = (b: Buffer) => {
    out = (out + b.toString()).slice(-64 * 1024);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  const baseUrl = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null && child.pid) {
      process.kill(child.pid, "SIGTERM");
      if (!(await waitExit(child, 5000)) && child.exitCode === null) {
        process.kill(child.pid, "SIGKILL");
        await waitExit(child, 5000);
      }
    }
    running.delete(child);
    if (ownHome) rmSync(home, { recursive: true, force: true });
  };

  const deadline = Date.now() + (opts.startTimeoutMs ?? 15_000);
  const pidFile = join(dir, ".claude-code-router.pid");
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const taken = !(await portIsFree(port));
      await stop();
      throw new (taken ? PortTaken : Error)(
        `ccr ${opts.version} exited (${child.exitCode ?? child.signalCode}) before /health: ${out}`,
      );
    }
    // The PID file proves the answer on this port comes from our child, not a leftover server.
    // /proc proves the listening socket is our child's, not a server that already held the port.
    const ours = existsSync(pidFile) && readFileSync(pidFile, "utf8").trim() === String(child.pid);
    if (ours && listensOn(child.pid as number, port) && (await healthy(baseUrl))) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`ccr ${opts.version} did not answer /health on ${baseUrl} in time: ${out}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }

  return {
    version: opts.version,
    port,
    home,
    baseUrl,
    apiKey,
    pid: child.pid as number,
    output: () => out,
    logs: async () => {
      const logDir = join(dir, "logs");
      if (!existsSync(logDir)) return "";
      return readdirSync(logDir)
        .filter((f) => /^ccr-.*\.log$/.test(f))
        .sort()
        .map((f) => readFileSync(join(logDir, f), "utf8"))
        .join("");
    },
    stop,
  };
}

// PoolServiceStatus: building it, fetching it from a running key pool (for the `status` CLI) and printing it.

import { readRelayStatusFile } from "./status-file";
import { POOL_TOKEN_HEADER } from "./token";
import { addTotals, emptyTotals } from "./totals";
import type { KeyStatus, PoolServiceStatus, PoolStatus, PoolTotals } from "./types";

export function buildRelayStatus(
  url: string,
  startedAt: number,
  pools: PoolStatus[],
  now = Date.now(),
): PoolServiceStatus {
  return {
    url,
    pid: process.pid,
    startedAt: new Date(startedAt).toISOString(),
    uptimeSeconds: Math.floor((now - startedAt) / 1000),
    pools,
    totals: pools.reduce<PoolTotals>((t, p) => addTotals(t, p.totals), emptyTotals()),
  };
}

export async function fetchPoolServiceStatus(statusFile: string): Promise<PoolServiceStatus> {
  const { url, token } = await readRelayStatusFile(statusFile);
  let res: Response;
  try {
    res = await fetch(`${url}/_status`, {
      headers: { [POOL_TOKEN_HEADER]: token },
      signal: AbortSignal.timeout(3000),
    });
  } catch {
    throw new Error(`the relay at ${url} (from ${statusFile}) does not answer: ccr may have stopped`);
  }
  if (!res.ok) throw new Error(`the relay at ${url} answered ${res.status} to a status request`);
  return (await res.json()) as PoolServiceStatus;
}

function duration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  return h > 0
    ? `${h}h${String(m).padStart(2, "0")}m`
    : m > 0
      ? `${m}m${String(s).padStart(2, "0")}s`
      : `${s}s`;
}

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows.map((r) =>
    r
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join("  ")
      .trimEnd(),
  );
}

/** Client requests (what Claude Code sent) and what the key pool did for them upstream. */
function totalsLine(t: PoolTotals): string {
  return `client requests ${t.requests}  answered ${t.successes}  failed ${t.errors}  |  upstream retries ${t.retries}  upstream 429s ${t.rateLimited}`;
}

/** The key table counts calls to Cerebras, not client requests: said under it, since the numbers differ. */
const KEY_TABLE_LEGEND =
  "  (CALLS, OK, 429, FAILED: calls to Cerebras with that key, one per client request plus each retry; ERRS: failures in a row)";

function keyRow(k: KeyStatus): string[] {
  const opt = (n: number | undefined) => (n === undefined ? "-" : String(n));
  return [
    `${k.current ? "*" : " "} ${k.name}`,
    k.state === "cooling"
      ? `cooling ${k.coolingSeconds}s`
      : k.state === "removed"
        ? `removed (${k.removed?.status ?? "refused"})`
        : "available",
    String(k.consecutiveErrors),
    opt(k.remainingTokens),
    opt(k.remainingRequests),
    String(k.inFlight),
    String(k.totals.requests),
    String(k.totals.successes),
    String(k.totals.rateLimited),
    String(k.totals.errors),
  ];
}

export function formatPoolServiceStatus(s: PoolServiceStatus): string {
  const lines = [
    `ccr-cerebras relay ${s.url}  pid ${s.pid}  up ${duration(s.uptimeSeconds)}`,
    totalsLine(s.totals),
  ];
  if (s.pools.length === 0) lines.push("", "no request has reached Cerebras through the relay yet");
  for (const p of s.pools) {
    lines.push("", `${p.upstream}  (current key: ${p.current})`, `  ${totalsLine(p.totals)}`);
    const header = [
      "  KEY",
      "STATE",
      "ERRS",
      "TOKENS LEFT",
      "REQS LEFT",
      "IN FLIGHT",
      "CALLS",
      "OK",
      "429",
      "FAILED",
    ];
    lines.push(...table([header, ...p.keys.map(keyRow)]).map((l) => `  ${l}`), KEY_TABLE_LEGEND);
  }
  return lines.join("\n");
}

// Optional per-request JSON logs: `<dir>/<YYYY-MM-DD>/<HHMMSS-mmm>-<requestId>.json`, mode 600 in
// folders of mode 700, written off the response path, with every key value redacted.

import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { localDateStamp, pruneRequestLogs } from "./log-retention";
import type { Redactor } from "./redact";
import type { PoolLogOptions } from "./types";

export const SSE_LOG_CAP_BYTES = 1024 * 1024;
const PRUNE_EVERY_WRITES = 100;

export interface AttemptLog {
  /** The key's NAME. */
  key: string;
  startedAt: string;
  durationMs: number;
  status?: number;
  headers?: Record<string, string>;
  inStream?: boolean;
  /** Error body (text or the in-stream error object) or the transport error message. */
  error?: unknown;
  outcome: "success" | "quota" | "transient" | "rejected" | "fatal" | "aborted";
  /** The backoff before the next attempt. */
  retryDelayMs?: number;
}

export interface RequestLogRecord {
  requestId: string;
  startedAt: string;
  durationMs?: number;
  upstream: string;
  model?: string;
  reserveTokens: number;
  request: unknown;
  attempts: AttemptLog[];
  /** Waits for a cooling key before an attempt. */
  waits: Array<{ ms: number; atAttempt: number }>;
  response?: {
    status: number;
    headers: Record<string, string>;
    body?: unknown;
    sse?: string;
    sseTruncated?: boolean;
    bytes?: number;
  };
  outcome?: "success" | "error" | "client-closed";
}

function timeStamp(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}-${p(d.getMilliseconds(), 3)}`;
}

export function safeRequestId(raw: string | undefined, fallback: string): string {
  const clean = (raw ?? "").replace(/[^A-Za-z0-9_.-]/g, "").slice(0, 64);
  return clean && !/^\.+$/.test(clean) ? clean : fallback;
}

export function requestLogPath(dir: string, startedAt: Date, requestId: string): string {
  return join(dir, localDateStamp(startedAt), `${timeStamp(startedAt)}-${requestId}.json`);
}

/** The request body as logged: the parsed JSON, or its text when it does not parse. */
export function loggableBody(raw: Uint8Array): unknown {
  const text = new TextDecoder().decode(raw);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export class RequestLogWriter {
  private chain: Promise<void> = Promise.resolve();
  private writes = 0;
  private readonly limits: { maxAgeDays: number; maxBytes: number };

  constructor(
    private readonly opts: PoolLogOptions,
    private readonly redactor: Redactor,
    private readonly warn: (message: string) => void = (m) => console.warn(m),
  ) {
    this.limits = { maxAgeDays: opts.maxAgeDays ?? 7, maxBytes: opts.maxBytes ?? 200 * 1024 * 1024 };
  }

  private enqueue(task: () => Promise<unknown>): void {
    this.chain = this.chain.then(task).then(
      () => {},
      (err: Error) =>
        this.warn(`ccr-cerebras relay: request log: ${this.redactor.redact(String(err?.message ?? err))}`),
    );
  }

  prune(): void {
    this.enqueue(() => pruneRequestLogs(this.opts.dir, this.limits));
  }

  write(record: RequestLogRecord): void {
    const startedAt = new Date(record.startedAt);
    this.enqueue(async () => {
      const path = requestLogPath(this.opts.dir, startedAt, record.requestId);
      await mkdir(this.opts.dir, { recursive: true, mode: 0o700 });
      await mkdir(join(this.opts.dir, localDateStamp(startedAt)), { recursive: true, mode: 0o700 });
      const text = this.redactor.redact(JSON.stringify(record, null, 2));
      await writeFile(path, `${text}\n`, { mode: 0o600 });
      if (++this.writes % PRUNE_EVERY_WRITES === 0) await pruneRequestLogs(this.opts.dir, this.limits);
    });
  }

  /** Resolves when every queued write and prune has finished. */
  flush(): Promise<void> {
    return this.chain;
  }
}

/** Collects the first `cap` bytes of a streamed body as text for the log. */
export class SseCapture {
  private readonly parts: Uint8Array[] = [];
  private size = 0;
  bytes = 0;

  constructor(private readonly cap = SSE_LOG_CAP_BYTES) {}

  push(chunk: Uint8Array): void {
    this.bytes += chunk.byteLength;
    if (this.size >= this.cap) return;
    const part = chunk.subarray(0, this.cap - this.size);
    this.parts.push(part);
    this.size += part.byteLength;
  }

  get truncated(): boolean {
    return this.bytes > this.size;
  }

  text(): string {
    return Buffer.concat(this.parts).toString("utf8");
  }
}

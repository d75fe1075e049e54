// One client request through the key pool: lease a key, call Cerebras, and on a failure that nothing
// has been sent for yet rotate (quota), back off (capacity, 5xx, transport) or answer (client errors).

import { setTimeout as sleep } from "node:timers/promises";
import {
  type AnthropicHttpError,
  cerebrasHttpErrorToAnthropic,
  parseCerebrasErrorPayload,
  transportErrorToAnthropic,
} from "../errors";
import { type AttemptOutcome, attemptUpstream } from "./attempt";
import { backoffDelayMs, classifyCerebrasFailure, type FailureKind } from "./classify";
import { concatStream } from "./concat-stream";
import type { KeyPool, Lease } from "./key-pool";
import { cooldownMsFromHeaders, MAX_COOLDOWN_MS, readRateBudgets } from "./rate-headers";
import type { Redactor } from "./redact";
import { type AttemptLog, type RequestLogRecord, SSE_LOG_CAP_BYTES, SseCapture } from "./request-log";
import { forwardableHeaders } from "./respond";
import { UpstreamStallError } from "./stall";
import type { PoolCallOutcome } from "./types";

export interface PoolSettings {
  maxWaitMs: number;
  maxRetries: number;
  baseDelayMs: number;
  maxDelayMs: number;
  maxTotalMs: number;
  /** Longest wait for an attempt's first event before it is retried (0: unbounded). */
  firstEventTimeoutMs: number;
  /** Longest silence mid-stream before the stream ends with an error (0: unbounded). */
  streamIdleTimeoutMs: number;
  /** Longest wait for a non-streaming answer (0: unbounded). */
  wholeAnswerTimeoutMs: number;
}

export interface PoolCallContext {
  pool: KeyPool;
  fetchImpl: typeof fetch;
  upstream: string;
  body: Uint8Array;
  reserve: number;
  cerebrasModel?: string;
  /** False for a non-streaming request: its answer comes whole, after the generation. */
  stream?: boolean;
  settings: PoolSettings;
  /** Fires when the client (ccr) goes away; aborts the upstream call. */
  signal: AbortSignal;
  redactor: Redactor;
  record: RequestLogRecord;
  /** Request logging is on: keep the response (the first MB of a stream) in `record`. */
  logging: boolean;
  /** Pool events worth a line in ccr's log (a key removed from rotation). */
  notice?: (message: string) => void;
}

/** What one client request through the pool came to; nothing has been sent to the client yet. */
export type PoolOutcome = PoolCallOutcome;

/** Wake-ups of the wait loop are bounded too, beyond the attempt bounds and the clock. */
const MAX_LOOP_TURNS = 1000;

type Failed = Extract<AttemptOutcome, { kind: "http-error" } | { kind: "transport" }>;

function mapFailure(f: Failed, kind: FailureKind, cerebrasModel: string | undefined): AnthropicHttpError {
  if (f.kind === "transport") return transportErrorToAnthropic(f.error);
  return cerebrasHttpErrorToAnthropic({
    status: f.status,
    body: f.body,
    // Reset headers ride on every Cerebras response; they time quota windows, not capacity shedding.
    headers: kind === "transient" ? undefined : f.headers,
    context: { cerebrasModel },
  });
}

function errorCode(f: Failed): string | undefined {
  return f.kind === "transport" ? undefined : (parseCerebrasErrorPayload(f.body).code ?? undefined);
}

function allKeysCooling(pool: KeyPool, waitMs: number): AnthropicHttpError {
  const seconds = Math.max(1, Math.ceil(Math.min(waitMs, MAX_COOLDOWN_MS) / 1000));
  const body = {
    message: `All ${pool.size} Cerebras key(s) are rate-limited; the next one is free in about ${seconds}s.`,
    type: "too_many_requests_error",
    code: "token_quota_exceeded",
  };
  return cerebrasHttpErrorToAnthropic({
    status: 429,
    body,
    headers: new Headers({ "retry-after": String(seconds) }),
  });
}

/** A 429 answer names the soonest moment any key of the pool is free, when that is sooner. */
function soonestRetryAfter(mapped: AnthropicHttpError, pool: KeyPool, reserve: number): AnthropicHttpError {
  if (mapped.status !== 429) return mapped;
  const soonest = Math.max(1, Math.ceil(pool.msUntilAvailable(reserve) / 1000));
  const given = Number(mapped.headers["retry-after"]);
  return Number.isFinite(given) && given <= soonest
    ? mapped
    : mapped.with({ headers: { ...mapped.headers, "retry-after": String(Math.min(soonest, 60)) } });
}

/**
 * How long an attempt may wait for its first event. A stream's first event comes within seconds, and a
 * stall is retried, never past the request's own deadline. A non-streaming answer comes whole after the
 * generation, so it gets the long whole-answer bound instead.
 */
function firstEventBound(s: PoolSettings, stream: boolean | undefined, untilDeadline: number): number {
  if (stream === false) return s.wholeAnswerTimeoutMs;
  return s.firstEventTimeoutMs > 0 ? Math.max(1, Math.min(s.firstEventTimeoutMs, untilDeadline)) : 0;
}

function isWholeAnswerStall(outcome: AttemptOutcome): boolean {
  return (
    outcome.kind === "transport" &&
    outcome.error instanceof UpstreamStallError &&
    outcome.error.phase === "whole-answer"
  );
}

/** A refusal names the pool key it was for (never its value). */
function namingKey(mapped: AnthropicHttpError, keyName: string): AnthropicHttpError {
  return mapped.with({ message: `${mapped.message} (pool key "${keyName}")` });
}

function attemptLog(
  lease: Lease,
  t0: number,
  outcome: AttemptOutcome,
  kind: AttemptLog["outcome"],
  redactor: Redactor,
): AttemptLog {
  const entry: AttemptLog = {
    key: lease.key.name,
    startedAt: new Date(t0).toISOString(),
    durationMs: Date.now() - t0,
    outcome: kind,
  };
  if (outcome.kind === "transport") {
    const e = outcome.error as { message?: string; cause?: { code?: string } };
    entry.error = `${e?.cause?.code ?? ""} ${e?.message ?? String(outcome.error)}`.trim();
  } else {
    entry.status = outcome.status;
    entry.headers = redactor.headers(outcome.headers);
    if (outcome.kind === "http-error") {
      entry.inStream = outcome.inStream;
      entry.error = outcome.body;
    }
  }
  return entry;
}

/**
 * Leases keys and calls Cerebras until an answer can be committed (a 2xx, with a stream's first events
 * checked) or the request must fail. The ccr plugin calls it in process (PoolService.call).
 */
export async function callCerebrasThroughPool(
  ctx: PoolCallContext,
  /** Runs once a committed stream has been read to its end (or cancelled). */
  onStreamEnd?: () => void,
): Promise<PoolOutcome> {
  const { pool, settings: s, record, redactor, signal } = ctx;
  const started = Date.now();
  const deadline = started + s.maxTotalMs;
  const maxQuotaFailures = pool.size * 2;
  let quotaFailures = 0;
  let transientRetries = 0;
  let attempts = 0;
  let waitedMs = 0;
  let last: AnthropicHttpError | undefined;
  pool.totals.requests++;

  const giveUp = (mapped: AnthropicHttpError): PoolOutcome => {
    pool.totals.errors++;
    const final = soonestRetryAfter(mapped, pool, ctx.reserve);
    const redacted = JSON.parse(redactor.redact(JSON.stringify(final.body)));
    record.response = { status: final.status, headers: { ...final.headers }, body: redacted };
    record.outcome = "error";
    return { kind: "error", error: final.with({ message: redacted.error.message }) };
  };
  const clientClosed = (): PoolOutcome => {
    record.outcome = "client-closed";
    return { kind: "aborted" };
  };

  for (let turn = 0; turn < MAX_LOOP_TURNS; turn++) {
    if (signal.aborted) return clientClosed();
    const lease = pool.acquire(ctx.reserve);
    if (!lease) {
      const wait = pool.msUntilAvailable(ctx.reserve);
      if (waitedMs + wait > s.maxWaitMs || Date.now() + wait > deadline) {
        return giveUp(last ?? allKeysCooling(pool, wait));
      }
      const t0 = Date.now();
      await pool.waitForChange(Math.max(1, wait), signal);
      waitedMs += Date.now() - t0;
      record.waits.push({ ms: Date.now() - t0, atAttempt: attempts + 1 });
      continue;
    }
    attempts++;
    if (attempts > 1) {
      pool.totals.retries++;
      pool.noteRetry(lease);
    }
    const t0 = Date.now();
    const outcome = await attemptUpstream({
      fetchImpl: ctx.fetchImpl,
      upstream: ctx.upstream,
      key: lease.key.value,
      body: ctx.body,
      signal,
      firstEventTimeoutMs: firstEventBound(s, ctx.stream, deadline - t0),
      wholeAnswer: ctx.stream === false,
    });
    if (signal.aborted) {
      if (outcome.kind === "stream") outcome.reader.cancel().catch(() => {});
      pool.released(lease);
      record.attempts.push(attemptLog(lease, t0, outcome, "aborted", redactor));
      return clientClosed();
    }
    if (outcome.kind === "json" || outcome.kind === "stream") {
      pool.succeeded(lease, readRateBudgets(outcome.headers, Date.now()));
      pool.totals.successes++;
      record.attempts.push(attemptLog(lease, t0, outcome, "success", redactor));
      const headers = forwardableHeaders(outcome.headers, {
        "x-ccr-cerebras-key": lease.key.name,
        "x-ccr-cerebras-attempts": String(attempts),
      });
      record.outcome = "success";
      if (outcome.kind === "json") {
        const body = ctx.logging ? new TextDecoder().decode(outcome.body) : undefined;
        record.response = { status: outcome.status, headers, body };
        return { kind: "json", status: outcome.status, headers, body: outcome.body };
      }
      const capture = new SseCapture(ctx.logging ? SSE_LOG_CAP_BYTES : 0);
      const body = concatStream({
        prefix: outcome.prefix,
        rest: outcome.ended ? undefined : outcome.reader,
        capture,
        onEnd: (end) => {
          record.response = {
            status: outcome.status,
            headers,
            sse: capture.text(),
            sseTruncated: capture.truncated,
            bytes: capture.bytes,
          };
          if (end !== "done") record.outcome = end === "cancelled" ? "client-closed" : "error";
          onStreamEnd?.();
        },
        idleTimeoutMs: s.streamIdleTimeoutMs,
      });
      return { kind: "stream", status: outcome.status, headers, body };
    }

    const kind: FailureKind =
      outcome.kind === "transport" ? "transient" : classifyCerebrasFailure(outcome.status, outcome.body);
    const entry = attemptLog(lease, t0, outcome, kind, redactor);
    record.attempts.push(entry);
    last = mapFailure(outcome, kind, ctx.cerebrasModel);
    if (outcome.kind === "http-error" && outcome.status === 429) pool.totals.rateLimited++;

    // A non-streaming answer that took the whole bound would take it again: answered, not retried.
    if (kind === "fatal" || isWholeAnswerStall(outcome)) {
      pool.released(lease);
      return giveUp(last);
    }
    if (kind === "rejected") {
      const status = outcome.kind === "http-error" ? outcome.status : 401;
      last = namingKey(last, lease.key.name);
      if (pool.rejected(lease, status)) {
        ctx.notice?.(
          `Cerebras refused pool key "${lease.key.name}" (${status}); it is out of rotation until ccr restarts (${pool.usableKeys} of ${pool.size} keys left)`,
        );
        continue; // another key serves this request
      }
      return giveUp(last);
    }
    if (kind === "quota") {
      const headers = outcome.kind === "http-error" ? outcome.headers : undefined;
      pool.rateLimited(lease, cooldownMsFromHeaders(headers, errorCode(outcome)) ?? MAX_COOLDOWN_MS);
      if (++quotaFailures >= maxQuotaFailures) return giveUp(last);
      continue;
    }
    transientRetries++;
    const delay = backoffDelayMs(transientRetries, s.baseDelayMs, s.maxDelayMs);
    pool.transient(lease, delay, outcome.kind === "http-error" ? outcome.status : undefined);
    if (transientRetries > s.maxRetries || Date.now() + delay > deadline) return giveUp(last);
    entry.retryDelayMs = delay;
    await sleep(delay, undefined, { signal }).catch(() => {});
  }
  return giveUp(last ?? allKeysCooling(pool, pool.msUntilAvailable(ctx.reserve)));
}

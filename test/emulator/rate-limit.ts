// Rate-limit headers (docs/mapping.md#57-rate-limits-and-retries: float-second resets, on every response) and the per-key
// failures of KeyBehaviour. The limiter charges prompt + max_completion_tokens up front, as Cerebras does;
// the figures are informational only.

import { type ErrorReply, quotaErrorBody } from "./errors";
import type { KeyBehaviour } from "./types";

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

interface Window {
  start: number;
  used: number;
}

function roll(w: Window, now: number, length: number): Window {
  return now - w.start >= length ? { start: now - ((now - w.start) % length), used: 0 } : w;
}

function resetSeconds(w: Window, now: number, length: number): string {
  return String((w.start + length - now) / 1000 + Math.random() * 1e-6);
}

export class RateLimiter {
  private tokens: Window;
  private requests: Window;
  private readonly behaviours = new Map<string, KeyBehaviour>();

  constructor(
    private readonly tokensPerMinute = 1_000_000,
    private readonly requestsPerDay = 1_000_000,
    now = Date.now(),
  ) {
    this.tokens = { start: now, used: 0 };
    this.requests = { start: now, used: 0 };
  }

  setKeyBehaviour(key: string, b: KeyBehaviour): void {
    this.behaviours.set(key, { ...b });
  }

  hasBehaviour(key: string): boolean {
    return this.behaviours.has(key);
  }

  isRevoked(key: string | undefined): boolean {
    return key !== undefined && this.behaviours.get(key)?.revoked === true;
  }

  /** Charges one request and `tokens` (prompt + max completion) to the current windows. */
  charge(tokens: number, now = Date.now()): void {
    this.tokens = roll(this.tokens, now, MINUTE_MS);
    this.requests = roll(this.requests, now, DAY_MS);
    this.tokens.used += tokens;
    this.requests.used += 1;
  }

  headers(now = Date.now()): Record<string, string> {
    this.tokens = roll(this.tokens, now, MINUTE_MS);
    this.requests = roll(this.requests, now, DAY_MS);
    return {
      "x-ratelimit-limit-requests-day": String(this.requestsPerDay),
      "x-ratelimit-limit-tokens-minute": String(this.tokensPerMinute),
      "x-ratelimit-remaining-requests-day": String(Math.max(0, this.requestsPerDay - this.requests.used)),
      "x-ratelimit-remaining-tokens-minute": String(Math.max(0, this.tokensPerMinute - this.tokens.used)),
      "x-ratelimit-reset-requests-day": resetSeconds(this.requests, now, DAY_MS),
      "x-ratelimit-reset-tokens-minute": resetSeconds(this.tokens, now, MINUTE_MS),
    };
  }

  /** The failure this key must get now (and counts it), or undefined. */
  keyFailure(key: string | undefined): ErrorReply | undefined {
    const b = key === undefined ? undefined : this.behaviours.get(key);
    if (!b?.rateLimitFor || b.rateLimitFor <= 0) return undefined;
    b.rateLimitFor -= 1;
    const status = b.status ?? 429;
    const code = b.code ?? "token_quota_exceeded";
    const reset = String(b.resetSeconds ?? 11.382867097854614);
    const headers: Record<string, string> = code.startsWith("request")
      ? { "x-ratelimit-remaining-requests-minute": "0", "x-ratelimit-reset-requests-minute": reset }
      : code.startsWith("token")
        ? { "x-ratelimit-remaining-tokens-minute": "0", "x-ratelimit-reset-tokens-minute": reset }
        : {};
    return { status, body: b.body ?? quotaErrorBody(code, status), headers };
  }
}

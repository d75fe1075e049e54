// One pool of keys for one upstream URL. A request leases the current key (or the next usable one);
// the lease reserves its estimated tokens so concurrent requests do not all squeeze into the same
// remaining budget. Every method is synchronous, so no decision spans an await.

import type { PoolKey } from "./keys";
import type { RateBudget } from "./rate-headers";
import { emptyTotals } from "./totals";
import type { KeyStatus, PoolStatus, PoolTotals } from "./types";

export interface Lease {
  readonly key: PoolKey;
  readonly reserve: number;
  /** Order of acquisition; budgets observed after a lease was taken already include its charge. */
  readonly seq: number;
  released: boolean;
}

interface KeyState {
  key: PoolKey;
  coolingUntil: number;
  consecutiveErrors: number;
  budgets: RateBudget[];
  /** `seq` counter value when `budgets` was read from a response. */
  observedSeq: number;
  leases: Set<Lease>;
  totals: PoolTotals;
  /** The upstream answered a request on this key with anything but a refusal (401/403). */
  proven: boolean;
  /** Out of rotation for good (until ccr restarts): the upstream refused the key (401/403). */
  removed?: { status: number; at: number };
}

/**
 * How soon a key that may take only one request (a probe) is looked at again when its probe is still in
 * flight; the probe's end wakes waiters earlier (see waitForChange).
 */
const PROBE_RECHECK_MS = 250;

export type Clock = () => number;

export class KeyPool {
  readonly totals: PoolTotals = emptyTotals();
  private readonly states: KeyState[];
  private current = 0;
  private seq = 0;
  private waiters = new Set<() => void>();

  constructor(
    readonly upstream: string,
    keys: readonly PoolKey[],
    private readonly now: Clock = Date.now,
  ) {
    if (keys.length === 0) throw new Error("a key pool needs at least one key");
    this.states = keys.map((key) => ({
      key,
      coolingUntil: 0,
      consecutiveErrors: 0,
      budgets: [],
      observedSeq: 0,
      leases: new Set(),
      totals: emptyTotals(),
      proven: false,
    }));
  }

  get size(): number {
    return this.states.length;
  }

  /**
   * In a pool of several keys, a key nothing is known about yet takes one request at a time until the
   * upstream answers it: concurrent requests go to other keys (or wait for that answer) instead of all
   * piling onto a key that may be revoked or out of quota. A single key has nowhere else to send them.
   */
  private probing(s: KeyState): boolean {
    return this.states.length > 1 && !s.proven && s.leases.size > 0;
  }

  /** The epoch ms from which `s` can take a request of `reserve` tokens (≤ now: it can now). */
  private availableAt(s: KeyState, reserve: number, now: number): number {
    if (s.removed) return Number.POSITIVE_INFINITY;
    let at = s.coolingUntil;
    if (this.probing(s)) at = Math.max(at, now + PROBE_RECHECK_MS);
    const unseen = [...s.leases].filter((l) => l.seq > s.observedSeq);
    const reservedTokens = unseen.reduce((n, l) => n + l.reserve, 0);
    for (const b of s.budgets) {
      if (b.resetAt <= now) continue;
      const short =
        b.resource === "tokens"
          ? b.remaining - reservedTokens < Math.max(1, reserve)
          : b.remaining - unseen.length < 1;
      if (short) at = Math.max(at, b.resetAt);
    }
    return at;
  }

  /** Leases the first key, from the current one on, that can take `reserve` tokens now. */
  acquire(reserve: number): Lease | undefined {
    const now = this.now();
    for (let i = 0; i < this.states.length; i++) {
      const s = this.states[(this.current + i) % this.states.length] as KeyState;
      if (this.availableAt(s, reserve, now) > now) continue;
      const lease: Lease = { key: s.key, reserve, seq: ++this.seq, released: false };
      s.leases.add(lease);
      s.totals.requests++;
      return lease;
    }
    return undefined;
  }

  /** Keys still in rotation (not refused by the upstream). */
  get usableKeys(): number {
    return this.states.filter((s) => !s.removed).length;
  }

  /** Milliseconds until some key could take `reserve` tokens (Infinity when every key was removed). */
  msUntilAvailable(reserve: number): number {
    const now = this.now();
    const soonest = Math.min(...this.states.map((s) => this.availableAt(s, reserve, now)));
    return Math.max(0, soonest - now);
  }

  /** Resolves after `ms`, or earlier when a lease ends or a key's state changes, or on abort. */
  waitForChange(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        signal?.removeEventListener("abort", done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.waiters.add(done);
      signal?.addEventListener("abort", done, { once: true });
    });
  }

  private stateOf(lease: Lease): KeyState {
    return this.states.find((s) => s.key === lease.key) as KeyState;
  }

  /** Ends a lease exactly once; later calls do nothing. */
  private end(lease: Lease): KeyState | undefined {
    if (lease.released) return undefined;
    lease.released = true;
    const s = this.stateOf(lease);
    s.leases.delete(lease);
    for (const wake of [...this.waiters]) wake();
    return s;
  }

  noteRetry(lease: Lease): void {
    this.stateOf(lease).totals.retries++;
  }

  succeeded(lease: Lease, budgets: RateBudget[]): void {
    const s = this.end(lease);
    if (!s) return;
    s.consecutiveErrors = 0;
    s.proven = true;
    s.totals.successes++;
    if (budgets.length > 0) {
      s.budgets = budgets;
      s.observedSeq = this.seq;
    }
  }

  /** A 429 quota error: cool the key until its reset and move on from it. */
  rateLimited(lease: Lease, cooldownMs: number): void {
    this.coolAndRotate(lease, cooldownMs, true);
  }

  /** A transient capacity error: not the key's fault; it rests only for the backoff delay. */
  transient(lease: Lease, backoffMs: number, status?: number): void {
    const s = this.end(lease);
    if (s) this.failed(s, backoffMs, status === 429);
  }

  /** A failure that says nothing about the key's health (a bad request, a client that left). */
  released(lease: Lease): void {
    this.end(lease);
  }

  /**
   * A key the upstream refused outright (401/403): it leaves the rotation for good (until ccr restarts)
   * and the pool moves on. The last usable key stays in, so its refusal keeps reaching the client.
   * Returns true when the key was removed.
   */
  rejected(lease: Lease, status: number): boolean {
    const s = this.stateOf(lease);
    const remove = !lease.released && !s.removed && this.usableKeys > 1;
    if (remove) s.removed = { status, at: this.now() };
    this.coolAndRotate(lease, 0, false);
    return remove;
  }

  private coolAndRotate(lease: Lease, cooldownMs: number, rateLimited: boolean): void {
    const s = this.end(lease);
    if (!s) return;
    this.failed(s, cooldownMs, rateLimited);
    const i = this.states.indexOf(s);
    if (i !== this.current) return;
    for (let k = 1; k <= this.states.length; k++) {
      const next = (i + k) % this.states.length;
      if (!this.states[next]?.removed) {
        this.current = next;
        return;
      }
    }
  }

  private failed(s: KeyState, cooldownMs: number, rateLimited: boolean): void {
    if (!s.removed) s.proven = true;
    s.consecutiveErrors++;
    s.totals.errors++;
    if (rateLimited) s.totals.rateLimited++;
    s.coolingUntil = Math.max(s.coolingUntil, this.now() + cooldownMs);
    for (const wake of [...this.waiters]) wake();
  }

  status(): PoolStatus {
    const now = this.now();
    const live = (s: KeyState, resource: RateBudget["resource"]) =>
      s.budgets.filter((b) => b.resource === resource && b.resetAt > now).map((b) => b.remaining);
    const keys: KeyStatus[] = this.states.map((s, i) => {
      const tokens = s.budgets.find(
        (b) => b.resource === "tokens" && b.window === "minute" && b.resetAt > now,
      );
      const requests = live(s, "requests");
      const cooling = s.coolingUntil > now;
      return {
        name: s.key.name,
        state: s.removed ? "removed" : cooling ? "cooling" : "available",
        ...(s.removed
          ? { removed: { status: s.removed.status, at: new Date(s.removed.at).toISOString() } }
          : {}),
        coolingSeconds: cooling ? Math.ceil((s.coolingUntil - now) / 100) / 10 : 0,
        consecutiveErrors: s.consecutiveErrors,
        ...(tokens ? { remainingTokens: tokens.remaining } : {}),
        ...(requests.length ? { remainingRequests: Math.min(...requests) } : {}),
        inFlight: s.leases.size,
        current: i === this.current,
        totals: { ...s.totals },
      };
    });
    return {
      upstream: this.upstream,
      current: (this.states[this.current] as KeyState).key.name,
      keys,
      totals: { ...this.totals },
    };
  }
}

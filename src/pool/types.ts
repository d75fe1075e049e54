// Public types of the in-process key pool service (ccr plugin → key pool → Cerebras). The plugin calls Cerebras
// through it because ccr turns a non-2xx upstream answer into its own error before any plugin sees it.

export interface RetryOptions {
  /** Retries of transient errors (queue_exceeded, 500/502/503, connection failures); default 4. */
  maxRetries?: number;
  /** First backoff delay; default 500 ms. */
  baseDelayMs?: number;
  /** Longest single backoff delay; default 8000 ms. */
  maxDelayMs?: number;
  /** Longest time one client request may spend in the key pool before the answer starts; default 90 s. */
  maxTotalMs?: number;
  /**
   * Longest wait for an attempt's first event (headers, then a first non-empty chunk); default 60 s. A
   * stalled attempt is retried like a dropped connection (nothing has reached the client yet).
   */
  firstEventTimeoutMs?: number;
  /** Longest silence of a committed stream; default 60 s. The client then gets an Anthropic error event. */
  streamIdleTimeoutMs?: number;
  /**
   * Longest wait for a non-streaming answer, which arrives whole once generated (so it is silent for as
   * long as the generation takes); default 10 min. Not retried when it expires.
   */
  wholeAnswerTimeoutMs?: number;
}

export interface PoolLogOptions {
  /** e.g. ~/.claude-code-router/logs/cerebras */
  dir: string;
  /** Date folders older than this are deleted; default 7. */
  maxAgeDays?: number;
  /** The oldest files beyond this total are deleted; default 200 MB. */
  maxBytes?: number;
}

export interface PoolServiceOptions {
  /** Longest wait when every key is cooling (default 60_000). */
  maxWaitMs?: number;
  retry?: RetryOptions;
  log?: false | PoolLogOptions;
  /** Where to write {url, token, pid} (mode 600) so a CLI can find the key pool. */
  statusFile?: string;
  /** For CEREBRAS_API_KEYS (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Pool events worth a line in ccr's log, e.g. a key removed from rotation (by name). */
  notice?: (message: string) => void;
  /** Tests. */
  fetchImpl?: typeof fetch;
}

export interface PoolService {
  /** http://127.0.0.1:<port> */
  url: string;
  token: string;
  close(): Promise<void>;
  status(): PoolServiceStatus;
  /** One request through the pool in this process (no HTTP hop); nothing is sent until it returns. */
  call(input: PoolCallInput): Promise<PoolCallOutcome>;
}

export interface PoolCallInput {
  /** The full Cerebras chat-completions URL. */
  upstream: string;
  /** The single key used when CEREBRAS_API_KEYS is unset. */
  apiKey?: string;
  /** The Cerebras JSON request, sent as is. */
  body: Uint8Array;
  /** Estimated input + max_completion_tokens, to skip keys whose remaining budget cannot fit it. */
  reserveTokens?: number;
  /** The request asks for a stream (`stream: true`); false selects the whole-answer bound. */
  stream?: boolean;
  /** The Cerebras model id the body asks for (named in a "model not found" error and the request log). */
  cerebrasModel?: string;
  requestId?: string;
  /** Aborts the upstream call (the client went away). */
  signal?: AbortSignal;
}

export type PoolCallOutcome =
  | { kind: "json"; status: number; headers: Record<string, string>; body: Uint8Array }
  | { kind: "stream"; status: number; headers: Record<string, string>; body: ReadableStream<Uint8Array> }
  | { kind: "error"; error: import("../errors").AnthropicHttpError }
  | { kind: "aborted" };

export interface PoolTotals {
  /** Client requests (pool level) or upstream attempts (key level). */
  requests: number;
  /** Upstream attempts beyond the first of a client request. */
  retries: number;
  /** Upstream 429s, in-stream ones included. */
  rateLimited: number;
  /** Failed client requests (pool level) or failed attempts (key level). */
  errors: number;
  successes: number;
}

export interface KeyStatus {
  /** The key's name (`key1`, `default`, a CEREBRAS_API_KEYS name); never its value. */
  name: string;
  /** removed: the upstream refused the key (401/403); it is out of rotation until ccr restarts. */
  state: "available" | "cooling" | "removed";
  /** Why and when a removed key left the rotation. */
  removed?: { status: number; at: string };
  /** Seconds until a cooling key is available again (0 when available). */
  coolingSeconds: number;
  consecutiveErrors: number;
  /** From the last `x-ratelimit-remaining-tokens-minute`, while its reset has not passed. */
  remainingTokens?: number;
  /** The smallest known `x-ratelimit-remaining-requests-*`, while its reset has not passed. */
  remainingRequests?: number;
  inFlight: number;
  current: boolean;
  totals: PoolTotals;
}

export interface PoolStatus {
  /** The upstream URL without credentials or query. */
  upstream: string;
  current: string;
  keys: KeyStatus[];
  totals: PoolTotals;
}

export interface PoolServiceStatus {
  url: string;
  pid: number;
  startedAt: string;
  uptimeSeconds: number;
  pools: PoolStatus[];
  totals: PoolTotals;
}

// Public types of the Cerebras emulator (a strict fake of https://api.cerebras.ai/v1 for tests and
// benchmarks). The shapes it answers with follow test/fixtures/cerebras/ and docs/mapping.md#5-cerebras-api-facts.

import type { ModelInfo } from "../../src/models";
import type { CerebrasRequest, CerebrasUsage } from "../../src/wire/cerebras";

export interface EmulatorOptions {
  /** Default 0 (ephemeral). The host is always 127.0.0.1. */
  port?: number;
  /** Accepted API keys (`Authorization: Bearer <key>`); default ["sk-test"]. */
  keys?: string[];
  /**
   * Live model ids (default: gpt-oss-120b, qwen-3.8-27b). Capabilities come from getModelInfo
   * (src/models.ts); the record form overrides them per id (`supportedParameters` shapes the listing's
   * sampling parameters, and the others are then refused). Any other id → 404 model_not_found.
   */
  models?: Partial<Record<string, Partial<ModelInfo>>> | string[];
  /** Per account (API key): the models that key is served instead of `models` (listing and chat). */
  modelsByKey?: Record<string, Partial<Record<string, Partial<ModelInfo>>> | string[]>;
  /** Answer `GET /v1/models?format=…` with this status (a gateway that knows only the plain form). */
  refuseListingFormat?: number;
  /** Answer used when the queue is empty; default: a short text quoting the last user message. */
  defaultReply?: ScriptedReply;
  /**
   * Default true: every body goes through validateCerebrasRequest. False skips only that check (model,
   * auth and context checks stay), e.g. to benchmark ccr's built-in path, whose bodies Cerebras refuses.
   */
  strict?: boolean;
  /** Cut replies longer than `max_completion_tokens` and finish with "length" (off by default). */
  enforceMaxCompletionTokens?: boolean;
  /** Figures for the informational `x-ratelimit-*` headers (nothing is enforced; see KeyBehaviour). */
  rateLimits?: { requestsPerDay?: number; tokensPerMinute?: number };
}

/** What the "model" answers; queue replies with `emu.enqueue(...)`. */
export interface ScriptedReply {
  /** Streamed as `delta.reasoning` pieces; a string is split into word-sized pieces. */
  reasoning?: string | string[];
  /** Streamed as `delta.content` pieces; a string is split into word-sized pieces. */
  content?: string | string[];
  /** Each call streams in ONE chunk unless `split` (then the arguments arrive in N pieces). */
  toolCalls?: Array<{ id?: string; name: string; arguments: string; split?: number }>;
  /** Default: "tool_calls" when there are tool calls, otherwise "stop". */
  finishReason?: "stop" | "length" | "tool_calls" | "content_filter";
  /** Default: computed, on the finish chunk. A partial object overrides computed fields. */
  usage?: Partial<CerebrasUsage> | "separate-chunk" | "none";
  /** Only used for requests it matches (replies without `match` match everything). */
  match?: (body: CerebrasRequest) => boolean;
  fault?: Fault;
  /** Delay before each chunk (non-streaming: before the body, once per chunk it would have had). */
  delayMs?: number;
}

export type Fault =
  | { kind: "http"; status: number; body: object | string; headers?: Record<string, string> }
  | { kind: "midstream-error-chunk"; afterChunks: number; status_code: number; error: object }
  | { kind: "midstream-error-event"; afterChunks: number; status_code: number; error: object }
  /** Close the body cleanly without the finish chunk and `[DONE]`. */
  | { kind: "truncate"; afterChunks: number }
  /** Insert one `data:` line that is not valid JSON; the stream then continues normally. */
  | { kind: "malformed-json"; afterChunks: number }
  /** Destroy the socket (the chunked body is never terminated). */
  | { kind: "reset"; afterChunks: number }
  /** The last line (`data: [DONE]`) is sent without its "\n\n". */
  | { kind: "no-trailing-newline" };

/** Per-key behaviour for key-pool tests. */
export interface KeyBehaviour {
  /** The next N chat-completion requests with this key fail (Infinity: all of them). */
  rateLimitFor?: number;
  /** Status of those failures; default 429. */
  status?: number;
  /** Cerebras error code; default "token_quota_exceeded". Picks the message of the fixture bodies. */
  code?: string;
  /** Value of `x-ratelimit-reset-tokens-minute` / `-requests-minute` on the failure (float seconds). */
  resetSeconds?: number;
  /** Replaces the flat error body. */
  body?: object | string;
  /** The key is rejected with 401 on every request (a revoked key). */
  revoked?: boolean;
}

export interface RecordedRequest {
  key: string | undefined;
  headers: Record<string, string>;
  /** The parsed JSON body (the raw text when it did not parse). */
  body: unknown;
  status: number;
}

export interface LoggedRequest extends RecordedRequest {
  method: string;
  path: string;
}

export interface Emulator {
  /** "http://127.0.0.1:<port>/v1" */
  url: string;
  port: number;
  /** Every `POST /v1/chat/completions`, in arrival order, with the status it got. */
  requests: RecordedRequest[];
  /** Every request on any path (models endpoints, 404s, …). */
  log: LoggedRequest[];
  enqueue(...replies: ScriptedReply[]): void;
  /** Replies still waiting in the queue. */
  pendingReplies(): number;
  setKeyBehaviour(key: string, b: KeyBehaviour): void;
  close(): Promise<void>;
}

// Cerebras errors (HTTP bodies, in-stream error chunks, transport failures) → Anthropic errors.
// The table is docs/mapping.md#4-errors. Two rows carry behaviour that
// Claude Code depends on: the context-length 400 must read exactly `prompt is too long: X tokens > Y
// maximum` (Claude Code compacts on that text), and capacity shedding is a 529 `overloaded_error`.

import { getModelInfo, liveModelIdsFromTable, type ModelOverride } from "./models";
import type { AnthropicErrorBody, AnthropicErrorType } from "./wire/anthropic";
import type { CerebrasErrorPayload } from "./wire/cerebras";

/** What an {@link AnthropicHttpError} is made of. */
export interface AnthropicHttpErrorInit {
  status: number;
  type: AnthropicErrorType;
  message: string;
  /** Headers the answer carries (`retry-after` on a 429/529). */
  headers?: Record<string, string>;
  /**
   * The call to Cerebras ended in this error (after the pool's retries), as opposed to one the plugin
   * raised before calling. ccr 2.0.0 tries its `fallback` models for those (see src/ccr/exchange.ts).
   */
  fromUpstream?: boolean;
}

/**
 * The one error of the project: an Anthropic API error with its HTTP status, type, message and headers,
 * whatever raised it (a bad request, Cerebras' answer, a transport failure, an `error` stream event).
 * Made from a Cerebras answer only by {@link cerebrasHttpErrorToAnthropic} (the way vercel/ai's
 * `createJsonErrorResponseHandler` makes its `APICallError`).
 * @see https://github.com/vercel/ai/blob/main/packages/provider/src/errors/api-call-error.ts
 * @see https://docs.anthropic.com/en/api/errors
 */
export class AnthropicHttpError extends Error {
  readonly status: number;
  readonly errorType: AnthropicErrorType;
  readonly headers: Record<string, string>;
  readonly fromUpstream: boolean;

  constructor(init: AnthropicHttpErrorInit) {
    super(init.message);
    this.name = "AnthropicHttpError";
    this.status = init.status;
    this.errorType = init.type;
    this.headers = init.headers ?? {};
    this.fromUpstream = init.fromUpstream ?? false;
  }

  /** The error an Anthropic `error` event (or error response body) stands for. */
  static fromBody(body: AnthropicErrorBody): AnthropicHttpError {
    const type = body.error.type;
    return new AnthropicHttpError({
      status: httpStatusForAnthropicErrorType(type),
      type,
      message: body.error.message,
    });
  }

  /** The same error with some fields changed. */
  with(changes: Partial<AnthropicHttpErrorInit>): AnthropicHttpError {
    return new AnthropicHttpError({ ...this.init, ...changes });
  }

  /** The JSON body (and `error` stream event) the Anthropic API sends for it. */
  get body(): AnthropicErrorBody {
    return anthropicErrorBody(this.errorType, this.message);
  }

  private get init(): AnthropicHttpErrorInit {
    return {
      status: this.status,
      type: this.errorType,
      message: this.message,
      headers: this.headers,
      fromUpstream: this.fromUpstream,
    };
  }
}

export function anthropicErrorBody(type: AnthropicErrorType, message: string): AnthropicErrorBody {
  return { type: "error", error: { type, message } };
}

const STATUS_OF_TYPE: Record<AnthropicErrorType, number> = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
};

/** The HTTP status an Anthropic error type travels with. */
function httpStatusForAnthropicErrorType(type: AnthropicErrorType): number {
  return STATUS_OF_TYPE[type] ?? 500;
}

export function invalidRequest(message: string): AnthropicHttpError {
  return new AnthropicHttpError({ status: 400, type: "invalid_request_error", message });
}

/**
 * The status an error travels with to Claude Code (through ccr). Measured with the real CLI (2.1.330 and
 * 2.1.332, @see docs/install.md "What Claude Code does with an error status"): a 401 is retried 10 times (about three
 * minutes) before its message shows, and a 404 is replaced by Claude Code's own "There's an issue with the
 * selected model" text. A 403 is shown at once as `Failed to authenticate. API Error: 403 <message>` and a
 * 410 as `API Error: 410 <message>`, both after one attempt. So a refused or missing key goes out as 403
 * and a model Cerebras does not serve as 410 (Gone); the error type and message stay as mapped.
 * Every other status (400 and its compaction text, 429, 529, 5xx) is passed through unchanged.
 */
export function claudeCodeVisibleStatus(status: number): number {
  if (status === 401) return 403;
  if (status === 404) return 410;
  return status;
}

/** The exact text Claude Code recognises to compact the conversation. */
export function promptTooLongMessage(tokens: number, maximum: number): string {
  return `prompt is too long: ${tokens} tokens > ${maximum} maximum`;
}

export function promptTooLong(tokens: number, maximum: number): AnthropicHttpError {
  return invalidRequest(promptTooLongMessage(tokens, maximum));
}

const CONTEXT_LENGTH_RE = /Current length is (\d+) while limit is (\d+)/;

/** Reads a flat Cerebras error body, a wrapped `{error:{…}}` one, or plain text. */
export function parseCerebrasErrorPayload(body: unknown): CerebrasErrorPayload {
  let value = body;
  if (typeof value === "string" || value instanceof Uint8Array) {
    const text = typeof value === "string" ? value : new TextDecoder().decode(value);
    try {
      value = JSON.parse(text);
    } catch {
      return { message: text.trim() || undefined };
    }
  }
  if (!value || typeof value !== "object") return {};
  const obj = value as Record<string, unknown>;
  const inner = obj.error && typeof obj.error === "object" ? (obj.error as Record<string, unknown>) : obj;
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  const message = str(inner.message) ?? (typeof obj.error === "string" ? obj.error : undefined);
  return { message, type: str(inner.type), param: str(inner.param) ?? null, code: str(inner.code) ?? null };
}

type HeaderSource = Headers | Record<string, string | string[] | undefined> | undefined;

function header(headers: HeaderSource, name: string): string | undefined {
  if (!headers) return undefined;
  if (typeof (headers as Headers).get === "function") return (headers as Headers).get(name) ?? undefined;
  const rec = headers as Record<string, string | string[] | undefined>;
  const v = rec[name] ?? rec[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

const RESET_HEADERS = [
  "x-ratelimit-reset-tokens-minute",
  "x-ratelimit-reset-requests-minute",
  "x-ratelimit-reset-requests-second",
  "x-ratelimit-reset-tokens-hour",
  "x-ratelimit-reset-requests-hour",
  "x-ratelimit-reset-tokens-day",
  "x-ratelimit-reset-requests-day",
];

/**
 * Seconds to wait before retrying, from Cerebras' float-second `x-ratelimit-reset-*` headers (or a
 * `retry-after`), capped at `cap` (60 s, as Cerebras staff suggest). Undefined when no header says.
 * For token-quota errors the token reset wins; for request-quota errors the request reset wins.
 */
export function retryAfterSeconds(headers: HeaderSource, code?: string | null, cap = 60): number | undefined {
  const order =
    code === "request_quota_exceeded"
      ? [
          ...RESET_HEADERS.filter((h) => h.includes("requests")),
          ...RESET_HEADERS.filter((h) => h.includes("tokens")),
        ]
      : RESET_HEADERS;
  for (const name of ["retry-after", ...order]) {
    const raw = header(headers, name);
    if (raw === undefined) continue;
    const n = Number.parseFloat(raw);
    if (Number.isFinite(n) && n >= 0) return Math.max(1, Math.ceil(Math.min(n, cap)));
  }
  return undefined;
}

export interface ErrorContext {
  /** The Cerebras model id the request went to. */
  cerebrasModel?: string;
  /** Live model ids (from `/v1/models`); the table's non-retired ids when unknown. */
  liveModels?: readonly string[];
  modelOverrides?: Record<string, ModelOverride>;
}

export function modelNotFoundMessage(model: string | undefined, ctx: ErrorContext = {}): string {
  const live = ctx.liveModels?.length ? ctx.liveModels : liveModelIdsFromTable();
  const info = model ? getModelInfo(model, ctx.modelOverrides) : undefined;
  const why = info?.retired ? `retired by Cerebras on ${info.retired}` : "retired or no access";
  return (
    `model '${model ?? "?"}' is not available on Cerebras (${why}). Live models: ${live.join(", ")}. ` +
    `Switch with /model cerebras,<id> or change Router.default in ~/.claude-code-router/config.json.`
  );
}

function mapped(
  status: number,
  type: AnthropicErrorType,
  message: string,
  headers: Record<string, string> = {},
): AnthropicHttpError {
  return new AnthropicHttpError({ status, type, message, headers });
}

/** A Cerebras error answer: its HTTP status, its body (JSON, bytes or text) and its headers. */
interface CerebrasErrorAnswer {
  status: number;
  body: unknown;
  headers?: HeaderSource;
  /** Names the model (and the live ones) in a "model not found" message. */
  context?: ErrorContext;
}

/** A Cerebras HTTP error response (status, body, headers) → the Anthropic error a client should see. */
export function cerebrasHttpErrorToAnthropic({
  status,
  body,
  headers,
  context: ctx = {},
}: CerebrasErrorAnswer): AnthropicHttpError {
  const e = parseCerebrasErrorPayload(body);
  const msg = e.message ?? `Cerebras returned HTTP ${status}`;
  const overflow = CONTEXT_LENGTH_RE.exec(msg);
  if (overflow) {
    return mapped(
      400,
      "invalid_request_error",
      promptTooLongMessage(Number(overflow[1]), Number(overflow[2])),
    );
  }
  if (e.code === "model_not_found" || (status === 404 && /model/i.test(msg))) {
    return mapped(404, "not_found_error", modelNotFoundMessage(ctx.cerebrasModel, ctx));
  }
  if (e.code === "queue_exceeded" || status === 503) {
    return mapped(
      529,
      "overloaded_error",
      `Cerebras is at capacity (${e.code ?? status}); retry shortly: ${msg}`,
      {
        // Capacity shedding clears in seconds; the x-ratelimit-reset-* windows are about quota, not this.
        "retry-after": header(headers, "retry-after") ?? "2",
      },
    );
  }
  switch (status) {
    case 400:
    case 422:
      return mapped(
        400,
        "invalid_request_error",
        e.code === "wrong_api_format" ? `Cerebras rejected the request (${e.param ?? "body"}): ${msg}` : msg,
      );
    case 401:
      return mapped(
        401,
        "authentication_error",
        `Cerebras rejected the API key (${msg}). Fix: export a valid CEREBRAS_API_KEY (or CEREBRAS_API_KEYS) in the shell ccr starts from, then run 'ccr restart'.`,
      );
    case 402:
      return mapped(402, "billing_error", msg);
    case 403:
      return mapped(403, "permission_error", msg);
    case 404:
      return mapped(404, "not_found_error", msg);
    case 408:
    case 504:
      return mapped(504, "timeout_error", msg);
    case 413:
      return mapped(413, "request_too_large", msg);
    case 429:
      return mapped(429, "rate_limit_error", msg, {
        "retry-after": String(retryAfterSeconds(headers, e.code) ?? 60),
      });
    case 500:
      return mapped(500, "api_error", msg);
    default:
      return mapped(status >= 500 ? 502 : status >= 400 ? status : 500, "api_error", msg);
  }
}

/** The Anthropic error type an in-stream Cerebras error maps to (the same table, by `status_code`). */
export function cerebrasStreamErrorToAnthropic(
  payload: { error?: unknown; status_code?: unknown } | CerebrasErrorPayload,
  ctx: ErrorContext = {},
): AnthropicErrorBody {
  const p = payload as { error?: unknown; status_code?: unknown };
  const status = typeof p.status_code === "number" ? p.status_code : 500;
  return cerebrasHttpErrorToAnthropic({ status, body: p.error !== undefined ? p : payload, context: ctx })
    .body;
}

/** A transport failure (connection refused, reset, timeout) before or during the upstream call. */
export function transportErrorToAnthropic(err: unknown): AnthropicHttpError {
  const e = err as { name?: string; code?: string; cause?: { code?: string }; message?: string };
  const code = e?.code ?? e?.cause?.code;
  if (e?.name === "TimeoutError" || code === "UND_ERR_HEADERS_TIMEOUT" || code === "ETIMEDOUT") {
    return new AnthropicHttpError({
      status: 504,
      type: "timeout_error",
      message: `Cerebras did not answer in time (${code ?? e?.name})`,
    });
  }
  return new AnthropicHttpError({
    status: 502,
    type: "api_error",
    message: `Could not reach Cerebras: ${code ?? ""} ${e?.message ?? String(err)}`.trim(),
  });
}

/** Any thrown value as an Anthropic error: an unexpected one is a 500 naming the plugin. */
export function asAnthropicHttpError(err: unknown): AnthropicHttpError {
  if (err instanceof AnthropicHttpError) return err;
  return new AnthropicHttpError({
    status: 500,
    type: "api_error",
    message: `ccr-cerebras: ${(err as Error)?.message ?? String(err)}`,
  });
}

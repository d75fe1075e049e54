/* ccr-cerebras: Claude Code Router transformer for Cerebras. Built from src/ by scripts/build.ts; do not edit. */
"use strict";

// src/relay/server.ts
var import_node_crypto3 = require("node:crypto");
var import_node_http = require("node:http");

// src/models.ts
var GLM_REASONING = { levels: [], off: "none", replay: "think", clearThinking: true };
var GPT_OSS_REASONING = {
  levels: ["low", "medium", "high"],
  off: "low",
  // gpt-oss cannot switch reasoning off and rejects "none"
  replay: "drop",
  // its replay format is undocumented
  clearThinking: false
};
var QWEN_REASONING = {
  levels: ["low", "medium", "high"],
  off: "none",
  replay: "think",
  clearThinking: false
};
var TABLE = [
  {
    id: "gpt-oss-120b",
    contextWindow: 131072,
    maxOutput: 4e4,
    reasoning: GPT_OSS_REASONING,
    vision: false
  },
  { id: "qwen-3.8-27b", contextWindow: 65536, maxOutput: 32768, reasoning: QWEN_REASONING, vision: true },
  { id: "gemma-4-31b", contextWindow: 65536, maxOutput: 16384, reasoning: null, vision: true },
  {
    id: "zai-glm-4.7",
    contextWindow: 131072,
    maxOutput: 4e4,
    reasoning: GLM_REASONING,
    vision: false,
    retired: "2026-08-17"
  },
  {
    id: "zai-glm-4.6",
    contextWindow: 131072,
    maxOutput: 4e4,
    reasoning: GLM_REASONING,
    vision: false,
    retired: "2026-01-20"
  },
  {
    id: "qwen-3-235b-a22b-instruct-2507",
    contextWindow: 131072,
    maxOutput: 32768,
    reasoning: null,
    vision: false,
    retired: "2026-05-27"
  },
  {
    id: "qwen-3-235b-a22b-thinking-2507",
    contextWindow: 131072,
    maxOutput: 32768,
    reasoning: { levels: [], replay: "think", clearThinking: false },
    vision: false,
    retired: "2025-11-23"
  },
  {
    id: "llama3.1-8b",
    contextWindow: 8192,
    maxOutput: 8192,
    reasoning: null,
    vision: false,
    retired: "2026-05-27"
  },
  {
    id: "llama-3.3-70b",
    contextWindow: 131072,
    maxOutput: 8192,
    reasoning: null,
    vision: false,
    retired: "2026-02-16"
  },
  {
    id: "qwen-3-32b",
    contextWindow: 131072,
    maxOutput: 8192,
    reasoning: null,
    vision: false,
    retired: "2026-02-16"
  },
  {
    id: "qwen-3-coder-480b",
    contextWindow: 131072,
    maxOutput: 32768,
    reasoning: null,
    vision: false,
    retired: "2025-11-04"
  }
];
var BY_ID = new Map(TABLE.map((m) => [m.id, m]));
var UNKNOWN_MODEL_DEFAULTS = {
  contextWindow: 65536,
  maxOutput: 8192,
  reasoning: null,
  vision: false,
  unknown: true
};
var DEFAULT_MODEL_ID = "zai-glm-4.7";
function liveModelIdsFromTable(today = /* @__PURE__ */ new Date()) {
  const day = today.toISOString().slice(0, 10);
  return TABLE.filter((m) => !m.retired || m.retired > day).map((m) => m.id);
}
function isKnownModelId(id, overrides) {
  return BY_ID.has(id) || Boolean(overrides && Object.hasOwn(overrides, id));
}
function getModelInfo(id, overrides) {
  const base = BY_ID.get(id) ?? { id, ...UNKNOWN_MODEL_DEFAULTS };
  const o = overrides && Object.hasOwn(overrides, id) ? overrides[id] : void 0;
  if (!o) return base;
  const reasoning = o.reasoning === null ? null : o.reasoning ? {
    ...base.reasoning ?? { levels: [], replay: "drop", clearThinking: false },
    ...o.reasoning
  } : base.reasoning;
  const merged = { ...base, ...o, id, reasoning };
  if (o.contextWindow !== void 0 || o.maxOutput !== void 0) delete merged.unknown;
  return merged;
}
function resolveCerebrasModelId(requested, opts) {
  const name = requested.includes(",") ? requested.slice(requested.lastIndexOf(",") + 1) : requested;
  if (isKnownModelId(name, opts.overrides) || opts.extraKnown?.includes(name)) return name;
  if (opts.defaultModel) return opts.defaultModel;
  return name.startsWith("claude") ? DEFAULT_MODEL_ID : name;
}

// src/errors.ts
var AnthropicHttpError = class extends Error {
  status;
  errorType;
  headers;
  constructor(status, errorType, message, headers = {}) {
    super(message);
    this.name = "AnthropicHttpError";
    this.status = status;
    this.errorType = errorType;
    this.headers = headers;
  }
  toBody() {
    return anthropicErrorBody(this.errorType, this.message);
  }
};
function anthropicErrorBody(type, message) {
  return { type: "error", error: { type, message } };
}
var STATUS_OF_TYPE = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529
};
function httpStatusForAnthropicErrorType(type) {
  return STATUS_OF_TYPE[type] ?? 500;
}
function invalidRequest(message) {
  return new AnthropicHttpError(400, "invalid_request_error", message);
}
function promptTooLongMessage(tokens, maximum) {
  return `prompt is too long: ${tokens} tokens > ${maximum} maximum`;
}
function promptTooLong(tokens, maximum) {
  return invalidRequest(promptTooLongMessage(tokens, maximum));
}
var CONTEXT_LENGTH_RE = /Current length is (\d+) while limit is (\d+)/;
function parseCerebrasErrorPayload(body) {
  let value = body;
  if (typeof value === "string" || value instanceof Uint8Array) {
    const text = typeof value === "string" ? value : new TextDecoder().decode(value);
    try {
      value = JSON.parse(text);
    } catch {
      return { message: text.trim() || void 0 };
    }
  }
  if (!value || typeof value !== "object") return {};
  const obj = value;
  const inner = obj.error && typeof obj.error === "object" ? obj.error : obj;
  const str = (v) => typeof v === "string" ? v : void 0;
  const message = str(inner.message) ?? (typeof obj.error === "string" ? obj.error : void 0);
  return { message, type: str(inner.type), param: str(inner.param) ?? null, code: str(inner.code) ?? null };
}
function header(headers, name) {
  if (!headers) return void 0;
  if (typeof headers.get === "function") return headers.get(name) ?? void 0;
  const rec = headers;
  const v = rec[name] ?? rec[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}
var RESET_HEADERS = [
  "x-ratelimit-reset-tokens-minute",
  "x-ratelimit-reset-requests-minute",
  "x-ratelimit-reset-requests-second",
  "x-ratelimit-reset-tokens-hour",
  "x-ratelimit-reset-requests-hour",
  "x-ratelimit-reset-tokens-day",
  "x-ratelimit-reset-requests-day"
];
function retryAfterSeconds(headers, code, cap = 60) {
  const order = code === "request_quota_exceeded" ? [
    ...RESET_HEADERS.filter((h) => h.includes("requests")),
    ...RESET_HEADERS.filter((h) => h.includes("tokens"))
  ] : RESET_HEADERS;
  for (const name of ["retry-after", ...order]) {
    const raw = header(headers, name);
    if (raw === void 0) continue;
    const n = Number.parseFloat(raw);
    if (Number.isFinite(n) && n >= 0) return Math.max(1, Math.ceil(Math.min(n, cap)));
  }
  return void 0;
}
function modelNotFoundMessage(model, ctx = {}) {
  const live = ctx.liveModels?.length ? ctx.liveModels : liveModelIdsFromTable();
  const info = model ? getModelInfo(model, ctx.modelOverrides) : void 0;
  const why = info?.retired ? `retired by Cerebras on ${info.retired}` : "retired or no access";
  return `model '${model ?? "?"}' is not available on Cerebras (${why}). Live models: ${live.join(", ")}. Switch with /model cerebras,<id> or change Router.default in ~/.claude-code-router/config.json.`;
}
function mapped(status, type, message, headers = {}) {
  return { status, body: anthropicErrorBody(type, message), headers };
}
function cerebrasHttpErrorToAnthropic(status, body, headers, ctx = {}) {
  const e = parseCerebrasErrorPayload(body);
  const msg = e.message ?? `Cerebras returned HTTP ${status}`;
  const overflow = CONTEXT_LENGTH_RE.exec(msg);
  if (overflow) {
    return mapped(
      400,
      "invalid_request_error",
      promptTooLongMessage(Number(overflow[1]), Number(overflow[2]))
    );
  }
  if (e.code === "model_not_found" || status === 404 && /model/i.test(msg)) {
    return mapped(404, "not_found_error", modelNotFoundMessage(ctx.model, ctx));
  }
  if (e.code === "queue_exceeded" || status === 503) {
    return mapped(
      529,
      "overloaded_error",
      `Cerebras is at capacity (${e.code ?? status}); retry shortly: ${msg}`,
      {
        // Capacity shedding clears in seconds; the x-ratelimit-reset-* windows are about quota, not this.
        "retry-after": header(headers, "retry-after") ?? "2"
      }
    );
  }
  switch (status) {
    case 400:
    case 422:
      return mapped(
        400,
        "invalid_request_error",
        e.code === "wrong_api_format" ? `Cerebras rejected the request (${e.param ?? "body"}): ${msg}` : msg
      );
    case 401:
      return mapped(
        401,
        "authentication_error",
        `Cerebras rejected the API key (check CEREBRAS_API_KEY / the provider api_key): ${msg}`
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
        "retry-after": String(retryAfterSeconds(headers, e.code) ?? 60)
      });
    case 500:
      return mapped(500, "api_error", msg);
    default:
      return mapped(status >= 500 ? 502 : status >= 400 ? status : 500, "api_error", msg);
  }
}
function cerebrasStreamErrorToAnthropic(payload, ctx = {}) {
  const p = payload;
  const status = typeof p.status_code === "number" ? p.status_code : 500;
  return cerebrasHttpErrorToAnthropic(status, p.error !== void 0 ? p : payload, void 0, ctx).body;
}
function transportErrorToAnthropic(err) {
  const e = err;
  const code = e?.code ?? e?.cause?.code;
  if (e?.name === "TimeoutError" || code === "UND_ERR_HEADERS_TIMEOUT" || code === "ETIMEDOUT") {
    return mapped(504, "timeout_error", `Cerebras did not answer in time (${code ?? e?.name})`);
  }
  return mapped(
    502,
    "api_error",
    `Could not reach Cerebras: ${code ?? ""} ${e?.message ?? String(err)}`.trim()
  );
}

// src/relay/forward.ts
var import_promises3 = require("node:timers/promises");

// node_modules/eventsource-parser/dist/index.js
var ParseError = class extends Error {
  constructor(message, options) {
    super(message), this.name = "ParseError", this.type = options.type, this.field = options.field, this.value = options.value, this.line = options.line;
  }
};
var LF = 10;
var CR = 13;
var SPACE = 32;
function noop(_arg) {
}
function createParser(config) {
  if (typeof config == "function")
    throw new TypeError(
      "`config` must be an object, got a function instead. Did you mean `createParser({onEvent: fn})`?"
    );
  const { onEvent = noop, onError = noop, onRetry = noop, onComment, maxBufferSize } = config, pendingFragments = [];
  let pendingFragmentsLength = 0, isFirstChunk = true, id, data = "", dataLines = 0, eventType, terminated = false;
  function feed(chunk) {
    if (terminated)
      throw new Error(
        "Cannot feed parser: it was terminated after exceeding the configured max buffer size. Call `reset()` to resume parsing."
      );
    if (isFirstChunk && (isFirstChunk = false, chunk.charCodeAt(0) === 239 && chunk.charCodeAt(1) === 187 && chunk.charCodeAt(2) === 191 && (chunk = chunk.slice(3))), pendingFragments.length === 0) {
      const trailing2 = processLines(chunk);
      trailing2 !== "" && (pendingFragments.push(trailing2), pendingFragmentsLength = trailing2.length), checkBufferSize();
      return;
    }
    if (chunk.indexOf(`
`) === -1 && chunk.indexOf("\r") === -1) {
      pendingFragments.push(chunk), pendingFragmentsLength += chunk.length, checkBufferSize();
      return;
    }
    pendingFragments.push(chunk);
    const input = pendingFragments.join("");
    pendingFragments.length = 0, pendingFragmentsLength = 0;
    const trailing = processLines(input);
    trailing !== "" && (pendingFragments.push(trailing), pendingFragmentsLength = trailing.length), checkBufferSize();
  }
  function checkBufferSize() {
    maxBufferSize !== void 0 && (pendingFragmentsLength + data.length <= maxBufferSize || (terminated = true, pendingFragments.length = 0, pendingFragmentsLength = 0, id = void 0, data = "", dataLines = 0, eventType = void 0, onError(
      new ParseError(`Buffered data exceeded max buffer size of ${maxBufferSize} characters`, {
        type: "max-buffer-size-exceeded"
      })
    )));
  }
  function processLines(chunk) {
    let searchIndex = 0;
    if (chunk.indexOf("\r") === -1) {
      let lfIndex = chunk.indexOf(`
`, searchIndex);
      for (; lfIndex !== -1; ) {
        if (searchIndex === lfIndex) {
          dataLines > 0 && onEvent({ id, event: eventType, data }), id = void 0, data = "", dataLines = 0, eventType = void 0, searchIndex = lfIndex + 1, lfIndex = chunk.indexOf(`
`, searchIndex);
          continue;
        }
        const firstCharCode = chunk.charCodeAt(searchIndex);
        if (isDataPrefix(chunk, searchIndex, firstCharCode)) {
          const valueStart = chunk.charCodeAt(searchIndex + 5) === SPACE ? searchIndex + 6 : searchIndex + 5, value = chunk.slice(valueStart, lfIndex);
          if (dataLines === 0 && chunk.charCodeAt(lfIndex + 1) === LF) {
            onEvent({ id, event: eventType, data: value }), id = void 0, data = "", eventType = void 0, searchIndex = lfIndex + 2, lfIndex = chunk.indexOf(`
`, searchIndex);
            continue;
          }
          data = dataLines === 0 ? value : `${data}
${value}`, dataLines++;
        } else isEventPrefix(chunk, searchIndex, firstCharCode) ? eventType = chunk.slice(
          chunk.charCodeAt(searchIndex + 6) === SPACE ? searchIndex + 7 : searchIndex + 6,
          lfIndex
        ) || void 0 : parseLine(chunk, searchIndex, lfIndex);
        searchIndex = lfIndex + 1, lfIndex = chunk.indexOf(`
`, searchIndex);
      }
      return chunk.slice(searchIndex);
    }
    for (; searchIndex < chunk.length; ) {
      const crIndex = chunk.indexOf("\r", searchIndex), lfIndex = chunk.indexOf(`
`, searchIndex);
      let lineEnd = -1;
      if (crIndex !== -1 && lfIndex !== -1 ? lineEnd = crIndex < lfIndex ? crIndex : lfIndex : crIndex !== -1 ? crIndex === chunk.length - 1 ? lineEnd = -1 : lineEnd = crIndex : lfIndex !== -1 && (lineEnd = lfIndex), lineEnd === -1)
        break;
      parseLine(chunk, searchIndex, lineEnd), searchIndex = lineEnd + 1, chunk.charCodeAt(searchIndex - 1) === CR && chunk.charCodeAt(searchIndex) === LF && searchIndex++;
    }
    return chunk.slice(searchIndex);
  }
  function parseLine(chunk, start, end) {
    if (start === end) {
      dispatchEvent();
      return;
    }
    const firstCharCode = chunk.charCodeAt(start);
    if (isDataPrefix(chunk, start, firstCharCode)) {
      const valueStart = chunk.charCodeAt(start + 5) === SPACE ? start + 6 : start + 5, value2 = chunk.slice(valueStart, end);
      data = dataLines === 0 ? value2 : `${data}
${value2}`, dataLines++;
      return;
    }
    if (isEventPrefix(chunk, start, firstCharCode)) {
      eventType = chunk.slice(chunk.charCodeAt(start + 6) === SPACE ? start + 7 : start + 6, end) || void 0;
      return;
    }
    if (firstCharCode === 105 && chunk.charCodeAt(start + 1) === 100 && chunk.charCodeAt(start + 2) === 58) {
      const value2 = chunk.slice(chunk.charCodeAt(start + 3) === SPACE ? start + 4 : start + 3, end);
      value2.includes("\0") || (id = value2);
      return;
    }
    if (firstCharCode === 58) {
      if (onComment) {
        const line2 = chunk.slice(start, end);
        onComment(line2.slice(chunk.charCodeAt(start + 1) === SPACE ? 2 : 1));
      }
      return;
    }
    const line = chunk.slice(start, end), fieldSeparatorIndex = line.indexOf(":");
    if (fieldSeparatorIndex === -1) {
      processField(line, "", line);
      return;
    }
    const field = line.slice(0, fieldSeparatorIndex), offset = line.charCodeAt(fieldSeparatorIndex + 1) === SPACE ? 2 : 1, value = line.slice(fieldSeparatorIndex + offset);
    processField(field, value, line);
  }
  function processField(field, value, line) {
    switch (field) {
      case "event":
        eventType = value || void 0;
        break;
      case "data":
        data = dataLines === 0 ? value : `${data}
${value}`, dataLines++;
        break;
      case "id":
        value.includes("\0") || (id = value);
        break;
      case "retry":
        /^\d+$/.test(value) ? onRetry(parseInt(value, 10)) : onError(
          new ParseError(`Invalid \`retry\` value: "${value}"`, {
            type: "invalid-retry",
            value,
            line
          })
        );
        break;
      default:
        onError(
          new ParseError(
            `Unknown field "${field.length > 20 ? `${field.slice(0, 20)}\u2026` : field}"`,
            { type: "unknown-field", field, value, line }
          )
        );
        break;
    }
  }
  function dispatchEvent() {
    dataLines > 0 && onEvent({
      id,
      event: eventType,
      data
    }), id = void 0, data = "", dataLines = 0, eventType = void 0;
  }
  function reset(options = {}) {
    if (options.consume && pendingFragments.length > 0) {
      const incompleteLine = pendingFragments.join("");
      parseLine(incompleteLine, 0, incompleteLine.length);
    }
    isFirstChunk = true, id = void 0, data = "", dataLines = 0, eventType = void 0, pendingFragments.length = 0, pendingFragmentsLength = 0, terminated = false;
  }
  return { feed, reset };
}
function isDataPrefix(chunk, i, firstCharCode) {
  return firstCharCode === 100 && chunk.charCodeAt(i + 1) === 97 && chunk.charCodeAt(i + 2) === 116 && chunk.charCodeAt(i + 3) === 97 && chunk.charCodeAt(i + 4) === 58;
}
function isEventPrefix(chunk, i, firstCharCode) {
  return firstCharCode === 101 && chunk.charCodeAt(i + 1) === 118 && chunk.charCodeAt(i + 2) === 101 && chunk.charCodeAt(i + 3) === 110 && chunk.charCodeAt(i + 4) === 116 && chunk.charCodeAt(i + 5) === 58;
}

// src/relay/sse-peek.ts
var PEEK_LIMIT_BYTES = 64 * 1024;
function parseJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return void 0;
  }
}
function nonEmpty(v) {
  return Array.isArray(v) ? v.length > 0 : typeof v === "string" ? v.length > 0 : v != null;
}
function isRoleOnlyChunk(chunk) {
  if (!chunk || typeof chunk !== "object") return false;
  const c = chunk;
  if (!Array.isArray(c.choices) || c.choices.length === 0 || nonEmpty(c.usage)) return false;
  return c.choices.every((choice) => {
    const d = choice?.delta ?? {};
    return !nonEmpty(choice?.finish_reason) && !nonEmpty(d.content) && !nonEmpty(d.reasoning) && !nonEmpty(d.tool_calls);
  });
}
function errorVerdict(data) {
  const payload = parseJson(data) ?? { error: { message: data } };
  const code = payload.status_code;
  return { status: typeof code === "number" ? code : 500, payload };
}
function judgeSseEvent(e) {
  if (e.event === "error") return errorVerdict(e.data);
  if (e.data.trim() === "[DONE]") return "commit";
  const json2 = parseJson(e.data);
  if (json2 && typeof json2 === "object" && "error" in json2) return errorVerdict(e.data);
  return isRoleOnlyChunk(json2) ? "continue" : "commit";
}
async function peekCerebrasStream(reader, limitBytes = PEEK_LIMIT_BYTES) {
  const prefix = [];
  const decoder = new TextDecoder();
  let verdict = "continue";
  const parser = createParser({
    onEvent: (e) => {
      if (verdict === "continue") verdict = judgeSseEvent(e);
    }
  });
  let bytes = 0;
  while (bytes < limitBytes) {
    const r = await reader.read();
    if (r.done) return { kind: "commit", prefix, ended: true };
    prefix.push(r.value);
    bytes += r.value.byteLength;
    parser.feed(decoder.decode(r.value, { stream: true }));
    const v = verdict;
    if (v === "commit") return { kind: "commit", prefix, ended: false };
    if (v !== "continue") return { kind: "error", prefix, status: v.status, payload: v.payload };
  }
  return { kind: "commit", prefix, ended: false };
}

// src/relay/attempt.ts
function isEventStream(headers) {
  return (headers.get("content-type") ?? "").toLowerCase().includes("text/event-stream");
}
async function readAnswer(res) {
  if (!res.ok) {
    return {
      kind: "http-error",
      status: res.status,
      headers: res.headers,
      body: await res.text(),
      inStream: false
    };
  }
  if (!isEventStream(res.headers) || !res.body) {
    return {
      kind: "json",
      status: res.status,
      headers: res.headers,
      body: new Uint8Array(await res.arrayBuffer())
    };
  }
  const reader = res.body.getReader();
  try {
    const peek = await peekCerebrasStream(reader);
    if (peek.kind === "commit") {
      return {
        kind: "stream",
        status: res.status,
        headers: res.headers,
        prefix: peek.prefix,
        reader,
        ended: peek.ended
      };
    }
    reader.cancel().catch(() => {
    });
    return {
      kind: "http-error",
      status: peek.status,
      headers: res.headers,
      body: peek.payload,
      inStream: true
    };
  } catch (err) {
    reader.cancel().catch(() => {
    });
    throw err;
  }
}
async function attemptUpstream(input) {
  try {
    const res = await input.fetchImpl(input.upstream, {
      method: "POST",
      headers: {
        authorization: `Bearer ${input.key}`,
        "content-type": "application/json",
        // Attribution header Cerebras documents for integrations (cerebras-api.md §1).
        "x-cerebras-3rd-party-integration": "ccr-cerebras"
      },
      body: input.body,
      signal: input.signal
    });
    return await readAnswer(res);
  } catch (error) {
    return { kind: "transport", error };
  }
}

// src/relay/classify.ts
function classifyCerebrasFailure(status, body) {
  if (status === 429)
    return parseCerebrasErrorPayload(body).code === "queue_exceeded" ? "transient" : "quota";
  if (status >= 500) return "transient";
  if (status === 401 || status === 403) return "rejected";
  return "fatal";
}
function backoffDelayMs(retry, baseMs, maxMs, random = Math.random) {
  const full = Math.min(maxMs, baseMs * 2 ** Math.max(0, retry - 1));
  return Math.round(full * (1 - 0.25 * random()));
}

// src/relay/concat-stream.ts
function concatStream(prefix, rest, capture, onEnd) {
  let i = 0;
  let ended = false;
  const end = (how) => {
    if (ended) return;
    ended = true;
    onEnd(how);
  };
  return new ReadableStream({
    async pull(controller) {
      if (i < prefix.length) {
        const chunk = prefix[i++];
        capture.push(chunk);
        controller.enqueue(chunk);
        return;
      }
      if (!rest) {
        end("done");
        controller.close();
        return;
      }
      try {
        const r = await rest.read();
        if (r.done) {
          end("done");
          controller.close();
          return;
        }
        capture.push(r.value);
        controller.enqueue(r.value);
      } catch (err) {
        end("upstream-failed");
        controller.error(err);
      }
    },
    cancel(reason) {
      end("cancelled");
      return rest?.cancel(reason);
    }
  });
}

// src/relay/rate-headers.ts
var MAX_COOLDOWN_MS = 6e4;
var WINDOWS = ["second", "minute", "hour", "day"];
function seconds(headers, name) {
  const raw = headers.get(name);
  if (raw === null || raw.trim() === "") return void 0;
  const n = Number(raw);
  return Number.isFinite(n) && n >= 0 ? n : void 0;
}
var RESET_TOKENS = ["minute", "second", "hour", "day"].map((w) => `x-ratelimit-reset-tokens-${w}`);
var RESET_REQUESTS = ["minute", "second", "hour", "day"].map((w) => `x-ratelimit-reset-requests-${w}`);
function resetOrder(code) {
  return code === "request_quota_exceeded" ? [...RESET_REQUESTS, ...RESET_TOKENS] : [...RESET_TOKENS, ...RESET_REQUESTS];
}
function cooldownMsFromHeaders(headers, code) {
  if (!headers) return void 0;
  const ms = seconds(headers, "retry-after-ms");
  if (ms !== void 0) return Math.min(ms, MAX_COOLDOWN_MS);
  for (const name of ["retry-after", ...resetOrder(code)]) {
    const s = seconds(headers, name);
    if (s !== void 0) return Math.min(Math.round(s * 1e3), MAX_COOLDOWN_MS);
  }
  return void 0;
}
function readRateBudgets(headers, now) {
  const out = [];
  for (const resource of ["tokens", "requests"]) {
    for (const window of WINDOWS) {
      const remaining = seconds(headers, `x-ratelimit-remaining-${resource}-${window}`);
      if (remaining === void 0) continue;
      const reset = seconds(headers, `x-ratelimit-reset-${resource}-${window}`);
      out.push({ resource, window, remaining, resetAt: now + (reset ?? 60) * 1e3 });
    }
  }
  return out;
}

// src/relay/request-log.ts
var import_promises2 = require("node:fs/promises");
var import_node_path2 = require("node:path");

// src/relay/log-retention.ts
var import_promises = require("node:fs/promises");
var import_node_path = require("node:path");
var DATE_DIR = /^\d{4}-\d{2}-\d{2}$/;
function localDateStamp(d) {
  const p = (n) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
async function dateDirs(dir) {
  const entries = await (0, import_promises.readdir)(dir, { withFileTypes: true }).catch(() => []);
  return entries.filter((e) => e.isDirectory() && DATE_DIR.test(e.name)).map((e) => e.name).sort();
}
async function pruneRequestLogs(dir, limits, now = /* @__PURE__ */ new Date()) {
  const cutoff = new Date(now.getFullYear(), now.getMonth(), now.getDate() - limits.maxAgeDays);
  const oldest = localDateStamp(cutoff);
  const result = { removedDirs: [], removedFiles: 0 };
  const kept = [];
  for (const name of await dateDirs(dir)) {
    if (name < oldest) {
      await (0, import_promises.rm)((0, import_node_path.join)(dir, name), { recursive: true, force: true });
      result.removedDirs.push(name);
    } else kept.push(name);
  }
  const files = [];
  for (const name of kept) {
    const entries = (await (0, import_promises.readdir)((0, import_node_path.join)(dir, name)).catch(() => [])).filter((f) => f.endsWith(".json")).sort();
    for (const f of entries) {
      const path = (0, import_node_path.join)(dir, name, f);
      const size = await (0, import_promises.stat)(path).then(
        (s) => s.size,
        () => 0
      );
      files.push({ path, size });
    }
  }
  let total = files.reduce((n, f) => n + f.size, 0);
  for (const f of files) {
    if (total <= limits.maxBytes) break;
    await (0, import_promises.rm)(f.path, { force: true });
    total -= f.size;
    result.removedFiles++;
  }
  const today = localDateStamp(now);
  for (const name of kept) {
    if (name !== today) await (0, import_promises.rmdir)((0, import_node_path.join)(dir, name)).catch(() => {
    });
  }
  return result;
}

// src/relay/request-log.ts
var SSE_LOG_CAP_BYTES = 1024 * 1024;
var PRUNE_EVERY_WRITES = 100;
function timeStamp(d) {
  const p = (n, w = 2) => String(n).padStart(w, "0");
  return `${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}-${p(d.getMilliseconds(), 3)}`;
}
function safeRequestId(raw, fallback) {
  const clean = (raw ?? "").replace(/[^A-Za-z0-9_.-]/g, "").slice(0, 64);
  return clean && !/^\.+$/.test(clean) ? clean : fallback;
}
function requestLogPath(dir, startedAt, requestId) {
  return (0, import_node_path2.join)(dir, localDateStamp(startedAt), `${timeStamp(startedAt)}-${requestId}.json`);
}
function loggableBody(raw) {
  const text = new TextDecoder().decode(raw);
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
var RequestLogWriter = class {
  constructor(opts, redactor, warn = (m) => console.warn(m)) {
    this.opts = opts;
    this.redactor = redactor;
    this.warn = warn;
    this.limits = { maxAgeDays: opts.maxAgeDays ?? 7, maxBytes: opts.maxBytes ?? 200 * 1024 * 1024 };
  }
  opts;
  redactor;
  warn;
  chain = Promise.resolve();
  writes = 0;
  limits;
  enqueue(task) {
    this.chain = this.chain.then(task).then(
      () => {
      },
      (err) => this.warn(`ccr-cerebras relay: request log: ${this.redactor.redact(String(err?.message ?? err))}`)
    );
  }
  prune() {
    this.enqueue(() => pruneRequestLogs(this.opts.dir, this.limits));
  }
  write(record) {
    const startedAt = new Date(record.startedAt);
    this.enqueue(async () => {
      const path = requestLogPath(this.opts.dir, startedAt, record.requestId);
      await (0, import_promises2.mkdir)(this.opts.dir, { recursive: true, mode: 448 });
      await (0, import_promises2.mkdir)((0, import_node_path2.join)(this.opts.dir, localDateStamp(startedAt)), { recursive: true, mode: 448 });
      const text = this.redactor.redact(JSON.stringify(record, null, 2));
      await (0, import_promises2.writeFile)(path, `${text}
`, { mode: 384 });
      if (++this.writes % PRUNE_EVERY_WRITES === 0) await pruneRequestLogs(this.opts.dir, this.limits);
    });
  }
  /** Resolves when every queued write and prune has finished. */
  flush() {
    return this.chain;
  }
};
var SseCapture = class {
  constructor(cap = SSE_LOG_CAP_BYTES) {
    this.cap = cap;
  }
  cap;
  parts = [];
  size = 0;
  bytes = 0;
  push(chunk) {
    this.bytes += chunk.byteLength;
    if (this.size >= this.cap) return;
    const part = chunk.subarray(0, this.cap - this.size);
    this.parts.push(part);
    this.size += part.byteLength;
  }
  get truncated() {
    return this.bytes > this.size;
  }
  text() {
    return Buffer.concat(this.parts).toString("utf8");
  }
};

// src/relay/respond.ts
var FORWARDED = /^(content-type|cache-control|x-request-id|x-ratelimit-.*)$/i;
function forwardableHeaders(h, extra = {}) {
  const out = {};
  for (const [k, v] of h.entries()) if (FORWARDED.test(k)) out[k] = v;
  return { ...out, ...extra };
}
function sendBuffered(res, status, headers, body) {
  res.writeHead(status, { ...headers, "content-length": String(body.byteLength) });
  res.end(body);
}
function sendAnthropicError(res, mapped2, redactor) {
  const text = redactor.redact(JSON.stringify(mapped2.body));
  const headers = {
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(text))
  };
  const retryAfter = mapped2.headers["retry-after"];
  if ((mapped2.status === 429 || mapped2.status === 529) && retryAfter) headers["retry-after"] = retryAfter;
  if (!res.headersSent) {
    res.writeHead(mapped2.status, headers);
    res.end(text);
  }
  return text;
}
function writeChunk(res, chunk) {
  if (res.destroyed) return Promise.resolve(false);
  if (res.write(chunk)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ok) => {
      res.off("drain", onDrain);
      res.off("close", onClose);
      resolve(ok);
    };
    const onDrain = () => done(true);
    const onClose = () => done(false);
    res.once("drain", onDrain);
    res.once("close", onClose);
  });
}
async function pipeStream(res, headers, body) {
  res.writeHead(200, headers);
  const reader = body.getReader();
  for (; ; ) {
    let r;
    try {
      r = await reader.read();
    } catch {
      if (!res.destroyed) res.destroy();
      return;
    }
    if (r.done) break;
    if (!await writeChunk(res, r.value)) {
      reader.cancel().catch(() => {
      });
      return;
    }
  }
  res.end();
}

// src/relay/forward.ts
var MAX_LOOP_TURNS = 1e3;
function mapFailure(f, kind, model) {
  if (f.kind === "transport") return transportErrorToAnthropic(f.error);
  return cerebrasHttpErrorToAnthropic(f.status, f.body, kind === "transient" ? void 0 : f.headers, {
    model
  });
}
function errorCode(f) {
  return f.kind === "transport" ? void 0 : parseCerebrasErrorPayload(f.body).code ?? void 0;
}
function allKeysCooling(pool, waitMs) {
  const seconds2 = Math.max(1, Math.ceil(Math.min(waitMs, MAX_COOLDOWN_MS) / 1e3));
  const body = {
    message: `All ${pool.size} Cerebras key(s) are rate-limited; the next one is free in about ${seconds2}s.`,
    type: "too_many_requests_error",
    code: "token_quota_exceeded"
  };
  return cerebrasHttpErrorToAnthropic(429, body, new Headers({ "retry-after": String(seconds2) }));
}
function soonestRetryAfter(mapped2, pool, reserve) {
  if (mapped2.status !== 429) return mapped2;
  const soonest = Math.max(1, Math.ceil(pool.msUntilAvailable(reserve) / 1e3));
  const given = Number(mapped2.headers["retry-after"]);
  return Number.isFinite(given) && given <= soonest ? mapped2 : { ...mapped2, headers: { ...mapped2.headers, "retry-after": String(Math.min(soonest, 60)) } };
}
function attemptLog(lease, t0, outcome, kind, redactor) {
  const entry = {
    key: lease.key.name,
    startedAt: new Date(t0).toISOString(),
    durationMs: Date.now() - t0,
    outcome: kind
  };
  if (outcome.kind === "transport") {
    const e = outcome.error;
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
async function callCerebrasThroughPool(ctx, onStreamEnd) {
  const { pool, settings: s, record, redactor, signal } = ctx;
  const started = Date.now();
  const deadline = started + s.maxTotalMs;
  const maxQuotaFailures = pool.size * 2;
  let quotaFailures = 0;
  let transientRetries = 0;
  let attempts = 0;
  let waitedMs = 0;
  let last;
  pool.totals.requests++;
  const giveUp = (mapped2) => {
    pool.totals.errors++;
    const final = soonestRetryAfter(mapped2, pool, ctx.reserve);
    const redacted = JSON.parse(redactor.redact(JSON.stringify(final.body)));
    record.response = { status: final.status, headers: { ...final.headers }, body: redacted };
    record.outcome = "error";
    return { kind: "error", mapped: { ...final, body: redacted } };
  };
  const clientClosed = () => {
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
      const t02 = Date.now();
      await pool.waitForChange(Math.max(1, wait), signal);
      waitedMs += Date.now() - t02;
      record.waits.push({ ms: Date.now() - t02, atAttempt: attempts + 1 });
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
      signal
    });
    if (signal.aborted) {
      if (outcome.kind === "stream") outcome.reader.cancel().catch(() => {
      });
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
        "x-ccr-cerebras-attempts": String(attempts)
      });
      record.outcome = "success";
      if (outcome.kind === "json") {
        const body2 = ctx.logging ? new TextDecoder().decode(outcome.body) : void 0;
        record.response = { status: outcome.status, headers, body: body2 };
        return { kind: "json", status: outcome.status, headers, body: outcome.body };
      }
      const capture = new SseCapture(ctx.logging ? SSE_LOG_CAP_BYTES : 0);
      const rest = outcome.ended ? void 0 : outcome.reader;
      const body = concatStream(outcome.prefix, rest, capture, (end) => {
        record.response = {
          status: outcome.status,
          headers,
          sse: capture.text(),
          sseTruncated: capture.truncated,
          bytes: capture.bytes
        };
        if (end !== "done") record.outcome = end === "cancelled" ? "client-closed" : "error";
        onStreamEnd?.();
      });
      return { kind: "stream", status: outcome.status, headers, body };
    }
    const kind = outcome.kind === "transport" ? "transient" : classifyCerebrasFailure(outcome.status, outcome.body);
    const entry = attemptLog(lease, t0, outcome, kind, redactor);
    record.attempts.push(entry);
    last = mapFailure(outcome, kind, ctx.model);
    if (outcome.kind === "http-error" && outcome.status === 429) pool.totals.rateLimited++;
    if (kind === "fatal") {
      pool.released(lease);
      return giveUp(last);
    }
    if (kind === "rejected") {
      pool.rejected(lease);
      return giveUp(last);
    }
    if (kind === "quota") {
      const headers = outcome.kind === "http-error" ? outcome.headers : void 0;
      pool.rateLimited(lease, cooldownMsFromHeaders(headers, errorCode(outcome)) ?? MAX_COOLDOWN_MS);
      if (++quotaFailures >= maxQuotaFailures) return giveUp(last);
      continue;
    }
    transientRetries++;
    const delay = backoffDelayMs(transientRetries, s.baseDelayMs, s.maxDelayMs);
    pool.transient(lease, delay, outcome.kind === "http-error" ? outcome.status : void 0);
    if (transientRetries > s.maxRetries || Date.now() + delay > deadline) return giveUp(last);
    entry.retryDelayMs = delay;
    await (0, import_promises3.setTimeout)(delay, void 0, { signal }).catch(() => {
    });
  }
  return giveUp(last ?? allKeysCooling(pool, pool.msUntilAvailable(ctx.reserve)));
}
async function forwardChatCompletion(ctx) {
  const out = await callCerebrasThroughPool(ctx);
  const { res } = ctx;
  if (out.kind === "aborted") return;
  if (out.kind === "error") sendAnthropicError(res, out.mapped, ctx.redactor);
  else if (out.kind === "json") sendBuffered(res, out.status, out.headers, out.body);
  else await pipeStream(res, out.headers, out.body);
}

// src/relay/keys.ts
var DEFAULT_KEY_NAME = "default";
function fail(why) {
  throw new Error(`ccr-cerebras relay: CEREBRAS_API_KEYS ${why}`);
}
function dedupe(keys) {
  const seen = /* @__PURE__ */ new Set();
  return keys.filter((k) => !seen.has(k.value) && seen.add(k.value));
}
function fromJson(text) {
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fail('starts like JSON but does not parse (expected {"name": "key", \u2026})');
  }
  if (Array.isArray(parsed)) {
    return parsed.map((v, i) => {
      if (typeof v !== "string" || !v.trim()) fail(`entry ${i + 1} is not a non-empty string`);
      return { name: `key${i + 1}`, value: v.trim() };
    });
  }
  if (!parsed || typeof parsed !== "object") fail("must be a JSON object of name \u2192 key");
  return Object.entries(parsed).map(([name, v]) => {
    if (typeof v !== "string" || !v.trim()) fail(`entry "${name}" is not a non-empty string`);
    if (!name.trim()) fail("has an entry with an empty name");
    return { name: name.trim(), value: v.trim() };
  });
}
function parseCerebrasApiKeys(raw) {
  const text = raw?.trim();
  if (!text) return void 0;
  const keys = text.startsWith("{") || text.startsWith("[") ? fromJson(text) : text.split(",").map((v) => v.trim()).filter(Boolean).map((value, i) => ({ name: `key${i + 1}`, value }));
  if (keys.length === 0) fail("holds no key");
  return dedupe(keys);
}
function bearerToken(authorization) {
  const m = /^Bearer\s+(.+)$/i.exec(authorization ?? "");
  const key = m?.[1]?.trim();
  return key && key !== "undefined" ? key : void 0;
}

// src/relay/pool-registry.ts
var import_node_crypto = require("node:crypto");

// src/relay/totals.ts
function emptyTotals() {
  return { requests: 0, retries: 0, rateLimited: 0, errors: 0, successes: 0 };
}
function addTotals(a, b) {
  return {
    requests: a.requests + b.requests,
    retries: a.retries + b.retries,
    rateLimited: a.rateLimited + b.rateLimited,
    errors: a.errors + b.errors,
    successes: a.successes + b.successes
  };
}

// src/relay/key-pool.ts
var KeyPool = class {
  constructor(upstream, keys, now = Date.now) {
    this.upstream = upstream;
    this.now = now;
    if (keys.length === 0) throw new Error("a key pool needs at least one key");
    this.states = keys.map((key) => ({
      key,
      coolingUntil: 0,
      consecutiveErrors: 0,
      budgets: [],
      observedSeq: 0,
      leases: /* @__PURE__ */ new Set(),
      totals: emptyTotals()
    }));
  }
  upstream;
  now;
  totals = emptyTotals();
  states;
  current = 0;
  seq = 0;
  waiters = /* @__PURE__ */ new Set();
  get size() {
    return this.states.length;
  }
  /** The epoch ms from which `s` can take a request of `reserve` tokens (≤ now: it can now). */
  availableAt(s, reserve, now) {
    let at = s.coolingUntil;
    const unseen = [...s.leases].filter((l) => l.seq > s.observedSeq);
    const reservedTokens = unseen.reduce((n, l) => n + l.reserve, 0);
    for (const b of s.budgets) {
      if (b.resetAt <= now) continue;
      const short = b.resource === "tokens" ? b.remaining - reservedTokens < Math.max(1, reserve) : b.remaining - unseen.length < 1;
      if (short) at = Math.max(at, b.resetAt);
    }
    return at;
  }
  /** Leases the first key, from the current one on, that can take `reserve` tokens now. */
  acquire(reserve) {
    const now = this.now();
    for (let i = 0; i < this.states.length; i++) {
      const s = this.states[(this.current + i) % this.states.length];
      if (this.availableAt(s, reserve, now) > now) continue;
      const lease = { key: s.key, reserve, seq: ++this.seq, released: false };
      s.leases.add(lease);
      s.totals.requests++;
      return lease;
    }
    return void 0;
  }
  /** Milliseconds until some key could take `reserve` tokens. */
  msUntilAvailable(reserve) {
    const now = this.now();
    const soonest = Math.min(...this.states.map((s) => this.availableAt(s, reserve, now)));
    return Math.max(0, soonest - now);
  }
  /** Resolves after `ms`, or earlier when a lease ends or a key's state changes, or on abort. */
  waitForChange(ms, signal) {
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
  stateOf(lease) {
    return this.states.find((s) => s.key === lease.key);
  }
  /** Ends a lease exactly once; later calls do nothing. */
  end(lease) {
    if (lease.released) return void 0;
    lease.released = true;
    const s = this.stateOf(lease);
    s.leases.delete(lease);
    for (const wake of [...this.waiters]) wake();
    return s;
  }
  noteRetry(lease) {
    this.stateOf(lease).totals.retries++;
  }
  succeeded(lease, budgets) {
    const s = this.end(lease);
    if (!s) return;
    s.consecutiveErrors = 0;
    s.totals.successes++;
    if (budgets.length > 0) {
      s.budgets = budgets;
      s.observedSeq = this.seq;
    }
  }
  /** A 429 quota error: cool the key until its reset and move on from it. */
  rateLimited(lease, cooldownMs) {
    this.coolAndRotate(lease, cooldownMs, true);
  }
  /** A transient capacity error: not the key's fault; it rests only for the backoff delay. */
  transient(lease, backoffMs, status) {
    const s = this.end(lease);
    if (s) this.failed(s, backoffMs, status === 429);
  }
  /** A failure that says nothing about the key's health (a bad request, a client that left). */
  released(lease) {
    this.end(lease);
  }
  /**
   * A key the upstream refused outright (401/403): the pool moves on from it, without cooling it, so
   * a pool whose keys are all refused fails fast with the refusal rather than waiting.
   */
  rejected(lease) {
    this.coolAndRotate(lease, 0, false);
  }
  coolAndRotate(lease, cooldownMs, rateLimited) {
    const s = this.end(lease);
    if (!s) return;
    this.failed(s, cooldownMs, rateLimited);
    const i = this.states.indexOf(s);
    if (i === this.current) this.current = (i + 1) % this.states.length;
  }
  failed(s, cooldownMs, rateLimited) {
    s.consecutiveErrors++;
    s.totals.errors++;
    if (rateLimited) s.totals.rateLimited++;
    s.coolingUntil = Math.max(s.coolingUntil, this.now() + cooldownMs);
    for (const wake of [...this.waiters]) wake();
  }
  status() {
    const now = this.now();
    const live = (s, resource) => s.budgets.filter((b) => b.resource === resource && b.resetAt > now).map((b) => b.remaining);
    const keys = this.states.map((s, i) => {
      const tokens = s.budgets.find(
        (b) => b.resource === "tokens" && b.window === "minute" && b.resetAt > now
      );
      const requests = live(s, "requests");
      const cooling = s.coolingUntil > now;
      return {
        name: s.key.name,
        state: cooling ? "cooling" : "available",
        coolingSeconds: cooling ? Math.ceil((s.coolingUntil - now) / 100) / 10 : 0,
        consecutiveErrors: s.consecutiveErrors,
        ...tokens ? { remainingTokens: tokens.remaining } : {},
        ...requests.length ? { remainingRequests: Math.min(...requests) } : {},
        inFlight: s.leases.size,
        current: i === this.current,
        totals: { ...s.totals }
      };
    });
    return {
      upstream: this.upstream,
      current: this.states[this.current].key.name,
      keys,
      totals: { ...this.totals }
    };
  }
};

// src/relay/pool-registry.ts
function displayUpstream(url) {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.host}${u.pathname}`;
  } catch {
    return "(invalid url)";
  }
}
var PoolRegistry = class {
  pools = /* @__PURE__ */ new Map();
  get(upstream, keys) {
    const fingerprint = (0, import_node_crypto.createHash)("sha256").update(keys.map((k) => `${k.name}\0${k.value}`).join("\n")).digest("hex");
    const id = `${upstream}
${fingerprint}`;
    let pool = this.pools.get(id);
    if (!pool) {
      pool = new KeyPool(displayUpstream(upstream), keys);
      this.pools.set(id, pool);
    }
    return pool;
  }
  all() {
    return [...this.pools.values()];
  }
  status() {
    return this.all().map((p) => p.status());
  }
};

// src/relay/redact.ts
var REDACTED = "[redacted]";
var Redactor = class {
  secrets = /* @__PURE__ */ new Set();
  add(secret) {
    if (!secret) return;
    this.secrets.add(secret);
    this.secrets.add(JSON.stringify(secret).slice(1, -1));
  }
  redact(text) {
    let out = text;
    for (const s of [...this.secrets].sort((a, b) => b.length - a.length)) {
      if (out.includes(s)) out = out.split(s).join(REDACTED);
    }
    return out;
  }
  /** Headers as a plain object, with credentials removed and key values redacted. */
  headers(h) {
    const out = {};
    if (!h) return out;
    const entries = h instanceof Headers ? [...h.entries()] : Object.entries(h);
    for (const [k, v] of entries) {
      const name = k.toLowerCase();
      out[name] = name === "authorization" || name === "x-ccr-cerebras-token" ? REDACTED : this.redact(v);
    }
    return out;
  }
};

// src/relay/status-file.ts
var import_promises4 = require("node:fs/promises");
var import_node_path3 = require("node:path");
async function writeRelayStatusFile(path, content) {
  await (0, import_promises4.mkdir)((0, import_node_path3.dirname)(path), { recursive: true, mode: 448 });
  const tmp = `${path}.${process.pid}.tmp`;
  await (0, import_promises4.writeFile)(tmp, `${JSON.stringify(content)}
`, { mode: 384 });
  await (0, import_promises4.rename)(tmp, path);
}
async function readRelayStatusFile(path) {
  let text;
  try {
    text = await (0, import_promises4.readFile)(path, "utf8");
  } catch {
    throw new Error(`no relay status file at ${path}: is ccr running with the ccr-cerebras plugin?`);
  }
  const v = JSON.parse(text);
  if (typeof v.url !== "string" || typeof v.token !== "string") {
    throw new Error(`the relay status file ${path} is malformed`);
  }
  return { url: v.url, token: v.token, pid: Number(v.pid) };
}
async function removeRelayStatusFile(path, token) {
  const current = await readRelayStatusFile(path).catch(() => void 0);
  if (current?.token === token) await (0, import_promises4.rm)(path, { force: true });
}

// src/relay/status.ts
var TOKEN_HEADER = "x-ccr-cerebras-token";
function buildRelayStatus(url, startedAt, pools, now = Date.now()) {
  return {
    url,
    pid: process.pid,
    startedAt: new Date(startedAt).toISOString(),
    uptimeSeconds: Math.floor((now - startedAt) / 1e3),
    pools,
    totals: pools.reduce((t, p) => addTotals(t, p.totals), emptyTotals())
  };
}
async function fetchRelayStatus(statusFile) {
  const { url, token } = await readRelayStatusFile(statusFile);
  let res;
  try {
    res = await fetch(`${url}/_status`, {
      headers: { [TOKEN_HEADER]: token },
      signal: AbortSignal.timeout(3e3)
    });
  } catch {
    throw new Error(`the relay at ${url} (from ${statusFile}) does not answer: ccr may have stopped`);
  }
  if (!res.ok) throw new Error(`the relay at ${url} answered ${res.status} to a status request`);
  return await res.json();
}
function duration(seconds2) {
  const h = Math.floor(seconds2 / 3600);
  const m = Math.floor(seconds2 % 3600 / 60);
  const s = seconds2 % 60;
  return h > 0 ? `${h}h${String(m).padStart(2, "0")}m` : m > 0 ? `${m}m${String(s).padStart(2, "0")}s` : `${s}s`;
}
function table(rows) {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length))) ?? [];
  return rows.map(
    (r) => r.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join("  ").trimEnd()
  );
}
function totalsLine(t) {
  return `requests ${t.requests}  ok ${t.successes}  errors ${t.errors}  retries ${t.retries}  429s ${t.rateLimited}`;
}
function keyRow(k) {
  const opt = (n) => n === void 0 ? "-" : String(n);
  return [
    `${k.current ? "*" : " "} ${k.name}`,
    k.state === "cooling" ? `cooling ${k.coolingSeconds}s` : "available",
    String(k.consecutiveErrors),
    opt(k.remainingTokens),
    opt(k.remainingRequests),
    String(k.inFlight),
    String(k.totals.requests),
    String(k.totals.successes),
    String(k.totals.rateLimited),
    String(k.totals.errors)
  ];
}
function formatRelayStatus(s) {
  const lines = [
    `ccr-cerebras relay ${s.url}  pid ${s.pid}  up ${duration(s.uptimeSeconds)}`,
    totalsLine(s.totals)
  ];
  if (s.pools.length === 0) lines.push("", "no request has reached Cerebras through the relay yet");
  for (const p of s.pools) {
    lines.push("", `${p.upstream}  (current key: ${p.current})`, `  ${totalsLine(p.totals)}`);
    const header2 = [
      "  KEY",
      "STATE",
      "ERRS",
      "TOKENS LEFT",
      "REQS LEFT",
      "IN FLIGHT",
      "CALLS",
      "OK",
      "429",
      "FAILED"
    ];
    lines.push(...table([header2, ...p.keys.map(keyRow)]).map((l) => `  ${l}`));
  }
  return lines.join("\n");
}

// src/relay/token.ts
var import_node_crypto2 = require("node:crypto");
function newRelayToken() {
  return (0, import_node_crypto2.randomBytes)(24).toString("hex");
}
function relayTokenMatches(expected, given) {
  if (typeof given !== "string" || given.length === 0) return false;
  const digest = (s) => (0, import_node_crypto2.createHash)("sha256").update(s).digest();
  return (0, import_node_crypto2.timingSafeEqual)(digest(expected), digest(given));
}

// src/relay/server.ts
var RELAY_HEADERS = {
  token: "x-ccr-cerebras-token",
  upstream: "x-ccr-cerebras-upstream",
  reserve: "x-ccr-cerebras-reserve-tokens",
  model: "x-ccr-cerebras-model",
  requestId: "x-ccr-cerebras-request-id"
};
var MAX_REQUEST_BYTES = 64 * 1024 * 1024;
function resolveRelaySettings(opts) {
  const r = opts.retry ?? {};
  return {
    maxWaitMs: opts.maxWaitMs ?? 6e4,
    maxRetries: r.maxRetries ?? 4,
    baseDelayMs: r.baseDelayMs ?? 500,
    maxDelayMs: r.maxDelayMs ?? 8e3,
    maxTotalMs: r.maxTotalMs ?? 9e4
  };
}
function relayError(status, type, message) {
  return { status, body: anthropicErrorBody(type, `ccr-cerebras relay: ${message}`), headers: {} };
}
function readRequestBody(req) {
  return new Promise((resolve, reject) => {
    const parts = [];
    let size = 0;
    req.on("data", (b) => {
      size += b.length;
      if (size <= MAX_REQUEST_BYTES) parts.push(b);
    });
    req.on("end", () => resolve(size > MAX_REQUEST_BYTES ? void 0 : Buffer.concat(parts)));
    req.on("error", reject);
  });
}
function single(v) {
  return Array.isArray(v) ? v[0] : v;
}
function parseUpstream(raw) {
  if (!raw) return void 0;
  try {
    const u = new URL(raw);
    return u.protocol === "https:" || u.protocol === "http:" ? u.toString() : void 0;
  } catch {
    return void 0;
  }
}
async function startRelay(opts = {}) {
  const settings = resolveRelaySettings(opts);
  const envKeys = parseCerebrasApiKeys((opts.env ?? process.env).CEREBRAS_API_KEYS);
  const fetchImpl = opts.fetchImpl ?? fetch;
  const token = newRelayToken();
  const redactor = new Redactor();
  for (const k of envKeys ?? []) redactor.add(k.value);
  const registry = new PoolRegistry();
  const logger = opts.log ? new RequestLogWriter(opts.log, redactor) : void 0;
  logger?.prune();
  const startedAt = Date.now();
  let url = "";
  const status = () => buildRelayStatus(url, startedAt, registry.status());
  function prepare(input) {
    const upstream = parseUpstream(input.upstream);
    if (!upstream)
      return relayError(400, "invalid_request_error", `missing or invalid ${RELAY_HEADERS.upstream}`);
    if (input.apiKey) redactor.add(input.apiKey);
    const keys = envKeys ?? (input.apiKey ? [{ name: DEFAULT_KEY_NAME, value: input.apiKey }] : void 0);
    if (!keys) {
      return relayError(
        401,
        "authentication_error",
        "no Cerebras API key (set CEREBRAS_API_KEY or CEREBRAS_API_KEYS)"
      );
    }
    const reserve = input.reserveTokens ?? 0;
    const record = {
      requestId: safeRequestId(input.requestId, (0, import_node_crypto3.randomUUID)()),
      startedAt: (/* @__PURE__ */ new Date()).toISOString(),
      upstream,
      model: input.model,
      reserveTokens: Number.isFinite(reserve) && reserve > 0 ? reserve : 0,
      request: logger ? loggableBody(input.body) : void 0,
      attempts: [],
      waits: []
    };
    return {
      pool: registry.get(upstream, keys),
      fetchImpl,
      upstream,
      body: input.body,
      reserve: record.reserveTokens,
      model: input.model,
      settings,
      signal: input.signal ?? new AbortController().signal,
      redactor,
      record,
      logging: logger !== void 0
    };
  }
  function finish(record) {
    record.durationMs = Date.now() - Date.parse(record.startedAt);
    logger?.write(record);
  }
  async function handleChat(req, res) {
    const body = await readRequestBody(req);
    if (!body) {
      return void sendAnthropicError(
        res,
        relayError(413, "request_too_large", "request body too large"),
        redactor
      );
    }
    const abort = new AbortController();
    const ctx = prepare({
      upstream: single(req.headers[RELAY_HEADERS.upstream]) ?? "",
      apiKey: bearerToken(single(req.headers.authorization)),
      body,
      reserveTokens: Number.parseInt(single(req.headers[RELAY_HEADERS.reserve]) ?? "", 10),
      model: single(req.headers[RELAY_HEADERS.model]) || void 0,
      requestId: single(req.headers[RELAY_HEADERS.requestId]),
      signal: abort.signal
    });
    if ("status" in ctx) return void sendAnthropicError(res, ctx, redactor);
    const onClose = () => {
      if (!res.writableFinished) abort.abort(new Error("client disconnected"));
    };
    res.on("close", onClose);
    try {
      await forwardChatCompletion({ ...ctx, res });
    } finally {
      res.off("close", onClose);
      finish(ctx.record);
    }
  }
  async function call(input) {
    const ctx = prepare(input);
    if ("status" in ctx) return { kind: "error", mapped: ctx };
    const out = await callCerebrasThroughPool(ctx, () => finish(ctx.record));
    if (out.kind !== "stream") finish(ctx.record);
    return out;
  }
  async function handle(req, res) {
    if (!relayTokenMatches(token, req.headers[RELAY_HEADERS.token])) {
      res.setHeader("connection", "close");
      return void sendAnthropicError(
        res,
        relayError(401, "authentication_error", "missing or wrong relay token"),
        redactor
      );
    }
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    if (req.method === "POST" && path === "/v1/chat/completions") return handleChat(req, res);
    if (req.method === "GET" && path === "/_status") {
      const text = redactor.redact(JSON.stringify(status()));
      res.writeHead(200, {
        "content-type": "application/json",
        "content-length": String(Buffer.byteLength(text))
      });
      return void res.end(text);
    }
    sendAnthropicError(
      res,
      relayError(404, "not_found_error", `${req.method} ${path} does not exist`),
      redactor
    );
  }
  const server = (0, import_node_http.createServer)((req, res) => {
    handle(req, res).catch((err) => {
      const e = relayError(500, "api_error", String(err?.message ?? err));
      if (!res.headersSent) sendAnthropicError(res, e, redactor);
      else res.destroy();
    });
  });
  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  server.unref();
  url = `http://127.0.0.1:${server.address().port}`;
  if (opts.statusFile) await writeRelayStatusFile(opts.statusFile, { url, token, pid: process.pid });
  let closed;
  const close = () => {
    closed ??= (async () => {
      await new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      if (opts.statusFile) await removeRelayStatusFile(opts.statusFile, token).catch(() => {
      });
      await logger?.flush();
    })();
    return closed;
  };
  return { url, token, close, status, call };
}

// src/ccr/relay-client.ts
var import_node_os = require("node:os");
var import_node_path4 = require("node:path");
function ccrHomeDir(home = (0, import_node_os.homedir)()) {
  return (0, import_node_path4.join)(home, ".claude-code-router");
}
function relayStatusFilePath(home = (0, import_node_os.homedir)()) {
  return (0, import_node_path4.join)(ccrHomeDir(home), "cerebras-relay.json");
}
var shared;
function sharedRelay(log, onError) {
  shared ??= startRelay({
    statusFile: relayStatusFilePath(),
    log: log ? { dir: (0, import_node_path4.join)(ccrHomeDir(), "logs", "cerebras"), ...log } : false
  }).catch((err) => {
    onError(err);
    return void 0;
  });
  return shared;
}
var HANDOFF_URL = "data:text/event-stream,";
function parkUpstreamAnswer(answer, abandonAfterMs = 6e4) {
  let held = answer;
  const timer = setTimeout(() => {
    if (held?.kind === "stream") held.body.cancel().catch(() => {
    });
    held = void 0;
  }, abandonAfterMs);
  timer.unref?.();
  return {
    claim() {
      clearTimeout(timer);
      const a = held;
      held = void 0;
      return a;
    }
  };
}

// src/ccr/cli.ts
var USAGE = "usage: node cerebras-transformer.cjs status [--json]";
async function runPluginCli(argv, io = { out: console.log, err: console.error }, statusFile = relayStatusFilePath()) {
  const [command, ...rest] = argv;
  if (command !== "status" || rest.some((a) => a !== "--json")) {
    io.err(USAGE);
    return 2;
  }
  try {
    const status = await fetchRelayStatus(statusFile);
    io.out(rest.includes("--json") ? JSON.stringify(status, null, 2) : formatRelayStatus(status));
    return 0;
  } catch (err) {
    io.err(`ccr-cerebras: ${err.message}`);
    return 1;
  }
}

// src/wire/cerebras.ts
var CEREBRAS_REQUEST_KEYS = [
  "model",
  "messages",
  "stream",
  "max_completion_tokens",
  "temperature",
  "top_p",
  "stop",
  "tools",
  "tool_choice",
  "parallel_tool_calls",
  "reasoning_effort",
  "clear_thinking",
  "user"
];

// src/tokens.ts
var CHARS_PER_TOKEN = 3.2;
var TOKENS_PER_MESSAGE = 4;
var TOKENS_PER_IMAGE = 1600;

// src/request/estimate.ts
function messageSize(m) {
  let chars = m.role.length;
  let images = 0;
  if (typeof m.content === "string") chars += m.content.length;
  else {
    for (const part of m.content) {
      if (part.type === "text") chars += part.text.length;
      else images++;
    }
  }
  if (m.role === "assistant" && m.tool_calls) {
    for (const c of m.tool_calls) chars += c.id.length + c.function.name.length + c.function.arguments.length;
  }
  if (m.role === "tool") chars += m.tool_call_id.length;
  return { chars, images };
}
function estimateCerebrasPromptTokens(messages, tools) {
  let chars = 0;
  let images = 0;
  for (const m of messages) {
    const size = messageSize(m);
    chars += size.chars;
    images += size.images;
  }
  if (tools.length) chars += JSON.stringify(tools).length;
  return Math.ceil(chars / CHARS_PER_TOKEN) + messages.length * TOKENS_PER_MESSAGE + images * TOKENS_PER_IMAGE;
}

// src/request/fit-context.ts
var COMPACTION_MARKERS = [
  "CRITICAL: Respond with TEXT ONLY. Do NOT call any tools.",
  "Your task is to create a detailed summary of the conversation so far"
];
var COMPACTION_OUTPUT_RESERVE = 4096;
var MIN_KEEP_CHARS = [600, 120];
function textOf(m) {
  if (typeof m.content === "string") return m.content;
  return m.content.map((p) => p.type === "text" ? p.text : "").join("");
}
function isClaudeCodeCompactionRequest(messages) {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m.role !== "user") continue;
    const text = textOf(m);
    return COMPACTION_MARKERS.some((marker) => text.includes(marker));
  }
  return false;
}
function elide(text, keep) {
  const cut = text.length - keep;
  const head = Math.ceil(keep / 2);
  return `${text.slice(0, head)}
[\u2026 ${cut} characters elided by ccr-cerebras so the conversation fits the model's context window \u2026]
${text.slice(text.length - (keep - head))}`;
}
function shrinkMessagesToFit(messages, tools, budgetTokens) {
  const out = messages.map((m) => ({ ...m }));
  let lastUser = -1;
  for (let i = out.length - 1; i >= 0 && lastUser < 0; i--) if (out[i].role === "user") lastUser = i;
  let estimate = estimateCerebrasPromptTokens(out, tools);
  for (const minKeep of MIN_KEEP_CHARS) {
    if (estimate <= budgetTokens) break;
    const candidates = out.map((m, i) => ({
      i,
      len: typeof m.content === "string" ? m.content.length : 0,
      rank: m.role === "tool" ? 0 : 1
    })).filter(({ i, len }) => i !== lastUser && out[i].role !== "system" && len > minKeep * 2).sort((a, b) => a.rank - b.rank || b.len - a.len);
    for (const { i, len } of candidates) {
      const excessChars = Math.ceil((estimate - budgetTokens) * CHARS_PER_TOKEN) + 200;
      if (excessChars <= 200) break;
      const keep = Math.max(minKeep, len - excessChars);
      const m = out[i];
      out[i] = { ...m, content: elide(m.content, keep) };
      estimate = estimateCerebrasPromptTokens(out, tools);
      if (estimate <= budgetTokens) break;
    }
  }
  return { messages: out, estimate };
}

// src/request/input.ts
function isObj(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function fail2(path, message) {
  throw invalidRequest(`${path}: ${message}`);
}
function requireObj(v, path, what = "must be an object") {
  if (!isObj(v)) fail2(path, what);
  return v;
}
function requireString(v, path, what = "must be a string") {
  if (typeof v !== "string") fail2(path, what);
  return v;
}
function requireNonEmptyString(v, path, what) {
  if (typeof v !== "string" || v === "") fail2(path, what);
  return v;
}
function optionalNumber(v, path) {
  if (v === void 0 || v === null) return void 0;
  if (typeof v !== "number" || !Number.isFinite(v)) fail2(path, "must be a number");
  return v;
}
function hasVisibleText(text) {
  return /\S/.test(text);
}
function shortJson(v, max = 80) {
  let s;
  try {
    s = typeof v === "string" ? v : JSON.stringify(v) ?? String(v);
  } catch {
    s = String(v);
  }
  return s.length > max ? `${s.slice(0, max - 1)}\u2026` : s;
}

// src/request/content.ts
var NO_OUTPUT = "(no output)";
var TOOL_USE_ERROR_TAG = "<tool_use_error>";
var IMAGE_MOVED_NOTE = "[image: shown in the next user message]";
function imageOmittedText(what) {
  return `[image omitted: ${what}, the model cannot see images]`;
}
function anthropicImageToSegment(block, path, vision) {
  const source = requireObj(block.source, `${path}.source`, "image block needs a source object");
  if (source.type === "base64") {
    const mediaType = requireString(source.media_type, `${path}.source.media_type`);
    const data = requireString(source.data, `${path}.source.data`);
    if (!vision) return { text: imageOmittedText(mediaType) };
    return { image: { type: "image_url", image_url: { url: `data:${mediaType};base64,${data}` } } };
  }
  if (source.type === "url") {
    const url = requireString(source.url, `${path}.source.url`);
    if (!vision) return { text: imageOmittedText(`image at ${shortJson(url, 200)}`) };
    return { image: { type: "image_url", image_url: { url } } };
  }
  if (source.type === "file") {
    return { text: `[image omitted: file ${shortJson(source.file_id)}, it cannot be fetched from here]` };
  }
  return fail2(`${path}.source.type`, "must be 'base64', 'url' or 'file'");
}
function textOfBlocks(blocks, path) {
  if (typeof blocks === "string") return blocks;
  if (!Array.isArray(blocks)) return "";
  const texts = [];
  blocks.forEach((b, i) => {
    if (isObj(b) && typeof b.text === "string") texts.push(b.text);
    else if (!isObj(b)) fail2(`${path}.${i}`, "must be a content block object");
  });
  return texts.join("\n\n");
}
function anthropicDocumentToText(block, path) {
  const source = requireObj(block.source, `${path}.source`, "document block needs a source object");
  const title = typeof block.title === "string" && block.title ? block.title : void 0;
  const label = title ? `[document: ${title}]` : "[document]";
  if (source.type === "text") return `${label}
${requireString(source.data, `${path}.source.data`)}`;
  if (source.type === "content") return `${label}
${textOfBlocks(source.content, `${path}.source.content`)}`;
  const what = title ?? (typeof source.media_type === "string" ? source.media_type : void 0) ?? (typeof source.url === "string" ? shortJson(source.url, 200) : "document");
  return `[document omitted: ${what}]`;
}
function searchResultToText(block, path) {
  const title = typeof block.title === "string" ? block.title : "untitled";
  const source = typeof block.source === "string" ? ` (${block.source})` : "";
  return `[search result: ${title}${source}]
${textOfBlocks(block.content, `${path}.content`)}`;
}
function toolReferenceToText(block) {
  return `Tool loaded: ${typeof block.tool_name === "string" ? block.tool_name : "?"}`;
}
var DROPPED_USER_BLOCKS = /* @__PURE__ */ new Set([
  "thinking",
  "redacted_thinking",
  "tool_use",
  "server_tool_use",
  "web_search_tool_result",
  "web_fetch_tool_result",
  "code_execution_tool_result",
  "container_upload"
]);
function anthropicUserBlockToSegments(block, path, vision) {
  switch (block.type) {
    case "text": {
      const text = requireString(block.text, `${path}.text`);
      return hasVisibleText(text) ? [{ text }] : [];
    }
    case "image":
      return [anthropicImageToSegment(block, path, vision)];
    case "document":
      return [{ text: anthropicDocumentToText(block, path) }];
    case "search_result":
      return [{ text: searchResultToText(block, path) }];
    case "tool_reference":
      return [{ text: toolReferenceToText(block) }];
    default:
      if (DROPPED_USER_BLOCKS.has(block.type)) return [];
      return typeof block.text === "string" && hasVisibleText(block.text) ? [{ text: block.text }] : [];
  }
}
function anthropicToolResultToCerebras(block, path, vision) {
  const content = block.content;
  const pieces = [];
  const images = [];
  if (typeof content === "string") pieces.push(content);
  else if (Array.isArray(content)) {
    content.forEach((item, i) => {
      const at = `${path}.content.${i}`;
      if (!isObj(item)) fail2(at, "must be a content block object");
      if (item.type === "text") pieces.push(requireString(item.text, `${at}.text`));
      else if (item.type === "image") {
        const seg = anthropicImageToSegment(item, at, vision);
        if ("image" in seg) {
          images.push(seg.image);
          pieces.push(IMAGE_MOVED_NOTE);
        } else pieces.push(seg.text);
      } else if (item.type === "tool_reference") pieces.push(toolReferenceToText(item));
      else {
        for (const seg of anthropicUserBlockToSegments(item, at, false))
          if ("text" in seg) pieces.push(seg.text);
      }
    });
  } else if (content !== void 0 && content !== null) {
    fail2(`${path}.content`, "must be a string or an array of content blocks");
  }
  let text = pieces.length === 1 ? pieces[0] : pieces.filter((p) => p !== "").join("\n");
  if (!hasVisibleText(text)) text = NO_OUTPUT;
  if (block.is_error === true && !text.startsWith(TOOL_USE_ERROR_TAG)) text = `Error: ${text}`;
  return { text, images };
}
function anthropicSystemMessageText(content, path) {
  if (typeof content === "string") return content;
  if (!Array.isArray(content))
    return fail2(`${path}.content`, "must be a string or an array of content blocks");
  const texts = [];
  content.forEach((b, i) => {
    const at = `${path}.content.${i}`;
    if (!isObj(b)) fail2(at, "must be a content block object");
    if (typeof b.type !== "string") fail2(`${at}.type`, "content block needs a type");
    for (const seg of anthropicUserBlockToSegments(b, at, false)) if ("text" in seg) texts.push(seg.text);
  });
  return texts.join("\n\n");
}
function renderUserSegments(segments) {
  if (!segments.some((s) => "image" in s))
    return segments.map((s) => s.text).join("\n\n");
  const parts = [];
  let texts = [];
  const flush = () => {
    if (texts.length) parts.push({ type: "text", text: texts.join("\n\n") });
    texts = [];
  };
  for (const s of segments) {
    if ("image" in s) {
      flush();
      parts.push(s.image);
    } else texts.push(s.text);
  }
  flush();
  return parts;
}

// src/request/thinking.ts
var THINK_OPEN_RE = /^\s*<think>/;
function replaysThinking(model) {
  return model.reasoning?.replay === "think";
}
function withThinkPrefix(thinking, text) {
  const visible = thinking.filter(hasVisibleText);
  if (visible.length === 0 || THINK_OPEN_RE.test(text)) return { content: text, replayed: false };
  return { content: `<think>${visible.join("\n\n")}</think>${text}`, replayed: true };
}

// src/request/messages.ts
var EMPTY_USER_TEXT = "(empty)";
var MISSING_RESULT_TEXT = "Error: no result was recorded for this tool call";
function readMessage(m, i) {
  const path = `messages.${i}`;
  if (!isObj(m)) fail2(path, "must be a message object");
  if (m.role !== "user" && m.role !== "assistant" && m.role !== "system") {
    fail2(`${path}.role`, "must be 'user', 'assistant' or 'system'");
  }
  const content = m.content;
  if (typeof content !== "string") {
    if (!Array.isArray(content)) fail2(`${path}.content`, "must be a string or an array of content blocks");
    content.forEach((b, j) => {
      if (!isObj(b)) fail2(`${path}.content.${j}`, "must be a content block object");
      if (typeof b.type !== "string") fail2(`${path}.content.${j}.type`, "content block needs a type");
    });
  }
  return { role: m.role, content, path };
}
function toolUseToCall(block, path) {
  const id = requireNonEmptyString(block.id, `${path}.id`, "tool_use block needs an id");
  const name = requireNonEmptyString(block.name, `${path}.name`, "tool_use block needs a name");
  const input = block.input ?? {};
  if (!isObj(input)) fail2(`${path}.input`, "tool_use input must be an object");
  return { id, type: "function", function: { name, arguments: JSON.stringify(input) } };
}
function readAssistant(m, replayThinking) {
  const draft = { role: "assistant", thinking: [], texts: [], toolCalls: [] };
  if (typeof m.content === "string") {
    if (m.content !== "") draft.texts.push(m.content);
    return draft;
  }
  const ids = /* @__PURE__ */ new Set();
  m.content.forEach((block, j) => {
    const path = `${m.path}.content.${j}`;
    if (block.type === "text") {
      const text = requireString(block.text, `${path}.text`);
      if (text !== "") draft.texts.push(text);
    } else if (block.type === "thinking") {
      const thinking = requireString(block.thinking, `${path}.thinking`);
      if (replayThinking) draft.thinking.push(thinking);
    } else if (block.type === "tool_use") {
      const call = toolUseToCall(block, path);
      if (ids.has(call.id)) fail2(`${path}.id`, `duplicate tool_use id '${call.id}' in one message`);
      ids.add(call.id);
      draft.toolCalls.push(call);
    }
  });
  return draft;
}
function asSystemReminder(text) {
  return text.startsWith("<system-reminder>") ? text : `<system-reminder>
${text}
</system-reminder>`;
}
function pushUser(state, segments) {
  const last = state.out[state.out.length - 1];
  if (last?.role === "user") last.segments.push(...segments);
  else state.out.push({ role: "user", segments });
}
function readUserBlocks(m, callIds, results, out, vision) {
  m.content.forEach((block, j) => {
    const path = `${m.path}.content.${j}`;
    if (block.type !== "tool_result") {
      out.segments.push(...anthropicUserBlockToSegments(block, path, vision));
      return;
    }
    const id = requireNonEmptyString(
      block.tool_use_id,
      `${path}.tool_use_id`,
      "tool_result needs a tool_use_id"
    );
    const rendered = anthropicToolResultToCerebras(block, path, vision);
    const images = rendered.images.map((image) => ({ image }));
    if (callIds.has(id) && !results.has(id)) {
      results.set(id, rendered);
      if (images.length) out.moved.push({ text: `[image from the result of tool call ${id}]` }, ...images);
    } else {
      out.segments.push({ text: `[tool result for ${id}]: ${rendered.text}` }, ...images);
    }
  });
}
function addTurn(state, turn, calls) {
  const callIds = new Set(calls.map((c) => c.id));
  const results = /* @__PURE__ */ new Map();
  const parts = { moved: [], segments: [] };
  let hadUser = false;
  for (const m of turn) {
    if (m.role === "system") {
      const text = anthropicSystemMessageText(m.content, m.path);
      if (!state.sawAssistant && !state.sawSystem) state.systemAppend.push(text);
      else if (hasVisibleText(text)) parts.segments.push({ text: asSystemReminder(text) });
      state.sawSystem = true;
    } else if (typeof m.content === "string") {
      hadUser = true;
      if (hasVisibleText(m.content)) parts.segments.push({ text: m.content });
    } else {
      hadUser = true;
      readUserBlocks(m, callIds, results, parts, state.vision);
    }
  }
  for (const call of calls) {
    const content = results.get(call.id)?.text ?? MISSING_RESULT_TEXT;
    state.out.push({ role: "tool", tool_call_id: call.id, content });
  }
  const all = parts.moved.length ? [...parts.moved, ...parts.segments] : parts.segments;
  if (all.length) pushUser(state, all);
  else if (hadUser && calls.length === 0) pushUser(state, [{ text: EMPTY_USER_TEXT }]);
}
function addAssistant(state, draft) {
  state.sawAssistant = true;
  const last = state.out[state.out.length - 1];
  if (last?.role !== "assistant") {
    state.out.push(draft);
    return;
  }
  last.thinking.push(...draft.thinking);
  last.texts.push(...draft.texts);
  last.toolCalls.push(...draft.toolCalls);
}
function anthropicToCerebrasMessages(input, opts) {
  if (!Array.isArray(input) || input.length === 0) fail2("messages", "must be a non-empty array of messages");
  const messages = input.map(readMessage);
  const state = {
    out: [],
    systemAppend: [],
    sawAssistant: false,
    sawSystem: false,
    vision: opts.vision
  };
  let calls = [];
  let turn = [];
  for (const m of messages) {
    if (m.role !== "assistant") {
      turn.push(m);
      continue;
    }
    addTurn(state, turn, calls);
    const draft = readAssistant(m, opts.replayThinking);
    addAssistant(state, draft);
    calls = draft.toolCalls;
    turn = [];
  }
  addTurn(state, turn, calls);
  if (state.out.length === 0) state.out.push({ role: "user", segments: [{ text: EMPTY_USER_TEXT }] });
  return renderDrafts(state.out, state.systemAppend);
}
function renderDrafts(drafts, systemAppend) {
  let replayedThinking = false;
  const messages = drafts.map((d) => {
    if (d.role === "tool") return { role: "tool", tool_call_id: d.tool_call_id, content: d.content };
    if (d.role === "user") return { role: "user", content: renderUserSegments(d.segments) };
    const { content, replayed } = withThinkPrefix(d.thinking, d.texts.join("\n\n"));
    replayedThinking ||= replayed;
    return d.toolCalls.length ? { role: "assistant", content, tool_calls: d.toolCalls } : { role: "assistant", content };
  });
  return { messages, systemAppend, replayedThinking };
}

// src/request/sampling.ts
var import_node_crypto4 = require("node:crypto");
var DEFAULT_MAX_COMPLETION_TOKENS_CAP = 16384;
var MIN_OUTPUT_TOKENS = 1024;
var MAX_STOP_SEQUENCES = 4;
var MAX_TEMPERATURE = 1.5;
function anthropicMaxTokens(v) {
  if (v === void 0 || v === null) return void 0;
  if (!Number.isSafeInteger(v) || v < 1) fail2("max_tokens", "must be a positive integer");
  return v;
}
function maxCompletionTokens(requested, model, cap, estimatedInputTokens) {
  const room = model.contextWindow - estimatedInputTokens;
  return Math.max(1, Math.floor(Math.min(requested ?? model.maxOutput, model.maxOutput, cap, room)));
}
function clamp(v, lo, hi) {
  return Math.min(hi, Math.max(lo, v));
}
function anthropicTemperature(v) {
  const t = optionalNumber(v, "temperature");
  return t === void 0 ? void 0 : clamp(t, 0, MAX_TEMPERATURE);
}
function anthropicTopP(v) {
  const p = optionalNumber(v, "top_p");
  return p === void 0 ? void 0 : clamp(p, 0, 1);
}
function anthropicStopSequences(v, warnings) {
  if (v === void 0 || v === null) return void 0;
  if (!Array.isArray(v)) fail2("stop_sequences", "must be an array of strings");
  v.forEach((s, i) => {
    if (typeof s !== "string") fail2(`stop_sequences.${i}`, "must be a string");
  });
  const list = v.filter((s) => s !== "");
  if (list.length > MAX_STOP_SEQUENCES) {
    warnings.push(
      `Cerebras accepts at most ${MAX_STOP_SEQUENCES} stop sequences; dropped ${list.length - MAX_STOP_SEQUENCES}`
    );
  }
  return list.length ? list.slice(0, MAX_STOP_SEQUENCES) : void 0;
}
function anthropicUserToCerebras(metadata) {
  if (!isObj(metadata) || typeof metadata.user_id !== "string" || metadata.user_id === "") return void 0;
  return `cc-${(0, import_node_crypto4.createHash)("sha256").update(metadata.user_id).digest("hex").slice(0, 16)}`;
}
function thinkingType(thinking) {
  if (thinking === void 0 || thinking === null) return void 0;
  if (!isObj(thinking)) fail2("thinking", "must be an object");
  return typeof thinking.type === "string" ? thinking.type : void 0;
}
function effortFromBudget(budget) {
  return budget <= 1024 ? "low" : budget <= 8192 ? "medium" : "high";
}
function effortFromOutputConfig(outputConfig) {
  const effort = isObj(outputConfig) ? outputConfig.effort : void 0;
  if (effort === "low" || effort === "medium" || effort === "high") return effort;
  if (effort === "xhigh" || effort === "max") return "high";
  return void 0;
}
var EFFORT_ORDER = ["none", "low", "medium", "high"];
function nearestLevel(wanted, levels) {
  if (levels.includes(wanted)) return wanted;
  const rank = (e) => EFFORT_ORDER.indexOf(e);
  return [...levels].sort(
    (a, b) => Math.abs(rank(a) - rank(wanted)) - Math.abs(rank(b) - rank(wanted)) || rank(b) - rank(a)
  )[0];
}
function reasoningEffortFor(thinking, outputConfig, model) {
  const r = model.reasoning;
  const type = thinkingType(thinking);
  if (!r) return void 0;
  if (type !== "enabled" && type !== "adaptive") return r.off;
  if (r.levels.length === 0) return void 0;
  const budget = isObj(thinking) ? thinking.budget_tokens : void 0;
  const wanted = typeof budget === "number" && Number.isFinite(budget) ? effortFromBudget(budget) : effortFromOutputConfig(outputConfig);
  return wanted === void 0 ? void 0 : nearestLevel(wanted, r.levels);
}
function keepsAllThinking(contextManagement) {
  if (!isObj(contextManagement) || !Array.isArray(contextManagement.edits)) return false;
  return contextManagement.edits.some(
    (e) => isObj(e) && typeof e.type === "string" && e.type.startsWith("clear_thinking") && e.keep === "all"
  );
}
function clearThinkingFor(contextManagement, model, replayed) {
  if (!model.reasoning?.clearThinking) return void 0;
  return keepsAllThinking(contextManagement) || replayed ? false : void 0;
}

// src/request/system.ts
var BILLING_HEADER_RE = /^\s*x-anthropic-billing-header:/;
function anthropicSystemTexts(system) {
  if (system === void 0 || system === null) return [];
  if (typeof system === "string") return hasVisibleText(system) ? [system] : [];
  if (!Array.isArray(system)) fail2("system", "must be a string or an array of text blocks");
  const texts = [];
  system.forEach((block, i) => {
    if (!isObj(block)) fail2(`system.${i}`, "must be a text block object");
    if (block.type !== "text") fail2(`system.${i}.type`, "system blocks must be of type 'text'");
    if (typeof block.text !== "string") fail2(`system.${i}.text`, "must be a string");
    if (!hasVisibleText(block.text) || BILLING_HEADER_RE.test(block.text)) return;
    texts.push(block.text);
  });
  return texts;
}
function anthropicToCerebrasSystem(system, appended = []) {
  const parts = [...anthropicSystemTexts(system), ...appended.filter(hasVisibleText)];
  return parts.length ? parts.join("\n\n") : void 0;
}

// src/request/schema-notes.ts
function count(v) {
  return typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : void 0;
}
function plural(n, word) {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
function json(v, max = 80) {
  let s;
  try {
    s = JSON.stringify(v);
  } catch {
    s = void 0;
  }
  return shortJson(s ?? String(v), max);
}
function schemaTypeSummary(s, depth = 0) {
  if (!isObj(s) || depth > 3) return "any";
  if (Array.isArray(s.enum)) return `one of ${shortJson(s.enum.map((v) => json(v, 40)).join(", "), 80)}`;
  if (Object.hasOwn(s, "const")) return json(s.const);
  if (typeof s.$ref === "string") return s.$ref.slice(s.$ref.lastIndexOf("/") + 1) || "any";
  const union = Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : void 0;
  if (union) return union.map((b) => schemaTypeSummary(b, depth + 1)).join(" or ");
  const types = Array.isArray(s.type) ? s.type.filter((t) => typeof t === "string") : [s.type];
  const named = types.filter((t) => typeof t === "string");
  if (named.length === 0) return "any";
  return named.map((t) => t === "array" ? `array of ${schemaTypeSummary(s.items, depth + 1)}` : t).join(" or ");
}
function constraintNotes(s) {
  const notes = [];
  if (typeof s.format === "string") notes.push(`format: ${shortJson(s.format, 40)}`);
  if (typeof s.pattern === "string") notes.push(`pattern: ${shortJson(s.pattern, 120)}`);
  const bounds = [
    ["minLength", "at least", "character"],
    ["maxLength", "at most", "character"],
    ["minItems", "at least", "item"],
    ["maxItems", "at most", "item"],
    ["minProperties", "at least", "property"],
    ["maxProperties", "at most", "property"]
  ];
  for (const [key, word, unit] of bounds) {
    const n = count(s[key]);
    if (n !== void 0 && !(n === 0 && word === "at least")) {
      notes.push(
        `${word} ${unit === "property" ? `${n} ${n === 1 ? "property" : "properties"}` : plural(n, unit)}`
      );
    }
  }
  if (s.uniqueItems === true) notes.push("items must be unique");
  if (isObj(s.propertyNames)) {
    const pn = s.propertyNames;
    const rule = typeof pn.pattern === "string" ? `matching ${shortJson(pn.pattern, 80)}` : Array.isArray(pn.enum) ? schemaTypeSummary(pn) : void 0;
    if (rule) notes.push(`property names ${rule}`);
  }
  if (isObj(s.patternProperties)) {
    for (const [re, sub] of Object.entries(s.patternProperties)) {
      notes.push(`properties matching ${shortJson(re, 60)}: ${schemaTypeSummary(sub)}`);
    }
  }
  if (Object.hasOwn(s, "default") && s.default !== void 0) notes.push(`default: ${json(s.default)}`);
  return notes;
}
function describeWithNotes(description, notes) {
  const base = typeof description === "string" && description !== "" ? description : void 0;
  if (notes.length === 0) return base;
  const text = `(${notes.join("; ")})`;
  return base ? `${base} ${text}` : text;
}

// src/request/schema-flatten.ts
var SCHEMA_TYPES = /* @__PURE__ */ new Set(["string", "number", "integer", "boolean", "object", "array", "null"]);
var NUMERIC_KEYS = [
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf"
];
var OBJECT_KEYS = ["properties", "required", "additionalProperties"];
var ARRAY_KEYS = ["items", "prefixItems"];
var STRUCTURAL_KEYS = /* @__PURE__ */ new Set([
  "type",
  "enum",
  "anyOf",
  "$ref",
  ...OBJECT_KEYS,
  ...ARRAY_KEYS,
  ...NUMERIC_KEYS
]);
var FLATTEN_GUARD = 64;
function setOwn(obj, key, value) {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}
function typeList(t) {
  const list = Array.isArray(t) ? t : [t];
  const out = [];
  for (const x of list) if (typeof x === "string" && SCHEMA_TYPES.has(x) && !out.includes(x)) out.push(x);
  return out;
}
function collectDefs(root) {
  const defs = /* @__PURE__ */ new Map();
  for (const src of ["$defs", "definitions"]) {
    const table2 = root[src];
    if (!isObj(table2)) continue;
    for (const [name, raw] of Object.entries(table2))
      defs.set(`${src}/${name}`, { raw, key: `${src}/${name}` });
  }
  return defs;
}
function decodePointer(s) {
  let out = s.replace(/~1/g, "/").replace(/~0/g, "~");
  try {
    out = decodeURIComponent(out);
  } catch {
  }
  return out;
}
function resolveRef(ref, ctx) {
  for (const src of ["$defs", "definitions"]) {
    const prefix = `#/${src}/`;
    if (!ref.startsWith(prefix)) continue;
    const rest = ref.slice(prefix.length);
    if (rest.includes("/")) return void 0;
    return ctx.defs.get(`${src}/${decodePointer(rest)}`);
  }
  return void 0;
}
function hasStructural(s) {
  return Object.keys(s).some(
    (k) => k !== "$ref" && (STRUCTURAL_KEYS.has(k) || k === "allOf" || k === "oneOf")
  );
}
function fixDraft4(s) {
  for (const [flag, bound] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"]
  ]) {
    if (typeof s[flag] !== "boolean") continue;
    if (s[flag] === true && typeof s[bound] === "number") {
      s[flag] = s[bound];
      delete s[bound];
    } else delete s[flag];
  }
  if (Array.isArray(s.items) && !Object.hasOwn(s, "prefixItems")) {
    s.prefixItems = s.items;
    s.items = s.additionalItems === false ? false : s.additionalItems ?? false;
  }
}
function mergeInto(base, part, notes) {
  for (const [k, v] of Object.entries(part)) {
    if (v === void 0 || k === "__proto__") continue;
    const cur = base[k];
    if (!Object.hasOwn(base, k) || cur === void 0) {
      base[k] = v;
      continue;
    }
    if (k === "properties" && isObj(cur) && isObj(v)) {
      const merged = { ...cur };
      for (const [p, sub] of Object.entries(v)) {
        setOwn(merged, p, Object.hasOwn(cur, p) ? { allOf: [cur[p], sub] } : sub);
      }
      base[k] = merged;
    } else if (k === "required" && Array.isArray(cur) && Array.isArray(v)) {
      base[k] = [...cur, ...v.filter((r) => !cur.includes(r))];
    } else if (k === "type") {
      const both = typeList(cur).filter((t) => typeList(v).includes(t));
      if (both.length) base[k] = both.length === 1 ? both[0] : both;
    } else if (k === "enum" && Array.isArray(cur) && Array.isArray(v)) {
      const keys = new Set(v.map((x) => JSON.stringify(x)));
      const both = cur.filter((x) => keys.has(JSON.stringify(x)));
      if (both.length) base[k] = both;
    } else if (["minimum", "exclusiveMinimum"].includes(k) && typeof cur === "number" && typeof v === "number") {
      base[k] = Math.max(cur, v);
    } else if (["maximum", "exclusiveMaximum"].includes(k) && typeof cur === "number" && typeof v === "number") {
      base[k] = Math.min(cur, v);
    } else if (k === "items" && isObj(cur) && isObj(v)) {
      base[k] = { allOf: [cur, v] };
    } else if (k === "additionalProperties") {
      if (v === false) base[k] = false;
    } else if (k !== "description" && k !== "anyOf" && k !== "oneOf" && JSON.stringify(cur) !== JSON.stringify(v)) {
      notes.push(...constraintNotes({ [k]: v }));
    }
  }
}
function flatten(raw, ctx, notes, inlineRef, guard = 0) {
  const node = {};
  for (const [k, v] of Object.entries(raw)) if (k !== "allOf" && k !== "__proto__") node[k] = v;
  fixDraft4(node);
  if (guard > FLATTEN_GUARD) return node;
  if (typeof node.$ref === "string" && (inlineRef || hasStructural(node))) {
    const target = resolveRef(node.$ref, ctx);
    if (target && !ctx.active.has(target.key) && isObj(target.raw)) {
      delete node.$ref;
      ctx.active.add(target.key);
      try {
        mergeInto(node, flatten(target.raw, ctx, notes, true, guard + 1), notes);
      } finally {
        ctx.active.delete(target.key);
      }
    }
  }
  if (Array.isArray(raw.allOf)) {
    for (const part of raw.allOf)
      if (isObj(part)) mergeInto(node, flatten(part, ctx, notes, true, guard + 1), notes);
  }
  if (Array.isArray(node.oneOf) && !Array.isArray(node.anyOf)) node.anyOf = node.oneOf;
  delete node.oneOf;
  if (Object.hasOwn(node, "const")) {
    if (!Array.isArray(node.enum)) node.enum = [node.const];
    else notes.push(`const: ${JSON.stringify(node.const)}`);
    delete node.const;
  }
  if (node.nullable === true) {
    if (typeof node.type === "string") node.type = [node.type, "null"];
    else if (Array.isArray(node.type) && !node.type.includes("null")) node.type = [...node.type, "null"];
    else if (Array.isArray(node.anyOf)) node.anyOf = [...node.anyOf, { type: "null" }];
    if (Array.isArray(node.enum) && !node.enum.includes(null)) node.enum = [...node.enum, null];
  }
  delete node.nullable;
  return node;
}

// src/request/schema.ts
var MAX_SCHEMA_DEPTH = 10;
function withDescription(s, description) {
  if (description !== void 0) s.description = description;
  return s;
}
function permissiveSchema(depth) {
  if (depth >= MAX_SCHEMA_DEPTH) return { type: "string" };
  const branches = [
    { type: "string" },
    { type: "number" },
    { type: "boolean" },
    { type: "object", properties: {}, additionalProperties: false }
  ];
  if (depth + 2 <= MAX_SCHEMA_DEPTH) branches.push({ type: "array", items: { type: "string" } });
  branches.push({ type: "null" });
  return { anyOf: branches };
}
function inferType(s) {
  const has = (keys) => keys.some((k) => Object.hasOwn(s, k));
  if (has([...OBJECT_KEYS, "patternProperties", "propertyNames", "minProperties", "maxProperties"]))
    return "object";
  if (has([...ARRAY_KEYS, "minItems", "maxItems", "uniqueItems", "contains"])) return "array";
  if (has(["minLength", "maxLength", "pattern", "format"])) return "string";
  if (has(NUMERIC_KEYS)) return "number";
  return void 0;
}
function matchesType(v, t) {
  switch (t) {
    case "string":
      return typeof v === "string";
    case "number":
      return typeof v === "number";
    case "integer":
      return Number.isInteger(v);
    case "boolean":
      return typeof v === "boolean";
    case "null":
      return v === null;
    case "object":
      return isObj(v);
    case "array":
      return Array.isArray(v);
    default:
      return false;
  }
}
function defName(entry, ctx) {
  const known = ctx.names.get(entry.key);
  if (known) return known;
  const base = entry.key.slice(entry.key.indexOf("/") + 1).replace(/[^A-Za-z0-9_.-]/g, "_") || "def";
  let name = base;
  const taken = new Set(ctx.names.values());
  for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
  ctx.names.set(entry.key, name);
  ctx.active.add(entry.key);
  try {
    ctx.out.set(name, emit(entry.raw, 2, ctx) ?? permissiveSchema(2));
  } finally {
    ctx.active.delete(entry.key);
  }
  return name;
}
function tooDeep(description) {
  return {
    type: "string",
    description: describeWithNotes(description, ["JSON-encoded; nested too deep to describe"])
  };
}
function pickForType(node, t) {
  const keys = t === "object" ? OBJECT_KEYS : t === "array" ? ARRAY_KEYS : t === "number" || t === "integer" ? NUMERIC_KEYS : [];
  const out = { type: t };
  for (const k of keys) if (Object.hasOwn(node, k)) out[k] = node[k];
  return out;
}
function structuralSiblings(node) {
  const out = {};
  let any = false;
  for (const k of Object.keys(node)) {
    if (k !== "anyOf" && k !== "$ref" && STRUCTURAL_KEYS.has(k)) {
      out[k] = node[k];
      any = true;
    }
  }
  return any ? out : void 0;
}
function emitObject(node, notes, description, depth, ctx) {
  const extra = node.additionalProperties;
  if (extra === true || isObj(extra) && Object.keys(extra).length === 0)
    notes.push("additional properties allowed");
  else if (isObj(extra)) notes.push(`additional properties: ${schemaTypeSummary(extra)}`);
  const props = {};
  const rawProps = isObj(node.properties) ? node.properties : {};
  if (depth >= MAX_SCHEMA_DEPTH && Object.keys(rawProps).length) {
    notes.push(`fields: ${Object.keys(rawProps).join(", ")}`);
  } else {
    for (const [k, v] of Object.entries(rawProps)) {
      const s = emit(v, depth + 1, ctx);
      if (s) setOwn(props, k, s);
    }
  }
  const out = { type: "object" };
  withDescription(out, describeWithNotes(description, notes));
  out.properties = props;
  if (Array.isArray(node.required)) {
    const required = node.required.filter(
      (r, i, all) => typeof r === "string" && Object.hasOwn(props, r) && all.indexOf(r) === i
    );
    if (required.length) out.required = required;
  }
  out.additionalProperties = false;
  return out;
}
function emitArray(node, description, depth, ctx) {
  if (depth >= MAX_SCHEMA_DEPTH) return tooDeep(description);
  const out = withDescription({ type: "array" }, description);
  if (Array.isArray(node.prefixItems) && node.prefixItems.length) {
    out.prefixItems = node.prefixItems.map((p) => emit(p, depth + 1, ctx) ?? permissiveSchema(depth + 1));
    const rest = isObj(node.items) ? emit(node.items, depth + 1, ctx) : void 0;
    out.items = rest ?? false;
  } else {
    out.items = emit(node.items, depth + 1, ctx) ?? permissiveSchema(depth + 1);
  }
  return out;
}
function emitNumber(node, t, description) {
  const out = withDescription({ type: t }, description);
  for (const k of NUMERIC_KEYS) {
    const v = node[k];
    if (typeof v === "number" && Number.isFinite(v) && (k !== "multipleOf" || v > 0)) out[k] = v;
  }
  return out;
}
function emitBranches(branches, depth, ctx, description) {
  if (depth >= MAX_SCHEMA_DEPTH) return tooDeep(description);
  const out = [];
  for (const b of branches) {
    const s = emit(b, depth + 1, ctx);
    if (s) out.push(s);
  }
  return withDescription(out.length ? { anyOf: out } : permissiveSchema(depth), description);
}
function emit(raw, depth, ctx) {
  if (raw === false) return void 0;
  if (!isObj(raw)) return permissiveSchema(depth);
  const notes = [];
  const node = flatten(raw, ctx, notes, false);
  notes.unshift(...constraintNotes(node));
  if (typeof node.$ref === "string") {
    const target = resolveRef(node.$ref, ctx);
    if (target && !ctx.active.has(target.key)) {
      return withDescription(
        { $ref: `#/$defs/${defName(target, ctx)}` },
        describeWithNotes(node.description, notes)
      );
    }
    const what = target ? "recursive reference to" : "reference to";
    notes.push(`${what} ${node.$ref.slice(node.$ref.lastIndexOf("/") + 1)}`);
    return withDescription(permissiveSchema(depth), describeWithNotes(node.description, notes));
  }
  const types = typeList(node.type);
  if (Array.isArray(node.enum) && node.enum.length) {
    const description2 = describeWithNotes(node.description, notes);
    const scalar = types.length === 1 && types[0] !== "object" && types[0] !== "array" ? types[0] : void 0;
    const t2 = scalar && node.enum.every((v) => matchesType(v, scalar)) ? scalar : void 0;
    const out = t2 ? { type: t2 } : {};
    withDescription(out, description2);
    out.enum = [...node.enum];
    return out;
  }
  if (Array.isArray(node.anyOf) && node.anyOf.length) {
    const siblings = structuralSiblings(node);
    const branches = siblings ? node.anyOf.map((b) => b === true ? siblings : isObj(b) ? { allOf: [siblings, b] } : b) : node.anyOf;
    return emitBranches(branches, depth, ctx, describeWithNotes(node.description, notes));
  }
  if (types.length > 1) {
    return emitBranches(
      types.map((t2) => pickForType(node, t2)),
      depth,
      ctx,
      describeWithNotes(node.description, notes)
    );
  }
  const t = types[0] ?? inferType(node);
  if (t === "object") return emitObject(node, notes, node.description, depth, ctx);
  const description = describeWithNotes(node.description, notes);
  if (t === "array") return emitArray(node, description, depth, ctx);
  if (t === "number" || t === "integer") return emitNumber(node, t, description);
  if (t) return withDescription({ type: t }, description);
  return withDescription(permissiveSchema(depth), description);
}
function rootAsObject(node, ctx, notes) {
  const types = typeList(node.type);
  if (types.includes("object") || types.length === 0 && !Array.isArray(node.anyOf)) {
    return { ...node, type: "object" };
  }
  if (!Array.isArray(node.anyOf)) return { type: "object", description: node.description };
  const shapes = node.anyOf.filter(isObj).map((b) => flatten(b, ctx, notes, true));
  const properties = {};
  for (const s of shapes) {
    if (!isObj(s.properties)) continue;
    for (const [k, v] of Object.entries(s.properties)) {
      if (!Object.hasOwn(properties, k)) setOwn(properties, k, v);
    }
  }
  const required = shapes.map((s) => Array.isArray(s.required) ? s.required : []).reduce((acc, r) => acc ? acc.filter((x) => r.includes(x)) : r, void 0);
  const shapeKeys = shapes.map((s) => `(${Object.keys(isObj(s.properties) ? s.properties : {}).join(", ")})`);
  notes.push(`accepts one of these argument sets: ${shapeKeys.join(" | ")}`);
  return { type: "object", description: node.description, properties, required: required ?? [] };
}
function sanitizeToolSchema(raw) {
  const root = isObj(raw) ? raw : {};
  const ctx = { defs: collectDefs(root), names: /* @__PURE__ */ new Map(), out: /* @__PURE__ */ new Map(), active: /* @__PURE__ */ new Set() };
  const notes = [];
  const node = rootAsObject(flatten(root, ctx, notes, true), ctx, notes);
  notes.unshift(...constraintNotes(node));
  const out = emitObject(node, notes, node.description, 1, ctx);
  if (ctx.out.size) {
    const defs = {};
    for (const [name, s] of ctx.out) setOwn(defs, name, s);
    out.$defs = defs;
  }
  return out;
}

// src/request/schema-fit.ts
var MAX_SCHEMA_CHARS = 5e3;
var MAX_SCHEMA_PROPERTIES = 500;
var MAX_SCHEMA_ENUM_VALUES = 500;
function children(s) {
  const out = [];
  if (isObj(s.properties)) for (const [k, v] of Object.entries(s.properties)) out.push([k, v]);
  if (isObj(s.items)) out.push(["[]", s.items]);
  if (Array.isArray(s.prefixItems)) s.prefixItems.forEach((p, i) => out.push([`[${i}]`, p]));
  if (Array.isArray(s.anyOf)) s.anyOf.forEach((b, i) => out.push([`(option ${i + 1})`, b]));
  if (isObj(s.$defs)) for (const [k, v] of Object.entries(s.$defs)) out.push([`$defs.${k}`, v]);
  return out;
}
function countsOf(s, acc = { properties: 0, enumValues: 0 }) {
  if (!isObj(s)) return acc;
  if (isObj(s.properties)) acc.properties += Object.keys(s.properties).length;
  if (Array.isArray(s.enum)) acc.enumValues += s.enum.length;
  for (const [, c] of children(s)) countsOf(c, acc);
  return acc;
}
function schemaWithinLimits(s) {
  if (JSON.stringify(s).length > MAX_SCHEMA_CHARS) return false;
  const c = countsOf(s);
  return c.properties <= MAX_SCHEMA_PROPERTIES && c.enumValues <= MAX_SCHEMA_ENUM_VALUES;
}
function joinPath(path, key) {
  if (!path) return key;
  return key.startsWith("[") || key.startsWith("(") ? `${path}${key.startsWith("(") ? " " : ""}${key}` : `${path}.${key}`;
}
function withoutDescriptions(s, path, lines) {
  if (!isObj(s)) return s;
  const out = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === "description") {
      if (typeof v === "string") lines.push(`- ${path || "(arguments)"}: ${v}`);
    } else if (k === "properties" && isObj(v)) {
      const props = {};
      for (const [p, sub] of Object.entries(v)) {
        Object.defineProperty(props, p, {
          value: withoutDescriptions(sub, joinPath(path, p), lines),
          enumerable: true,
          writable: true,
          configurable: true
        });
      }
      out.properties = props;
    } else if (k === "items") out.items = withoutDescriptions(v, joinPath(path, "[]"), lines);
    else if (k === "prefixItems" && Array.isArray(v)) {
      out.prefixItems = v.map((p, i) => withoutDescriptions(p, joinPath(path, `[${i}]`), lines));
    } else if (k === "anyOf" && Array.isArray(v)) {
      out.anyOf = v.map((b, i) => withoutDescriptions(b, joinPath(path, `(option ${i + 1})`), lines));
    } else if (k === "$defs" && isObj(v)) {
      const defs = {};
      for (const [d, sub] of Object.entries(v)) defs[d] = withoutDescriptions(sub, `$defs.${d}`, lines);
      out.$defs = defs;
    } else out[k] = v;
  }
  return out;
}
function defOf(s, defs) {
  const ref = typeof s.$ref === "string" ? s.$ref.slice("#/$defs/".length) : void 0;
  const def = ref !== void 0 && Object.hasOwn(defs, ref) ? defs[ref] : void 0;
  return isObj(def) ? def : void 0;
}
function shallow(s, defs, guard = 0) {
  const def = defOf(s, defs);
  if (def && guard < 8) return shallow(def, defs, guard + 1);
  if (Array.isArray(s.anyOf) && isObj(s.anyOf[0]) && guard < 8) return shallow(s.anyOf[0], defs, guard + 1);
  if (s.type === "object") return { type: "object", properties: {}, additionalProperties: false };
  if (s.type === "array") return { type: "array", items: { type: "string" } };
  return { type: typeof s.type === "string" ? s.type : "string" };
}
function truncated(s, maxDepth, depth, defs, keepEnums) {
  const def = defOf(s, defs);
  if (def) return truncated(def, maxDepth, depth, defs, keepEnums);
  if (depth >= maxDepth) return shallow(s, defs);
  const out = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === "$defs" || k === "enum" && !keepEnums) continue;
    if (k === "properties" && isObj(v)) {
      const props = {};
      for (const [p, sub] of Object.entries(v)) {
        if (isObj(sub)) {
          Object.defineProperty(props, p, {
            value: truncated(sub, maxDepth, depth + 1, defs, keepEnums),
            enumerable: true,
            writable: true,
            configurable: true
          });
        }
      }
      out.properties = props;
    } else if (k === "items" && isObj(v) || k === "anyOf" || k === "prefixItems") {
      out[k] = Array.isArray(v) ? v.map((b) => isObj(b) ? truncated(b, maxDepth, depth + 1, defs, keepEnums) : b) : truncated(v, maxDepth, depth + 1, defs, keepEnums);
    } else out[k] = v;
  }
  if (!keepEnums && Array.isArray(s.enum) && out.type === void 0 && out.anyOf === void 0)
    out.type = "string";
  return out;
}
function fitToolSchema(description, parameters) {
  if (schemaWithinLimits(parameters)) return { description, parameters };
  const lines = [];
  const bare = withoutDescriptions(parameters, "", lines);
  const listed = lines.length ? `${description}

Parameters:
${lines.join("\n")}` : description;
  if (schemaWithinLimits(bare)) return { description: listed, parameters: bare };
  const full = `${listed}

Full parameter schema (JSON): ${JSON.stringify(bare)}`;
  const defs = isObj(bare.$defs) ? bare.$defs : {};
  const keepEnums = countsOf(bare).enumValues <= MAX_SCHEMA_ENUM_VALUES;
  for (let maxDepth = 9; maxDepth >= 1; maxDepth--) {
    const cut = truncated(bare, maxDepth, 1, defs, keepEnums);
    if (schemaWithinLimits(cut)) return { description: full, parameters: cut };
  }
  return { description: full, parameters: { type: "object", properties: {}, additionalProperties: false } };
}

// src/request/tools.ts
var DEFERRED_TOOL_PLACEHOLDER = "DeferredToolPlaceholder";
var TOOL_NAME_RE = /^[a-zA-Z0-9_-]{1,64}$/;
function anthropicToCerebrasTools(input, warnings) {
  if (input === void 0 || input === null) return [];
  if (!Array.isArray(input)) fail2("tools", "must be an array of tools");
  const tools = [];
  const names = /* @__PURE__ */ new Set();
  input.forEach((raw, i) => {
    const tool = requireObj(raw, `tools.${i}`, "must be a tool object");
    const name = tool.name;
    if (tool.type !== void 0 && tool.type !== null && tool.type !== "custom") {
      warnings.push(
        `dropped the Anthropic server tool ${typeof name === "string" ? name : "?"} (${shortJson(tool.type, 60)}): Cerebras has no server tools`
      );
      return;
    }
    if (typeof name !== "string" || !TOOL_NAME_RE.test(name)) {
      fail2(`tools.${i}.name`, "tool names must match ^[a-zA-Z0-9_-]{1,64}$");
    }
    if (name === DEFERRED_TOOL_PLACEHOLDER) return;
    if (names.has(name)) fail2(`tools.${i}.name`, `duplicate tool name '${name}'`);
    names.add(name);
    if (tool.input_schema !== void 0 && tool.input_schema !== null && !isObj(tool.input_schema)) {
      fail2(`tools.${i}.input_schema`, "must be a JSON schema object");
    }
    const description = typeof tool.description === "string" ? tool.description : "";
    const fitted = fitToolSchema(description, sanitizeToolSchema(tool.input_schema));
    tools.push({
      type: "function",
      function: { name, description: fitted.description, parameters: fitted.parameters }
    });
  });
  return tools;
}
function anthropicToCerebrasToolChoice(choice, toolNames) {
  if (choice === void 0 || choice === null) return {};
  const c = requireObj(choice, "tool_choice", "must be an object with a type");
  const out = {};
  switch (c.type) {
    case "auto":
      out.tool_choice = "auto";
      break;
    case "any":
      out.tool_choice = "required";
      break;
    case "none":
      out.tool_choice = "none";
      break;
    case "tool": {
      if (typeof c.name !== "string" || c.name === "")
        fail2("tool_choice.name", "tool_choice of type 'tool' needs a name");
      if (toolNames.length && !toolNames.includes(c.name)) {
        fail2("tool_choice.name", `no tool named '${c.name}' is available`);
      }
      out.tool_choice = { type: "function", function: { name: c.name } };
      break;
    }
    default:
      fail2("tool_choice.type", "must be 'auto', 'any', 'tool' or 'none'");
  }
  if (toolNames.length === 0) return {};
  if (c.disable_parallel_tool_use === true && out.tool_choice !== "none") out.parallel_tool_calls = false;
  return out;
}

// src/request/index.ts
var WARN_IF_PRESENT = {
  mcp_servers: "dropped mcp_servers: Cerebras cannot call MCP servers itself",
  container: "dropped container: Anthropic code-execution containers do not exist on Cerebras"
};
function otherWarnings(req, warnings) {
  for (const [key, text] of Object.entries(WARN_IF_PRESENT)) {
    if (req[key] !== void 0 && req[key] !== null) warnings.push(text);
  }
  const cm = req.context_management;
  if (isObj(cm) && Array.isArray(cm.edits)) {
    for (const e of cm.edits) {
      const type = isObj(e) && typeof e.type === "string" ? e.type : "?";
      if (!type.startsWith("clear_thinking")) warnings.push(`ignored context_management edit ${type}`);
    }
  }
  if (isObj(req.output_config) && req.output_config.format !== void 0) {
    warnings.push("ignored output_config.format: structured output is not translated");
  }
}
function anthropicToCerebrasRequest(input, opts = {}) {
  if (!isObj(input)) fail2("body", "the request must be a JSON object");
  const requestedModel = requireNonEmptyString(input.model, "model", "must be a non-empty string");
  const modelId = resolveCerebrasModelId(requestedModel, {
    defaultModel: opts.defaultModel,
    overrides: opts.modelOverrides,
    extraKnown: opts.extraKnownModels
  });
  const model = getModelInfo(modelId, opts.modelOverrides);
  const warnings = [];
  const maxTokens = anthropicMaxTokens(input.max_tokens);
  const converted = anthropicToCerebrasMessages(input.messages, {
    vision: model.vision,
    replayThinking: replaysThinking(model)
  });
  const system = anthropicToCerebrasSystem(input.system, converted.systemAppend);
  let messages = system ? [{ role: "system", content: system }, ...converted.messages] : converted.messages;
  const tools = anthropicToCerebrasTools(input.tools, warnings);
  const toolNames = tools.map((t) => t.function.name);
  const choice = anthropicToCerebrasToolChoice(input.tool_choice, toolNames);
  if (input.stream !== void 0 && input.stream !== null && typeof input.stream !== "boolean") {
    fail2("stream", "must be a boolean");
  }
  let estimatedInputTokens = estimateCerebrasPromptTokens(messages, tools);
  if (opts.preflightContextCheck !== false && estimatedInputTokens + MIN_OUTPUT_TOKENS > model.contextWindow) {
    const fitted = isClaudeCodeCompactionRequest(messages) ? shrinkMessagesToFit(messages, tools, model.contextWindow - COMPACTION_OUTPUT_RESERVE) : void 0;
    if (!fitted || fitted.estimate + MIN_OUTPUT_TOKENS > model.contextWindow) {
      throw promptTooLong(fitted?.estimate ?? estimatedInputTokens, model.contextWindow - MIN_OUTPUT_TOKENS);
    }
    warnings.push(
      `compaction request cut from ~${estimatedInputTokens} to ~${fitted.estimate} tokens to fit ${model.id}`
    );
    messages = fitted.messages;
    estimatedInputTokens = fitted.estimate;
  }
  const cap = opts.maxCompletionTokensCap ?? DEFAULT_MAX_COMPLETION_TOKENS_CAP;
  const fields = {
    model: model.id,
    messages,
    stream: typeof input.stream === "boolean" ? input.stream : void 0,
    max_completion_tokens: maxCompletionTokens(maxTokens, model, cap, estimatedInputTokens),
    temperature: anthropicTemperature(input.temperature),
    top_p: anthropicTopP(input.top_p),
    stop: anthropicStopSequences(input.stop_sequences, warnings),
    tools: tools.length ? tools : void 0,
    tool_choice: choice.tool_choice,
    parallel_tool_calls: choice.parallel_tool_calls,
    reasoning_effort: reasoningEffortFor(input.thinking, input.output_config, model),
    clear_thinking: clearThinkingFor(input.context_management, model, converted.replayedThinking),
    user: anthropicUserToCerebras(input.metadata)
  };
  otherWarnings(input, warnings);
  const body = {};
  for (const key of CEREBRAS_REQUEST_KEYS) if (fields[key] !== void 0) body[key] = fields[key];
  return {
    body,
    model,
    requestedModel,
    estimatedInputTokens,
    toolNames,
    warnings
  };
}

// src/ccr/client-disconnect.ts
function watchClientDisconnect(raw) {
  const ac = new AbortController();
  const res = raw?.socket?._httpMessage;
  if (!res || typeof res.once !== "function") return { signal: ac.signal, release: () => {
  } };
  const onClose = () => {
    if (!res.writableFinished) ac.abort(new Error("client disconnected"));
  };
  res.once("close", onClose);
  return { signal: ac.signal, release: () => res.off("close", onClose) };
}

// src/models-endpoint.ts
function modelsUrl(baseUrl) {
  const raw = baseUrl.trim();
  let u;
  try {
    u = new URL(raw);
  } catch {
    return `${raw.replace(/\/+$/, "").replace(/\/chat\/completions$/, "")}/models`;
  }
  u.pathname = `${u.pathname.replace(/\/+$/, "").replace(/\/chat\/completions$/, "")}/models`;
  u.search = "";
  u.hash = "";
  return u.toString();
}
function liveIdsFromModelsResponse(body) {
  const list = Array.isArray(body) ? body : typeof body === "object" && body !== null ? body.data ?? body.models : void 0;
  if (!Array.isArray(list)) return null;
  const ids = list.map(
    (m) => typeof m === "string" ? m : typeof m === "object" && m !== null ? m.id : void 0
  ).filter((id) => typeof id === "string" && id.length > 0).map((id) => id.replace(/^cerebras\//, ""));
  return [...new Set(ids)];
}
async function fetchLiveModelIds(baseUrl, apiKey, opts = {}) {
  if (!apiKey) return { live: null, reason: "CEREBRAS_API_KEY is not set" };
  const fetchImpl = opts.fetchImpl ?? globalThis.fetch;
  const signal = AbortSignal.timeout(opts.timeoutMs ?? 5e3);
  try {
    const res = await fetchImpl(modelsUrl(baseUrl), {
      headers: { authorization: `Bearer ${apiKey}`, accept: "application/json" },
      signal
    });
    if (!res.ok) return { live: null, reason: `HTTP ${res.status}` };
    const live = liveIdsFromModelsResponse(await res.json());
    return live && live.length > 0 ? { live } : { live: null, reason: "no model list in the answer" };
  } catch (err) {
    return { live: null, reason: signal.aborted ? "timed out" : String(err.message ?? err) };
  }
}

// src/ccr/live-models.ts
var LiveModelCache = class {
  constructor(ttlMs = 10 * 6e4, timeoutMs = 3e3, fetchImpl) {
    this.ttlMs = ttlMs;
    this.timeoutMs = timeoutMs;
    this.fetchImpl = fetchImpl;
  }
  ttlMs;
  timeoutMs;
  fetchImpl;
  entries = /* @__PURE__ */ new Map();
  /** The live ids, or undefined when Cerebras could not be asked. At most one fetch per URL at a time. */
  async get(chatUrl, apiKey) {
    const url = modelsUrl(chatUrl);
    const e = this.entries.get(url);
    if (e?.pending) return e.pending;
    if (e && Date.now() < e.expires) return e.ids;
    const pending = fetchLiveModelIds(chatUrl, apiKey, {
      timeoutMs: this.timeoutMs,
      fetchImpl: this.fetchImpl
    }).then((r) => {
      const ids = r.live ?? void 0;
      this.entries.set(url, { ids, expires: Date.now() + (ids ? this.ttlMs : 3e4) });
      return ids;
    });
    this.entries.set(url, { ids: e?.ids, expires: 0, pending });
    return pending;
  }
};

// src/ccr/options.ts
var PLUGIN_NAME = "ccr-cerebras";
var RESERVED_NAMES = /* @__PURE__ */ new Set([
  "cerebras",
  "anthropic",
  "openai",
  "openrouter",
  "deepseek",
  "gemini",
  "groq"
]);
var LEVELS = ["debug", "info", "warn", "error", "silent"];
function parsePluginOptions(raw) {
  const o = raw && typeof raw === "object" ? raw : {};
  const fail3 = (m) => {
    throw new Error(`ccr-cerebras: invalid transformers[].options: ${m}`);
  };
  const name = o.name === void 0 ? PLUGIN_NAME : String(o.name);
  if (RESERVED_NAMES.has(name.toLowerCase())) {
    fail3(`name "${name}" would replace ccr's built-in transformer of that name; pick another`);
  }
  if (o.defaultModel !== void 0 && (typeof o.defaultModel !== "string" || !o.defaultModel)) {
    fail3("defaultModel must be a non-empty string");
  }
  const models = o.models ?? {};
  if (typeof models !== "object" || Array.isArray(models)) fail3("models must be an object keyed by model id");
  const cap = o.maxCompletionTokens ?? o.maxOutputTokens ?? DEFAULT_MAX_COMPLETION_TOKENS_CAP;
  if (!Number.isInteger(cap) || cap < 1) fail3("maxCompletionTokens must be a positive integer");
  const logLevel = o.logLevel ?? "info";
  if (!LEVELS.includes(logLevel)) fail3(`logLevel must be one of ${LEVELS.join(", ")}`);
  const log = o.requestLog ?? false;
  if (log !== false && log !== true && (typeof log !== "object" || Array.isArray(log))) {
    fail3("requestLog must be true, false or { maxAgeDays, maxBytes }");
  }
  return {
    name,
    defaultModel: o.defaultModel,
    models,
    maxCompletionTokens: cap,
    logLevel,
    discoverModels: o.discoverModels !== false,
    relay: o.relay !== false,
    coalesceDeltas: o.coalesceDeltas !== false,
    requestLog: log === true ? {} : log
  };
}

// src/response/ids.ts
var TOOL_USE_ID_RE = /^[a-zA-Z0-9_-]+$/;
function randomHex(bytes) {
  const buf = new Uint8Array(bytes);
  globalThis.crypto.getRandomValues(buf);
  let out = "";
  for (const b of buf) out += b.toString(16).padStart(2, "0");
  return out;
}
function newAnthropicMessageId() {
  return `msg_${randomHex(12)}`;
}
function newAnthropicToolUseId() {
  return `toolu_${randomHex(12)}`;
}
function cerebrasToAnthropicToolUseId(upstreamId) {
  if (!upstreamId) return newAnthropicToolUseId();
  if (TOOL_USE_ID_RE.test(upstreamId)) return upstreamId;
  const cleaned = upstreamId.replace(/[^a-zA-Z0-9_-]/g, "_");
  return cleaned.length > 0 ? cleaned : newAnthropicToolUseId();
}

// src/response/stop-reason.ts
function cerebrasFinishToAnthropicStopReason(finishReason, hasToolUse) {
  if (finishReason === "length") return "max_tokens";
  if (finishReason === "content_filter") return "refusal";
  return hasToolUse ? "tool_use" : "end_turn";
}

// src/response/thinking.ts
var CEREBRAS_THINKING_SIGNATURE = "cerebras";
var THINK_OPEN_TAG = "<think>";
var THINK_CLOSE_TAG = "</think>";
function splitLeadingThinkTag(content) {
  const start = content.length - content.trimStart().length;
  if (!content.startsWith(THINK_OPEN_TAG, start)) return void 0;
  const from = start + THINK_OPEN_TAG.length;
  const end = content.indexOf(THINK_CLOSE_TAG, from);
  if (end < 0) return { reasoning: content.slice(from), text: "" };
  return {
    reasoning: content.slice(from, end),
    text: content.slice(end + THINK_CLOSE_TAG.length).trimStart()
  };
}

// node_modules/jsonrepair/lib/esm/utils/JSONRepairError.js
var JSONRepairError = class extends Error {
  constructor(message, position) {
    super(`${message} at position ${position}`);
    this.position = position;
  }
};

// node_modules/jsonrepair/lib/esm/utils/stringUtils.js
var codeSpace = 32;
var codeNewline = 10;
var codeTab = 9;
var codeReturn = 13;
var codeNonBreakingSpace = 160;
var codeMongolianVowelSeparator = 6158;
var codeEnQuad = 8192;
var codeZeroWidthSpace = 8203;
var codeNarrowNoBreakSpace = 8239;
var codeMediumMathematicalSpace = 8287;
var codeIdeographicSpace = 12288;
var codeZeroWidthNoBreakSpace = 65279;
function isHex(char) {
  return /^[0-9A-Fa-f]$/.test(char);
}
function isDigit(char) {
  return char >= "0" && char <= "9";
}
function isValidStringCharacter(char) {
  return char >= " ";
}
function isDelimiter(char) {
  return ",:[]/{}()\n+".includes(char);
}
function isFunctionNameCharStart(char) {
  return char >= "a" && char <= "z" || char >= "A" && char <= "Z" || char === "_" || char === "$";
}
function isFunctionNameChar(char) {
  return char >= "a" && char <= "z" || char >= "A" && char <= "Z" || char === "_" || char === "$" || char >= "0" && char <= "9";
}
var regexUrlStart = /^(http|https|ftp|mailto|file|data|irc):\/\/$/;
var regexUrlChar = /^[A-Za-z0-9-._~:/?#@!$&'()*+;=]$/;
function isUnquotedStringDelimiter(char) {
  return ",[]/{}\n+".includes(char);
}
function isStartOfValue(char) {
  return isQuote(char) || regexStartOfValue.test(char);
}
var regexStartOfValue = /^[[{\w-]$/;
function isControlCharacter(char) {
  return char === "\n" || char === "\r" || char === "	" || char === "\b" || char === "\f";
}
function isWhitespace(text, index) {
  const code = text.charCodeAt(index);
  return code === codeSpace || code === codeNewline || code === codeTab || code === codeReturn;
}
function isWhitespaceExceptNewline(text, index) {
  const code = text.charCodeAt(index);
  return code === codeSpace || code === codeTab || code === codeReturn;
}
function isSpecialWhitespace(text, index) {
  const code = text.charCodeAt(index);
  return code === codeNonBreakingSpace || code === codeMongolianVowelSeparator || code >= codeEnQuad && code <= codeZeroWidthSpace || code === codeNarrowNoBreakSpace || code === codeMediumMathematicalSpace || code === codeIdeographicSpace || code === codeZeroWidthNoBreakSpace;
}
function isQuote(char) {
  return isDoubleQuoteLike(char) || isSingleQuoteLike(char);
}
function isDoubleQuoteLike(char) {
  return char === '"' || char === "\u201C" || char === "\u201D";
}
function isDoubleQuote(char) {
  return char === '"';
}
function isSingleQuoteLike(char) {
  return char === "'" || char === "\u2018" || char === "\u2019" || char === "`" || char === "\xB4";
}
function isSingleQuote(char) {
  return char === "'";
}
function stripLastOccurrence(text, textToStrip) {
  let stripRemainingText = arguments.length > 2 && arguments[2] !== void 0 ? arguments[2] : false;
  const index = text.lastIndexOf(textToStrip);
  return index !== -1 ? text.substring(0, index) + (stripRemainingText ? "" : text.substring(index + 1)) : text;
}
function insertBeforeLastWhitespace(text, textToInsert) {
  let index = text.length;
  if (!isWhitespace(text, index - 1)) {
    return text + textToInsert;
  }
  while (isWhitespace(text, index - 1)) {
    index--;
  }
  return text.substring(0, index) + textToInsert + text.substring(index);
}
function removeAtIndex(text, start, count3) {
  return text.substring(0, start) + text.substring(start + count3);
}
function endsWithCommaOrNewline(text) {
  return /[,\n][ \t\r]*$/.test(text);
}
var namedHtmlEntities = {
  "&quot;": '"',
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&apos;": "'"
};
var maxHtmlEntityLength = 12;
function matchHtmlEntity(fragment) {
  if (fragment.charAt(0) !== "&") {
    return null;
  }
  const semicolon = fragment.indexOf(";");
  if (semicolon === -1) {
    return null;
  }
  const entity = fragment.substring(0, semicolon + 1);
  const named = namedHtmlEntities[entity];
  if (named !== void 0) {
    return {
      char: named,
      length: entity.length
    };
  }
  if (fragment.charAt(1) === "#") {
    const body = fragment.substring(2, semicolon);
    const hex = body.charAt(0) === "x" || body.charAt(0) === "X";
    const digits = hex ? body.substring(1) : body;
    if (digits.length > 0) {
      const code = Number.parseInt(digits, hex ? 16 : 10);
      if (!Number.isNaN(code) && code >= 0 && code <= 1114111) {
        return {
          char: String.fromCodePoint(code),
          length: entity.length
        };
      }
    }
  }
  return null;
}
function isDoubleQuoteEntity(match) {
  return match !== null && match.char === '"';
}
function isSingleQuoteEntity(match) {
  return match !== null && match.char === "'";
}
function countOccurrences(text, char) {
  let count3 = 0;
  for (let i = 0; i < text.length; i++) {
    if (text.charAt(i) === char) {
      count3++;
    }
  }
  return count3;
}
function isInsideUnclosedBracket(text, closeChar) {
  switch (closeChar) {
    case ")":
      return countOccurrences(text, "(") > countOccurrences(text, ")");
    case "]":
      return countOccurrences(text, "[") > countOccurrences(text, "]");
    case "}":
      return countOccurrences(text, "{") > countOccurrences(text, "}");
    default:
      return false;
  }
}

// node_modules/jsonrepair/lib/esm/regular/jsonrepair.js
var controlCharacters = {
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "	": "\\t"
};
var escapeCharacters = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "	"
  // note that \u is handled separately in parseString()
};
function jsonrepair(text) {
  let i = 0;
  let output = "";
  parseMarkdownCodeBlock(["```", "[```", "{```"]);
  const processed = parseValue();
  if (!processed) {
    throwUnexpectedEnd();
  }
  parseMarkdownCodeBlock(["```", "```]", "```}"]);
  const processedComma = parseCharacter(",");
  if (processedComma) {
    parseWhitespaceAndSkipComments();
  }
  if (isStartOfValue(text[i]) && endsWithCommaOrNewline(output)) {
    if (!processedComma) {
      output = insertBeforeLastWhitespace(output, ",");
    }
    parseNewlineDelimitedJSON();
  } else if (processedComma) {
    output = stripLastOccurrence(output, ",");
  }
  while (text[i] === "}" || text[i] === "]") {
    i++;
    parseWhitespaceAndSkipComments();
  }
  if (i >= text.length) {
    return output;
  }
  throwUnexpectedCharacter();
  function parseValue() {
    parseWhitespaceAndSkipComments();
    const processed2 = parseObject() || parseArray() || parseString() || parseNumber() || parseKeywords() || parseUnquotedString(false) || parseRegex();
    parseWhitespaceAndSkipComments();
    return processed2;
  }
  function parseWhitespaceAndSkipComments() {
    let skipNewline = arguments.length > 0 && arguments[0] !== void 0 ? arguments[0] : true;
    const start = i;
    let changed = parseWhitespace(skipNewline);
    do {
      changed = parseComment();
      if (changed) {
        changed = parseWhitespace(skipNewline);
      }
    } while (changed);
    return i > start;
  }
  function parseWhitespace(skipNewline) {
    const _isWhiteSpace = skipNewline ? isWhitespace : isWhitespaceExceptNewline;
    let whitespace = "";
    while (true) {
      if (_isWhiteSpace(text, i)) {
        whitespace += text[i];
        i++;
      } else if (isSpecialWhitespace(text, i)) {
        whitespace += " ";
        i++;
      } else {
        break;
      }
    }
    if (whitespace.length > 0) {
      output += whitespace;
      return true;
    }
    return false;
  }
  function parseComment() {
    if (text[i] === "/" && text[i + 1] === "*") {
      while (i < text.length && !atEndOfBlockComment(text, i)) {
        i++;
      }
      i += 2;
      return true;
    }
    if (text[i] === "/" && text[i + 1] === "/") {
      while (i < text.length && text[i] !== "\n") {
        i++;
      }
      return true;
    }
    return false;
  }
  function parseMarkdownCodeBlock(blocks) {
    if (skipMarkdownCodeBlock(blocks)) {
      if (isFunctionNameCharStart(text[i])) {
        while (i < text.length && isFunctionNameChar(text[i])) {
          i++;
        }
      }
      parseWhitespaceAndSkipComments();
      return true;
    }
    return false;
  }
  function skipMarkdownCodeBlock(blocks) {
    parseWhitespace(true);
    for (const block of blocks) {
      const end = i + block.length;
      if (text.slice(i, end) === block) {
        i = end;
        return true;
      }
    }
    return false;
  }
  function parseCharacter(char) {
    if (text[i] === char) {
      output += text[i];
      i++;
      return true;
    }
    return false;
  }
  function skipCharacter(char) {
    if (text[i] === char) {
      i++;
      return true;
    }
    return false;
  }
  function skipEscapeCharacter() {
    return skipCharacter("\\");
  }
  function skipEllipsis() {
    parseWhitespaceAndSkipComments();
    if (text[i] === "." && text[i + 1] === "." && text[i + 2] === ".") {
      i += 3;
      parseWhitespaceAndSkipComments();
      skipCharacter(",");
      return true;
    }
    return false;
  }
  function parseObject() {
    if (text[i] === "{") {
      output += "{";
      i++;
      parseWhitespaceAndSkipComments();
      if (skipCharacter(",")) {
        parseWhitespaceAndSkipComments();
      }
      let initial = true;
      while (i < text.length && text[i] !== "}") {
        let processedComma2;
        if (!initial) {
          processedComma2 = parseCharacter(",");
          if (!processedComma2) {
            output = insertBeforeLastWhitespace(output, ",");
          }
          parseWhitespaceAndSkipComments();
        } else {
          processedComma2 = true;
        }
        skipEllipsis();
        const processedKey = parseString() || parseUnquotedString(true);
        if (!processedKey) {
          if (text[i] === "}" || text[i] === "{" || text[i] === "]" || text[i] === "[" || text[i] === void 0) {
            if (!initial) {
              output = stripLastOccurrence(output, ",");
            }
          } else {
            throwObjectKeyExpected();
          }
          break;
        }
        parseWhitespaceAndSkipComments();
        const processedColon = parseCharacter(":");
        const truncatedText = i >= text.length;
        if (!processedColon) {
          if (isStartOfValue(text[i]) || truncatedText) {
            output = insertBeforeLastWhitespace(output, ":");
          } else {
            throwColonExpected();
          }
        }
        const processedValue = parseValue();
        if (!processedValue) {
          if (processedColon || truncatedText) {
            output += "null";
          } else {
            throwColonExpected();
          }
        }
        initial = false;
      }
      if (text[i] === "}") {
        output += "}";
        i++;
      } else {
        output = insertBeforeLastWhitespace(output, "}");
      }
      return true;
    }
    return false;
  }
  function parseArray() {
    if (text[i] === "[") {
      output += "[";
      i++;
      parseWhitespaceAndSkipComments();
      if (skipCharacter(",")) {
        parseWhitespaceAndSkipComments();
      }
      let initial = true;
      while (i < text.length && text[i] !== "]") {
        if (!initial) {
          const processedComma2 = parseCharacter(",");
          if (!processedComma2) {
            output = insertBeforeLastWhitespace(output, ",");
          }
        }
        skipEllipsis();
        const processedValue = parseValue();
        if (!processedValue) {
          if (!initial) {
            output = stripLastOccurrence(output, ",");
          }
          break;
        }
        initial = false;
      }
      if (text[i] === "]") {
        output += "]";
        i++;
      } else {
        output = insertBeforeLastWhitespace(output, "]");
      }
      return true;
    }
    return false;
  }
  function parseNewlineDelimitedJSON() {
    let initial = true;
    let processedValue = true;
    while (processedValue) {
      if (!initial) {
        const processedComma2 = parseCharacter(",");
        if (!processedComma2) {
          output = insertBeforeLastWhitespace(output, ",");
        }
      } else {
        initial = false;
      }
      processedValue = parseValue();
    }
    if (!processedValue) {
      output = stripLastOccurrence(output, ",");
    }
    output = `[
${output}
]`;
  }
  function parseString() {
    let stopAtDelimiter = arguments.length > 0 && arguments[0] !== void 0 ? arguments[0] : false;
    let stopAtIndex = arguments.length > 1 && arguments[1] !== void 0 ? arguments[1] : -1;
    const skipEscapeChars = text[i] === "\\";
    if (skipEscapeChars) {
      i++;
      if (!isQuote(text[i])) {
        throwUnexpectedCharacter();
      }
    }
    const openEntity = text[i] === "&" ? matchHtmlEntity(text.slice(i, i + maxHtmlEntityLength)) : null;
    const openedByEntity = isDoubleQuoteEntity(openEntity) || isSingleQuoteEntity(openEntity);
    if (isQuote(text[i]) || openedByEntity) {
      const isEndQuote = isDoubleQuote(text[i]) ? isDoubleQuote : isSingleQuote(text[i]) ? isSingleQuote : isSingleQuoteLike(text[i]) ? isSingleQuoteLike : isDoubleQuoteLike;
      const iBefore = i;
      const oBefore = output.length;
      let str = '"';
      i += openedByEntity && openEntity ? openEntity.length : 1;
      while (true) {
        if (i >= text.length) {
          const iPrev = prevNonWhitespaceIndex(i - 1);
          if (!stopAtDelimiter && isDelimiter(text.charAt(iPrev))) {
            i = iBefore;
            output = output.substring(0, oBefore);
            return parseString(true);
          }
          str = insertBeforeLastWhitespace(str, '"');
          output += str;
          return true;
        }
        if (i === stopAtIndex) {
          str = insertBeforeLastWhitespace(str, '"');
          output += str;
          return true;
        }
        const entity = openedByEntity && text[i] === "&" ? matchHtmlEntity(text.slice(i, i + maxHtmlEntityLength)) : null;
        const isEnd = entity && openEntity ? entity.char === openEntity.char : isEndQuote(text[i]);
        if (isEnd) {
          const iQuote = i;
          const oQuote = str.length;
          str += '"';
          i += entity ? entity.length : 1;
          output += str;
          parseWhitespaceAndSkipComments(false);
          if (stopAtDelimiter || i >= text.length || isDelimiter(text[i]) && // only count the brackets inside the string when actually needed,
          // i.e. when the quote is directly followed by a closing bracket
          !isInsideUnclosedBracket(str, text[i]) || isQuote(text[i]) && !nextQuoteIsEndQuote(i) || isDigit(text[i])) {
            parseConcatenatedString();
            return true;
          }
          if (text[i] === "\\") {
            throwUnexpectedCharacter();
          }
          const iPrevChar = prevNonWhitespaceIndex(iQuote - 1);
          const prevChar = text.charAt(iPrevChar);
          if (prevChar === ",") {
            i = iBefore;
            output = output.substring(0, oBefore);
            return parseString(false, iPrevChar);
          }
          if (isDelimiter(prevChar)) {
            i = iBefore;
            output = output.substring(0, oBefore);
            return parseString(true);
          }
          output = output.substring(0, oBefore);
          i = iQuote + (entity ? entity.length : 1);
          str = `${str.substring(0, oQuote)}\\${str.substring(oQuote)}`;
        } else if (stopAtDelimiter && isUnquotedStringDelimiter(text[i])) {
          if (text[i - 1] === ":" && regexUrlStart.test(text.substring(iBefore + 1, i + 2))) {
            while (i < text.length && regexUrlChar.test(text[i])) {
              str += text[i];
              i++;
            }
          }
          str = insertBeforeLastWhitespace(str, '"');
          output += str;
          parseConcatenatedString();
          return true;
        } else if (entity) {
          const char = entity.char;
          if (char === '"') {
            str += '\\"';
          } else if (isControlCharacter(char)) {
            str += controlCharacters[char];
          } else {
            str += char;
          }
          i += entity.length;
        } else if (text[i] === "\\") {
          const char = text.charAt(i + 1);
          const escapeChar = escapeCharacters[char];
          if (escapeChar !== void 0) {
            str += text.slice(i, i + 2);
            i += 2;
          } else if (char === "u") {
            let j = 2;
            while (j < 6 && isHex(text[i + j])) {
              j++;
            }
            if (j === 6) {
              str += text.slice(i, i + 6);
              i += 6;
            } else if (i + j >= text.length) {
              i = text.length;
            } else {
              throwInvalidUnicodeCharacter();
            }
          } else if (char === "\n") {
            str += "\\n";
            i += 2;
          } else {
            str += char;
            i += 2;
          }
        } else {
          const char = text.charAt(i);
          if (char === '"' && text[i - 1] !== "\\") {
            str += `\\${char}`;
            i++;
          } else if (isControlCharacter(char)) {
            str += controlCharacters[char];
            i++;
          } else {
            if (!isValidStringCharacter(char)) {
              throwInvalidCharacter(char);
            }
            str += char;
            i++;
          }
        }
        if (skipEscapeChars) {
          skipEscapeCharacter();
        }
      }
    }
    return false;
  }
  function parseConcatenatedString() {
    let processed2 = false;
    parseWhitespaceAndSkipComments();
    while (text[i] === "+") {
      processed2 = true;
      i++;
      parseWhitespaceAndSkipComments();
      output = stripLastOccurrence(output, '"', true);
      const start = output.length;
      const parsedStr = parseString();
      if (parsedStr) {
        output = removeAtIndex(output, start, 1);
      } else {
        output = insertBeforeLastWhitespace(output, '"');
      }
    }
    return processed2;
  }
  function parseNumber() {
    const start = i;
    let num = "";
    let invalid = false;
    if (text[i] === "-") {
      num += text[i];
      i++;
      if (!isDigit(text[i]) && atEndOfNumber()) {
        num += "0";
      }
    }
    if (text[i] === "0" && isDigit(text[i + 1])) {
      invalid = true;
    }
    while (isDigit(text[i])) {
      num += text[i];
      i++;
    }
    if (text[i] === ".") {
      if (num === "" || num === "-") {
        num += "0";
      }
      num += text[i];
      i++;
      if (!isDigit(text[i])) {
        num += "0";
      }
      while (isDigit(text[i])) {
        num += text[i];
        i++;
      }
    }
    if (i > start) {
      if (text[i] === "e" || text[i] === "E") {
        if (num === "-") {
          invalid = true;
        }
        num += text[i];
        i++;
        if (text[i] === "-" || text[i] === "+") {
          num += text[i];
          i++;
        }
        if (!isDigit(text[i])) {
          num += "0";
        }
        while (isDigit(text[i])) {
          num += text[i];
          i++;
        }
      }
      if (!atEndOfNumber()) {
        i = start;
        return false;
      }
      output += invalid ? `"${text.substring(start, i)}"` : num;
      return true;
    }
    return false;
  }
  function parseKeywords() {
    return parseKeyword("true", "true") || parseKeyword("false", "false") || parseKeyword("null", "null") || // repair Python keywords True, False, None
    parseKeyword("True", "true") || parseKeyword("False", "false") || parseKeyword("None", "null");
  }
  function parseKeyword(name, value) {
    if (text.slice(i, i + name.length) === name && !isFunctionNameChar(text[i + name.length])) {
      output += value;
      i += name.length;
      return true;
    }
    return false;
  }
  function parseUnquotedString(isKey) {
    const start = i;
    if (isFunctionNameCharStart(text[i])) {
      while (i < text.length && isFunctionNameChar(text[i])) {
        i++;
      }
      let j = i;
      while (isWhitespace(text, j)) {
        j++;
      }
      if (text[j] === "(") {
        i = j + 1;
        parseValue();
        if (text[i] === ")") {
          i++;
          if (text[i] === ";") {
            i++;
          }
        }
        return true;
      }
    }
    while (i < text.length && !isUnquotedStringDelimiter(text[i]) && !isQuote(text[i]) && (!isKey || text[i] !== ":")) {
      i++;
    }
    if (text[i - 1] === ":" && regexUrlStart.test(text.substring(start, i + 2))) {
      while (i < text.length && regexUrlChar.test(text[i])) {
        i++;
      }
    }
    if (i > start) {
      while (isWhitespace(text, i - 1) && i > 0) {
        i--;
      }
      const symbol = text.slice(start, i);
      output += symbol === "undefined" ? "null" : JSON.stringify(symbol);
      if (text[i] === '"') {
        i++;
      }
      return true;
    }
  }
  function parseRegex() {
    if (text[i] === "/") {
      const start = i;
      i++;
      while (i < text.length && (text[i] !== "/" || text[i - 1] === "\\")) {
        i++;
      }
      i++;
      output += JSON.stringify(text.substring(start, i));
      return true;
    }
  }
  function prevNonWhitespaceIndex(start) {
    let prev = start;
    while (prev > 0 && isWhitespace(text, prev)) {
      prev--;
    }
    return prev;
  }
  function nextQuoteIsEndQuote(index) {
    let next = index + 1;
    while (next < text.length && isWhitespace(text, next)) {
      next++;
    }
    return next >= text.length || isDelimiter(text[next]);
  }
  function atEndOfNumber() {
    return i >= text.length || isDelimiter(text[i]) || isWhitespace(text, i);
  }
  function throwInvalidCharacter(char) {
    throw new JSONRepairError(`Invalid character ${JSON.stringify(char)}`, i);
  }
  function throwUnexpectedCharacter() {
    throw new JSONRepairError(`Unexpected character ${JSON.stringify(text[i])}`, i);
  }
  function throwUnexpectedEnd() {
    throw new JSONRepairError("Unexpected end of json string", text.length);
  }
  function throwObjectKeyExpected() {
    throw new JSONRepairError("Object key expected", i);
  }
  function throwColonExpected() {
    throw new JSONRepairError("Colon expected", i);
  }
  function throwInvalidUnicodeCharacter() {
    const chars = text.slice(i, i + 6);
    throw new JSONRepairError(`Invalid unicode character "${chars}"`, i);
  }
}
function atEndOfBlockComment(text, i) {
  return text[i] === "*" && text[i + 1] === "/";
}

// src/response/tool-arguments.ts
var MAX_RESEND_CANDIDATES = 64;
function tryParse(text) {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return void 0;
  }
}
function isPlainObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function describe(v) {
  if (Array.isArray(v)) return "an array";
  if (v === null) return "null";
  return `a ${typeof v}`;
}
function splitConcatenatedObjects(text) {
  const parts = [];
  let depth = 0;
  let inString = false;
  let escaped = false;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 92) escaped = true;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) {
      if (depth === 0) return void 0;
      inString = true;
    } else if (c === 123 || c === 91) {
      if (depth === 0) {
        if (c !== 123) return void 0;
        start = i;
      }
      depth++;
    } else if (c === 125 || c === 93) {
      depth--;
      if (depth < 0) return void 0;
      if (depth === 0) parts.push(text.slice(start, i + 1));
    } else if (depth === 0 && c !== 32 && c !== 9 && c !== 10 && c !== 13) {
      return void 0;
    }
  }
  return depth === 0 && !inString ? parts : void 0;
}
function stripWhitespace(s) {
  return s.replace(/\s+/g, "");
}
function dedupeDoubledObject(raw) {
  const parts = splitConcatenatedObjects(raw);
  if (!parts || parts.length < 2) return void 0;
  const values = parts.map(tryParse);
  if (values.some((v) => !v || !isPlainObject(v.value))) return void 0;
  const first = JSON.stringify(values[0].value);
  return values.every((v) => JSON.stringify(v.value) === first) ? values[0] : void 0;
}
function recoverResentSuffix(raw) {
  let from = 1;
  for (let n = 0; n < MAX_RESEND_CANDIDATES; n++) {
    const i = raw.indexOf("{", from);
    if (i < 0) return void 0;
    from = i + 1;
    const suffix = raw.slice(i);
    const parsed = tryParse(suffix);
    if (!parsed || !isPlainObject(parsed.value)) continue;
    if (stripWhitespace(suffix).startsWith(stripWhitespace(raw.slice(0, i)))) return parsed;
  }
  return void 0;
}
function tryRepair(raw) {
  try {
    return { value: JSON.parse(jsonrepair(raw)) };
  } catch {
    return void 0;
  }
}
function success(input, repaired) {
  return { ok: true, input, json: JSON.stringify(input), repaired };
}
function failure(raw, toolName, reason) {
  const input = {
    error: `Cerebras returned arguments for tool "${toolName}" that are not valid JSON: ${reason}`,
    raw_arguments: raw
  };
  return { ok: false, input, json: JSON.stringify(input), error: reason };
}
function unwrapEncodedObject(v) {
  if (typeof v !== "string") return void 0;
  const inner = tryParse(v);
  return inner && isPlainObject(inner.value) ? inner.value : void 0;
}
function parseCerebrasToolArguments(raw, toolName) {
  if (typeof raw !== "string" || raw.trim() === "") return success({}, false);
  const direct = tryParse(raw);
  if (direct) {
    if (isPlainObject(direct.value)) return success(direct.value, false);
    const unwrapped2 = unwrapEncodedObject(direct.value);
    if (unwrapped2) return success(unwrapped2, true);
    return failure(raw, toolName, `expected a JSON object, got ${describe(direct.value)}`);
  }
  const recovered = dedupeDoubledObject(raw) ?? recoverResentSuffix(raw) ?? tryRepair(raw);
  if (!recovered) return failure(raw, toolName, "the text could not be parsed or repaired");
  if (isPlainObject(recovered.value)) return success(recovered.value, true);
  const unwrapped = unwrapEncodedObject(recovered.value);
  if (unwrapped) return success(unwrapped, true);
  return failure(raw, toolName, `expected a JSON object; the best repair gives ${describe(recovered.value)}`);
}

// src/response/usage.ts
function estimateOutputTokens(outputChars) {
  return Math.ceil(outputChars / 4);
}
function count2(v) {
  return typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : void 0;
}
function cerebrasToAnthropicUsage(usage, fallback) {
  const prompt = count2(usage?.prompt_tokens);
  const cached = Math.min(count2(usage?.prompt_tokens_details?.cached_tokens) ?? 0, prompt ?? 0);
  const completion = count2(usage?.completion_tokens);
  return {
    input_tokens: prompt === void 0 ? fallback.inputTokens : prompt - cached,
    output_tokens: completion ?? fallback.outputTokens,
    cache_read_input_tokens: cached,
    cache_creation_input_tokens: 0
  };
}

// src/response/index.ts
function readJsonBody(completion) {
  if (typeof completion !== "string" && !(completion instanceof Uint8Array)) return completion;
  const text = typeof completion === "string" ? completion : new TextDecoder().decode(completion);
  try {
    return JSON.parse(text);
  } catch {
    throw new AnthropicHttpError(
      502,
      "api_error",
      `Cerebras returned a body that is not JSON: ${text.slice(0, 200)}`
    );
  }
}
function looksLikeFlatError(body) {
  return typeof body.message === "string" && (typeof body.type === "string" || typeof body.code === "string");
}
function impliedErrorStatus(body) {
  if (typeof body.status_code === "number") return body.status_code;
  const inner = typeof body.error === "object" && body.error ? body.error : body;
  return inner.type === "too_many_requests_error" ? 429 : 500;
}
function throwIfNotCompletion(body, ctx) {
  if (!body || typeof body !== "object" || Array.isArray(body)) {
    throw new AnthropicHttpError(502, "api_error", "Cerebras returned a response that is not a JSON object");
  }
  const obj = body;
  if (obj.error !== void 0 || !Array.isArray(obj.choices) && looksLikeFlatError(obj)) {
    const mapped2 = cerebrasHttpErrorToAnthropic(impliedErrorStatus(obj), obj, void 0, ctx);
    throw new AnthropicHttpError(
      mapped2.status,
      mapped2.body.error.type,
      mapped2.body.error.message,
      mapped2.headers
    );
  }
  if (!Array.isArray(obj.choices) || obj.choices.length === 0) {
    throw new AnthropicHttpError(502, "api_error", "Cerebras returned a completion without choices");
  }
}
function firstChoice(choices) {
  return choices.find((c) => (c?.index ?? 0) === 0) ?? choices[0];
}
function cerebrasToAnthropicMessage(completion, opts) {
  const body = readJsonBody(completion);
  throwIfNotCompletion(body, opts.errorContext);
  const choice = firstChoice(body.choices);
  const message = choice?.message ?? {};
  const rawContent = typeof message.content === "string" ? message.content : "";
  const upstreamReasoning = message.reasoning ?? message.reasoning_content;
  let reasoning = typeof upstreamReasoning === "string" ? upstreamReasoning : "";
  let text = rawContent;
  const tagged = splitLeadingThinkTag(rawContent);
  if (tagged) {
    reasoning += tagged.reasoning;
    text = tagged.text;
  }
  const content = [];
  if (reasoning)
    content.push({ type: "thinking", thinking: reasoning, signature: CEREBRAS_THINKING_SIGNATURE });
  if (text) content.push({ type: "text", text });
  let argumentChars = 0;
  let hasToolUse = false;
  for (const call of Array.isArray(message.tool_calls) ? message.tool_calls : []) {
    const name = call?.function?.name;
    const raw = typeof call?.function?.arguments === "string" ? call.function.arguments : "";
    argumentChars += raw.length;
    if (typeof name !== "string" || name === "") continue;
    const parsed = parseCerebrasToolArguments(raw, name);
    content.push({ type: "tool_use", id: cerebrasToAnthropicToolUseId(call.id), name, input: parsed.input });
    hasToolUse = true;
  }
  if (content.length === 0) content.push({ type: "text", text: "" });
  const outputChars = (typeof upstreamReasoning === "string" ? upstreamReasoning.length : 0) + rawContent.length;
  return {
    id: opts.messageId ?? newAnthropicMessageId(),
    type: "message",
    role: "assistant",
    model: opts.model,
    content,
    stop_reason: cerebrasFinishToAnthropicStopReason(choice?.finish_reason, hasToolUse),
    stop_sequence: null,
    usage: cerebrasToAnthropicUsage(body.usage, {
      inputTokens: opts.estimatedInputTokens ?? 0,
      outputTokens: estimateOutputTokens(outputChars + argumentChars)
    })
  };
}

// src/stream/message-events.ts
function anthropicMessageToStreamEvents(m) {
  const events = [
    {
      type: "message_start",
      message: {
        ...m,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: { ...m.usage, output_tokens: 0 }
      }
    }
  ];
  m.content.forEach((b, index) => {
    if (b.type === "thinking") {
      events.push(
        {
          type: "content_block_start",
          index,
          content_block: { type: "thinking", thinking: "", signature: "" }
        },
        { type: "content_block_delta", index, delta: { type: "thinking_delta", thinking: b.thinking } },
        { type: "content_block_delta", index, delta: { type: "signature_delta", signature: b.signature } }
      );
    } else if (b.type === "text") {
      events.push({ type: "content_block_start", index, content_block: { type: "text", text: "" } });
      if (b.text)
        events.push({ type: "content_block_delta", index, delta: { type: "text_delta", text: b.text } });
    } else {
      events.push(
        {
          type: "content_block_start",
          index,
          content_block: { type: "tool_use", id: b.id, name: b.name, input: {} }
        },
        {
          type: "content_block_delta",
          index,
          delta: { type: "input_json_delta", partial_json: JSON.stringify(b.input) }
        }
      );
    }
    events.push({ type: "content_block_stop", index });
  });
  events.push(
    {
      type: "message_delta",
      delta: { stop_reason: m.stop_reason, stop_sequence: m.stop_sequence },
      usage: m.usage
    },
    { type: "message_stop" }
  );
  return events;
}
function anthropicStreamEventsToMessage(events) {
  let message;
  const json2 = [];
  for (const e of events) {
    if (e.type === "error") throw e;
    if (e.type === "message_start") message = { ...e.message, content: [] };
    if (!message) continue;
    if (e.type === "content_block_start") {
      message.content[e.index] = { ...e.content_block };
      json2[e.index] = "";
    } else if (e.type === "content_block_delta") {
      const b = message.content[e.index];
      const d = e.delta;
      if (b?.type === "text" && d.type === "text_delta") b.text += d.text;
      else if (b?.type === "thinking" && d.type === "thinking_delta") b.thinking += d.thinking;
      else if (b?.type === "thinking" && d.type === "signature_delta") b.signature = d.signature;
      else if (b?.type === "tool_use" && d.type === "input_json_delta") json2[e.index] += d.partial_json;
    } else if (e.type === "content_block_stop") {
      const b = message.content[e.index];
      if (b?.type === "tool_use") b.input = json2[e.index] ? JSON.parse(json2[e.index]) : {};
    } else if (e.type === "message_delta") {
      message.stop_reason = e.delta.stop_reason;
      message.stop_sequence = e.delta.stop_sequence;
      message.usage = { ...message.usage, ...e.usage };
    }
  }
  if (!message) throw new Error("the stream carried no message");
  return message;
}

// src/stream/think-tag-splitter.ts
var MAX_PROBE = 256;
var NOTHING = { reasoning: "", text: "" };
function partialTagSuffix(s, tag) {
  const max = Math.min(tag.length - 1, s.length);
  for (let n = max; n > 0; n--) {
    if (s.endsWith(tag.slice(0, n))) return n;
  }
  return 0;
}
var LeadingThinkTagSplitter = class {
  state = "probe";
  held = "";
  push(piece) {
    if (this.state === "text") return { reasoning: "", text: piece };
    const buf = this.held + piece;
    this.held = "";
    return this.route(buf);
  }
  /** The content ended: whatever was held back is released. */
  end() {
    const held = this.held;
    this.held = "";
    if (held === "") return NOTHING;
    if (this.state === "inside") return { reasoning: held, text: "" };
    this.state = "text";
    return { reasoning: "", text: held };
  }
  route(buf) {
    switch (this.state) {
      case "probe": {
        const t = buf.trimStart();
        if (t.startsWith(THINK_OPEN_TAG)) {
          this.state = "inside";
          return this.route(t.slice(THINK_OPEN_TAG.length));
        }
        if ((t === "" || THINK_OPEN_TAG.startsWith(t)) && buf.length < MAX_PROBE) {
          this.held = buf;
          return NOTHING;
        }
        this.state = "text";
        return { reasoning: "", text: buf };
      }
      case "inside": {
        const end = buf.indexOf(THINK_CLOSE_TAG);
        if (end >= 0) {
          this.state = "afterClose";
          const after = this.route(buf.slice(end + THINK_CLOSE_TAG.length));
          return { reasoning: buf.slice(0, end), text: after.text };
        }
        const keep = partialTagSuffix(buf, THINK_CLOSE_TAG);
        this.held = buf.slice(buf.length - keep);
        return { reasoning: buf.slice(0, buf.length - keep), text: "" };
      }
      case "afterClose": {
        const t = buf.trimStart();
        if (t === "") return NOTHING;
        this.state = "text";
        return { reasoning: "", text: t };
      }
      default:
        return { reasoning: "", text: buf };
    }
  }
};

// src/stream/tool-call-accumulator.ts
function nonEmpty2(v) {
  return typeof v === "string" && v !== "" ? v : void 0;
}
function isCompleteObject(args) {
  const t = args.trim();
  if (!t.startsWith("{") || !t.endsWith("}")) return false;
  try {
    const v = JSON.parse(t);
    return typeof v === "object" && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}
var CerebrasToolCallAccumulator = class {
  calls = [];
  byIndex = /* @__PURE__ */ new Map();
  byId = /* @__PURE__ */ new Map();
  /** Characters of argument text received, for the output-token estimate. */
  argumentChars = 0;
  get pending() {
    return this.calls.length;
  }
  add(fragment) {
    if (!fragment || typeof fragment !== "object") return;
    const id = nonEmpty2(fragment.id);
    const name = nonEmpty2(fragment.function?.name);
    const args = typeof fragment.function?.arguments === "string" ? fragment.function.arguments : "";
    const index = typeof fragment.index === "number" ? fragment.index : void 0;
    this.argumentChars += args.length;
    const call = id !== void 0 ? this.addWithId(id, name, args, index) : this.addWithoutId(name, args, index);
    if (index !== void 0 && !this.byIndex.has(index)) this.byIndex.set(index, call);
  }
  addWithId(id, name, args, index) {
    const seen = this.byId.get(id);
    if (seen) {
      if (name !== void 0 && name === seen.name && isCompleteObject(args)) seen.args = args;
      else this.append(seen, name, args);
      return seen;
    }
    const slot = index !== void 0 ? this.byIndex.get(index) : void 0;
    if (slot && slot.id === void 0) {
      slot.id = id;
      this.byId.set(id, slot);
      this.append(slot, name, args);
      return slot;
    }
    const call = this.create(id, name, args);
    if (index !== void 0) this.byIndex.set(index, call);
    return call;
  }
  addWithoutId(name, args, index) {
    const slot = index !== void 0 ? this.byIndex.get(index) : void 0;
    if (slot) {
      this.append(slot, name, args);
      return slot;
    }
    const last = this.calls[this.calls.length - 1];
    if (name !== void 0 && (index !== void 0 || !last || last.name !== void 0)) {
      return this.create(void 0, name, args);
    }
    if (last) {
      this.append(last, name, args);
      return last;
    }
    return this.create(void 0, name, args);
  }
  append(call, name, args) {
    if (call.name === void 0 && name !== void 0) call.name = name;
    if (args !== "") call.args += args;
  }
  create(id, name, args) {
    const call = { id, name, args };
    this.calls.push(call);
    if (id !== void 0) this.byId.set(id, call);
    return call;
  }
  /** The calls in start order with parsed arguments; calls that never got a name are dropped. */
  complete() {
    const out = [];
    for (const call of this.calls) {
      if (call.name === void 0) continue;
      out.push({
        id: cerebrasToAnthropicToolUseId(call.id),
        name: call.name,
        arguments: parseCerebrasToolArguments(call.args, call.name)
      });
    }
    return out;
  }
};

// src/stream/translator.ts
var MAX_SSE_BUFFER = 64 * 1024 * 1024;
var TRUNCATED_MESSAGE = "Cerebras stream ended before finish_reason (the response was truncated); retry the request";
var CerebrasToAnthropicStream = class {
  opts;
  decoder = new TextDecoder();
  parser;
  tools = new CerebrasToolCallAccumulator();
  think = new LeadingThinkTagSplitter();
  out = [];
  started = false;
  done = false;
  nextIndex = 0;
  open = "none";
  /** Text or a tool call has been seen: thinking can no longer start (ccr S4). */
  pastThinking = false;
  sawFinish = false;
  finishReason = null;
  usage;
  outputChars = 0;
  constructor(opts) {
    this.opts = opts;
    this.parser = createParser({
      onEvent: (e) => this.onSseEvent(e),
      onError: (err) => {
        if (err.type === "max-buffer-size-exceeded") {
          this.fault(
            anthropicErrorBody("api_error", `Cerebras sent an oversized stream event: ${err.message}`)
          );
        }
      },
      maxBufferSize: MAX_SSE_BUFFER
    });
  }
  /** True after message_stop or an error event; later input is ignored. */
  get finished() {
    return this.done;
  }
  push(chunk) {
    if (this.done) return [];
    const text = typeof chunk === "string" ? chunk : this.decoder.decode(chunk, { stream: true });
    return this.feed(text);
  }
  end() {
    if (this.done) return [];
    const events = this.feed(`${this.decoder.decode()}

`);
    if (this.done) return events;
    this.out = events;
    if (this.sawFinish) this.complete();
    else this.fault(anthropicErrorBody("api_error", TRUNCATED_MESSAGE));
    return this.take();
  }
  fail(err) {
    if (this.done) return [];
    this.fault(transportErrorToAnthropic(err).body);
    return this.take();
  }
  feed(text) {
    try {
      this.parser.feed(text);
    } catch (err) {
      this.fault(anthropicErrorBody("api_error", `Could not read the Cerebras stream: ${String(err)}`));
    }
    return this.take();
  }
  take() {
    const events = this.out;
    this.out = [];
    return events;
  }
  onSseEvent(e) {
    if (this.done) return;
    try {
      if (e.event === "error") this.onErrorEvent(e.data);
      else if (e.data === "[DONE]") this.onDone();
      else this.onData(e.data);
    } catch (err) {
      this.fault(anthropicErrorBody("api_error", `Could not translate the Cerebras stream: ${String(err)}`));
    }
  }
  onErrorEvent(data) {
    let payload;
    try {
      payload = JSON.parse(data);
    } catch {
      payload = { error: { message: data || "Cerebras sent an error event" }, status_code: 500 };
    }
    this.fault(cerebrasStreamErrorToAnthropic(payload, this.opts.errorContext));
  }
  onDone() {
    if (this.sawFinish) this.complete();
    else this.fault(anthropicErrorBody("api_error", TRUNCATED_MESSAGE));
  }
  onData(data) {
    let chunk;
    try {
      chunk = JSON.parse(data);
    } catch {
      this.fault(
        anthropicErrorBody(
          "api_error",
          `Cerebras sent a stream chunk that is not JSON: ${data.slice(0, 200)}`
        )
      );
      return;
    }
    if (!chunk || typeof chunk !== "object") {
      this.fault(
        anthropicErrorBody("api_error", `Cerebras sent a stream chunk that is not an object: ${data}`)
      );
      return;
    }
    if (chunk.error != null) {
      this.fault(cerebrasStreamErrorToAnthropic(chunk, this.opts.errorContext));
      return;
    }
    if (!this.started) this.start();
    if (chunk.usage) this.usage = chunk.usage;
    const choices = chunk.choices;
    if (!Array.isArray(choices)) return;
    for (const choice of choices) {
      if (choice && (choice.index ?? 0) === 0) this.onChoice(choice);
    }
  }
  onChoice(choice) {
    if (this.sawFinish) return;
    const delta = choice.delta;
    if (delta) {
      const reasoning = delta.reasoning ?? delta.reasoning_content;
      if (typeof reasoning === "string" && reasoning !== "") {
        this.outputChars += reasoning.length;
        this.onReasoning(reasoning);
      }
      if (typeof delta.content === "string" && delta.content !== "") {
        this.outputChars += delta.content.length;
        const piece = this.think.push(delta.content);
        if (piece.reasoning !== "") this.onReasoning(piece.reasoning);
        if (piece.text !== "") this.onText(piece.text);
      }
      if (Array.isArray(delta.tool_calls) && delta.tool_calls.length > 0) {
        this.leaveThinking();
        for (const fragment of delta.tool_calls) this.tools.add(fragment);
      }
    }
    if (choice.finish_reason) {
      this.sawFinish = true;
      this.finishReason = choice.finish_reason;
    }
  }
  start() {
    this.started = true;
    this.out.push({
      type: "message_start",
      message: {
        id: this.opts.messageId ?? newAnthropicMessageId(),
        type: "message",
        role: "assistant",
        model: this.opts.model,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: {
          input_tokens: this.opts.estimatedInputTokens ?? 0,
          output_tokens: 0,
          cache_read_input_tokens: 0,
          cache_creation_input_tokens: 0
        }
      }
    });
  }
  onReasoning(text) {
    if (this.pastThinking) return;
    if (this.open !== "thinking") {
      this.open = "thinking";
      this.out.push({
        type: "content_block_start",
        index: this.nextIndex,
        content_block: { type: "thinking", thinking: "", signature: "" }
      });
    }
    this.out.push({
      type: "content_block_delta",
      index: this.nextIndex,
      delta: { type: "thinking_delta", thinking: text }
    });
  }
  onText(text) {
    if (this.open !== "text") {
      this.leaveThinking();
      this.open = "text";
      this.out.push({
        type: "content_block_start",
        index: this.nextIndex,
        content_block: { type: "text", text: "" }
      });
    }
    this.out.push({
      type: "content_block_delta",
      index: this.nextIndex,
      delta: { type: "text_delta", text }
    });
  }
  /** Closes an open thinking block (with its one signature) and forbids a new one. */
  leaveThinking() {
    this.pastThinking = true;
    if (this.open !== "thinking") return;
    this.out.push({
      type: "content_block_delta",
      index: this.nextIndex,
      delta: { type: "signature_delta", signature: CEREBRAS_THINKING_SIGNATURE }
    });
    this.closeBlock();
  }
  closeBlock() {
    this.out.push({ type: "content_block_stop", index: this.nextIndex });
    this.nextIndex++;
    this.open = "none";
  }
  /** The normal end: held text, the open block, the held tool calls, then the message's end. */
  complete() {
    if (!this.started) this.start();
    const tail = this.think.end();
    if (tail.reasoning !== "") this.onReasoning(tail.reasoning);
    if (tail.text !== "") this.onText(tail.text);
    if (this.open === "thinking") this.leaveThinking();
    else if (this.open === "text") this.closeBlock();
    const calls = this.tools.complete();
    for (const call of calls) {
      const index = this.nextIndex++;
      this.out.push(
        {
          type: "content_block_start",
          index,
          content_block: { type: "tool_use", id: call.id, name: call.name, input: {} }
        },
        {
          type: "content_block_delta",
          index,
          delta: { type: "input_json_delta", partial_json: call.arguments.json }
        },
        { type: "content_block_stop", index }
      );
    }
    if (this.nextIndex === 0) {
      this.out.push(
        { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
        { type: "content_block_stop", index: 0 }
      );
      this.nextIndex = 1;
    }
    this.out.push(
      {
        type: "message_delta",
        delta: {
          stop_reason: cerebrasFinishToAnthropicStopReason(this.finishReason, calls.length > 0),
          stop_sequence: null
        },
        usage: cerebrasToAnthropicUsage(this.usage, {
          inputTokens: this.opts.estimatedInputTokens ?? 0,
          outputTokens: estimateOutputTokens(this.outputChars + this.tools.argumentChars)
        })
      },
      { type: "message_stop" }
    );
    this.done = true;
  }
  /** One error event ends the stream; an open block is abandoned (mapping §2.2). */
  fault(body) {
    if (this.done) return;
    this.out.push(body);
    this.done = true;
  }
};

// src/ccr/encoder.ts
var STOP_TO_FINISH = {
  end_turn: "stop",
  max_tokens: "length",
  model_context_window_exceeded: "length",
  tool_use: "tool_calls",
  refusal: "content_filter",
  stop_sequence: "content_filter",
  pause_turn: "stop"
};
function anthropicStopReasonToCcrFinish(reason) {
  return reason ? STOP_TO_FINISH[reason] : "stop";
}
function anthropicUsageToCcrUsage(u) {
  const cached = u.cache_read_input_tokens ?? 0;
  const prompt = u.input_tokens + cached;
  return {
    prompt_tokens: prompt,
    completion_tokens: u.output_tokens,
    total_tokens: prompt + u.output_tokens,
    prompt_tokens_details: { cached_tokens: cached }
  };
}
var CcrChunkEncoder = class {
  head;
  toolCount = 0;
  constructor(id, model, created = Math.floor(Date.now() / 1e3)) {
    this.head = `{"id":${JSON.stringify(id)},"object":"chat.completion.chunk","created":${created},"model":${JSON.stringify(model)},"choices":[{"index":0,`;
  }
  chunk(deltaAndFinish) {
    return `data: ${this.head}${deltaAndFinish}}]}

`;
  }
  /** The SSE text for one Anthropic event, or "" when ccr needs nothing for it. */
  encode(e) {
    switch (e.type) {
      case "message_start":
        return this.chunk(`"delta":{"role":"assistant","content":""},"finish_reason":null`);
      case "content_block_start":
        if (e.content_block.type !== "tool_use") return "";
        this.toolCount++;
        return this.chunk(
          `"delta":{"tool_calls":[{"index":${this.toolCount - 1},"id":${JSON.stringify(e.content_block.id)},"type":"function","function":{"name":${JSON.stringify(e.content_block.name)},"arguments":""}}]},"finish_reason":null`
        );
      case "content_block_delta": {
        const d = e.delta;
        switch (d.type) {
          case "text_delta":
            return d.text ? this.chunk(`"delta":{"content":${JSON.stringify(d.text)}},"finish_reason":null`) : "";
          case "thinking_delta":
            return d.thinking ? this.chunk(
              `"delta":{"thinking":{"content":${JSON.stringify(d.thinking)}}},"finish_reason":null`
            ) : "";
          case "signature_delta":
            return this.chunk(
              `"delta":{"thinking":{"signature":${JSON.stringify(d.signature || "cerebras")}}},"finish_reason":null`
            );
          case "input_json_delta":
            return d.partial_json ? this.chunk(
              `"delta":{"tool_calls":[{"index":${this.toolCount - 1},"function":{"arguments":${JSON.stringify(d.partial_json)}}}]},"finish_reason":null`
            ) : "";
        }
        return "";
      }
      case "message_delta": {
        const finish = anthropicStopReasonToCcrFinish(e.delta.stop_reason);
        const usage = JSON.stringify(anthropicUsageToCcrUsage(e.usage));
        return `data: ${this.head}"delta":{},"finish_reason":"${finish}"}],"usage":${usage}}

`;
      }
      case "message_stop":
        return "data: [DONE]\n\n";
      case "error":
        return `data: ${JSON.stringify({ error: e.error })}

`;
      default:
        return "";
    }
  }
};
function coalesceAnthropicDeltas(events) {
  if (events.length < 2) return events;
  const out = [];
  for (const e of events) {
    const prev = out[out.length - 1];
    if (e.type === "content_block_delta" && prev?.type === "content_block_delta" && prev.index === e.index && prev.delta.type === e.delta.type) {
      if (e.delta.type === "text_delta" && prev.delta.type === "text_delta") {
        out[out.length - 1] = {
          ...prev,
          delta: { type: "text_delta", text: prev.delta.text + e.delta.text }
        };
        continue;
      }
      if (e.delta.type === "thinking_delta" && prev.delta.type === "thinking_delta") {
        out[out.length - 1] = {
          ...prev,
          delta: { type: "thinking_delta", thinking: prev.delta.thinking + e.delta.thinking }
        };
        continue;
      }
    }
    out.push(e);
  }
  return out;
}
function anthropicMessageToCcrCompletion(m) {
  let text = null;
  let thinking;
  const toolCalls = [];
  for (const b of m.content) {
    if (b.type === "text") text = (text ?? "") + b.text;
    else if (b.type === "thinking") thinking = { content: b.thinking, signature: b.signature || "cerebras" };
    else
      toolCalls.push({
        id: b.id,
        type: "function",
        function: { name: b.name, arguments: JSON.stringify(b.input) }
      });
  }
  return {
    id: m.id,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1e3),
    model: m.model,
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: text,
          ...toolCalls.length ? { tool_calls: toolCalls } : {},
          ...thinking ? { thinking } : {}
        },
        finish_reason: anthropicStopReasonToCcrFinish(m.stop_reason)
      }
    ],
    usage: anthropicUsageToCcrUsage(m.usage)
  };
}

// src/ccr/stream.ts
function cerebrasSseToCcrStream(upstream, state, coalesce = true) {
  const translator = new CerebrasToAnthropicStream({
    model: state.model,
    messageId: state.messageId,
    estimatedInputTokens: state.estimatedInputTokens,
    errorContext: state.errorContext
  });
  const encoder = new CcrChunkEncoder(state.messageId, state.model);
  const bytes = new TextEncoder();
  const reader = upstream?.getReader();
  let upstreamDone = !reader;
  const next = async () => {
    if (upstreamDone || !reader) return translator.end();
    try {
      const { done, value } = await reader.read();
      if (done) {
        upstreamDone = true;
        return translator.end();
      }
      return translator.push(value);
    } catch (err) {
      upstreamDone = true;
      return translator.fail(err);
    }
  };
  return new ReadableStream({
    async pull(controller) {
      for (; ; ) {
        const read = await next();
        const events = coalesce ? coalesceAnthropicDeltas(read) : read;
        let enqueued = false;
        for (const e of events) {
          const text = encoder.encode(e);
          if (text) {
            controller.enqueue(bytes.encode(text));
            enqueued = true;
          }
        }
        if (translator.finished || upstreamDone) {
          if (!upstreamDone) reader?.cancel().catch(() => {
          });
          state.release();
          controller.close();
          return;
        }
        if (enqueued) return;
      }
    },
    cancel(reason) {
      state.release();
      return reader?.cancel(reason);
    }
  });
}

// src/ccr/response.ts
var SSE_HEADERS = {
  "Content-Type": "text/event-stream",
  "Cache-Control": "no-cache",
  Connection: "keep-alive"
};
function jsonResponse(message) {
  return new Response(JSON.stringify(anthropicMessageToCcrCompletion(message)), {
    status: 200,
    headers: { "Content-Type": "application/json" }
  });
}
function messageFromJson(text, state) {
  let completion;
  try {
    completion = JSON.parse(text);
  } catch (err) {
    throw new AnthropicHttpError(
      502,
      "api_error",
      `Cerebras returned an unreadable response: ${String(err)}`
    );
  }
  return cerebrasToAnthropicMessage(completion, {
    model: state.model,
    messageId: state.messageId,
    estimatedInputTokens: state.estimatedInputTokens,
    errorContext: state.errorContext
  });
}
async function messageFromSse(body, state) {
  const t = new CerebrasToAnthropicStream({
    model: state.model,
    messageId: state.messageId,
    estimatedInputTokens: state.estimatedInputTokens,
    errorContext: state.errorContext
  });
  const events = [];
  if (body)
    for await (const chunk of body) events.push(...t.push(chunk));
  events.push(...t.end());
  try {
    return anthropicStreamEventsToMessage(events);
  } catch (err) {
    const e = err;
    if (e?.type === "error")
      throw new AnthropicHttpError(
        httpStatusForAnthropicErrorType(e.error.type),
        e.error.type,
        e.error.message
      );
    throw err;
  }
}
function streamOfMessage(message) {
  const encoder = new CcrChunkEncoder(message.id, message.model);
  const bytes = new TextEncoder();
  const chunks = anthropicMessageToStreamEvents(message).map((e) => encoder.encode(e)).filter(Boolean);
  return new ReadableStream({
    pull(controller) {
      const next = chunks.shift();
      if (next === void 0) controller.close();
      else controller.enqueue(bytes.encode(next));
    }
  });
}
async function cerebrasAnswerToCcrResponse(answer, wantsStream, state) {
  const stream = wantsStream ?? answer.sse;
  if (answer.sse && stream) {
    return new Response(cerebrasSseToCcrStream(answer.body, state, state.coalesceDeltas), {
      status: 200,
      headers: SSE_HEADERS
    });
  }
  try {
    const message = answer.sse ? await messageFromSse(answer.body, state) : messageFromJson(answer.text ? await answer.text() : "", state);
    return stream ? new Response(streamOfMessage(message), { status: 200, headers: SSE_HEADERS }) : jsonResponse(message);
  } finally {
    state.release();
  }
}

// src/ccr/transformer.ts
var STATE_KEY = "__ccrCerebras";
var LEVEL_RANK = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };
function randomMessageId() {
  return `msg_${crypto.randomUUID().replace(/-/g, "").slice(0, 24)}`;
}
var CerebrasAnsweredError = class extends AnthropicHttpError {
};
function toCcrError(err) {
  const mapped2 = err instanceof AnthropicHttpError ? err : new AnthropicHttpError(500, "api_error", `ccr-cerebras: ${err?.message ?? String(err)}`);
  const e = new Error(mapped2.message);
  e.statusCode = mapped2.status;
  e.type = mapped2.errorType;
  e.code = err instanceof CerebrasAnsweredError ? "provider_response_error" : mapped2.errorType;
  e.stack = "";
  return e;
}
function resolveCerebrasApiKey(providerKey, env = process.env) {
  const usable = providerKey && !providerKey.startsWith("$") ? providerKey : void 0;
  const key = usable ?? env.CEREBRAS_API_KEY ?? parseCerebrasApiKeys(env.CEREBRAS_API_KEYS)?.[0]?.value;
  if (!key) {
    throw new AnthropicHttpError(
      401,
      "authentication_error",
      `No Cerebras API key: set CEREBRAS_API_KEY (or CEREBRAS_API_KEYS) in the environment ccr starts in (the provider's api_key is ${providerKey ? `"${providerKey}", which is not set` : "empty"}), then run 'ccr restart'.`
    );
  }
  return key;
}
function httpsProxyConfigured(env = process.env) {
  return Boolean(env.HTTPS_PROXY || env.https_proxy || env.httpsProxy || env.PROXY_URL);
}
var CerebrasCcrTransformer = class {
  name;
  logger;
  options;
  liveModels = new LiveModelCache();
  constructor(options) {
    this.options = parsePluginOptions(options);
    this.name = this.options.name;
  }
  log(level, obj, msg) {
    if (LEVEL_RANK[level] < LEVEL_RANK[this.options.logLevel]) return;
    this.logger?.[level]?.({ plugin: this.name, ...obj }, msg);
  }
  async transformRequestIn(_request, provider, context) {
    try {
      const original = context?.req?.body;
      if (!original || typeof original !== "object") {
        throw new AnthropicHttpError(
          500,
          "api_error",
          "ccr-cerebras: ccr passed no original Anthropic request (context.req.body); use it as a provider-level transformer on /v1/messages"
        );
      }
      const t = anthropicToCerebrasRequest(original, {
        defaultModel: this.options.defaultModel,
        modelOverrides: this.options.models,
        extraKnownModels: provider.models,
        maxCompletionTokensCap: this.options.maxCompletionTokens
      });
      for (const w of t.warnings) this.log("warn", { reqId: context.req.id }, w);
      const apiKey = resolveCerebrasApiKey(provider.apiKey);
      const errorContext = { model: t.body.model, modelOverrides: this.options.models };
      const watch = watchClientDisconnect(context.req.raw);
      const state = {
        model: t.requestedModel,
        messageId: randomMessageId(),
        estimatedInputTokens: t.estimatedInputTokens,
        errorContext,
        release: watch.release,
        coalesceDeltas: this.options.coalesceDeltas
      };
      context.req[STATE_KEY] = state;
      this.log(
        "debug",
        { reqId: context.req.id, model: t.body.model, estimatedInputTokens: t.estimatedInputTokens },
        "cerebras request"
      );
      const relay = this.options.relay && !httpsProxyConfigured() ? await sharedRelay(
        this.options.requestLog,
        (err) => this.log("error", { err: String(err) }, "relay did not start; calling Cerebras directly")
      ) : void 0;
      if (relay)
        return await this.callThroughPool(relay, t, provider, apiKey, state, context.req.id, watch.signal);
      return {
        body: t.body,
        config: {
          headers: { Authorization: `Bearer ${apiKey}`, "X-Cerebras-3rd-Party-Integration": "ccr-cerebras" },
          signal: watch.signal
        }
      };
    } catch (err) {
      if (!(err instanceof AnthropicHttpError))
        this.log("error", { err: String(err) }, "request translation failed");
      throw toCcrError(err);
    }
  }
  /**
   * The plugin calls Cerebras itself (key pool, retries, mapped errors) and parks the answer for
   * transformResponseOut; ccr gets a `data:` stand-in to fetch, which costs it nothing.
   */
  async callThroughPool(relay, t, provider, apiKey, state, requestId, signal) {
    const out = await relay.call({
      upstream: provider.baseUrl,
      apiKey,
      body: new TextEncoder().encode(JSON.stringify(t.body)),
      reserveTokens: t.estimatedInputTokens + (t.body.max_completion_tokens ?? 0),
      model: t.body.model,
      requestId,
      signal
    });
    if (out.kind === "aborted") throw new AnthropicHttpError(499, "api_error", "the client went away");
    if (out.kind === "error") {
      const { status, body } = out.mapped;
      let message = body.error.message;
      if (body.error.type === "not_found_error" && this.options.discoverModels) {
        const live = await this.liveModels.get(provider.baseUrl, apiKey);
        if (live) message = modelNotFoundMessage(t.body.model, { ...state.errorContext, liveModels: live });
      }
      throw new CerebrasAnsweredError(status, body.error.type, message, out.mapped.headers);
    }
    state.upstream = parkUpstreamAnswer(out);
    return {
      body: t.body,
      // "undefined" makes ccr drop its default `Authorization: Bearer <key>`, so the key never reaches
      // ccr's debug log of the (stand-in) upstream request.
      config: { url: new URL(HANDOFF_URL), headers: { Authorization: "undefined" }, signal }
    };
  }
  async transformResponseOut(response, context) {
    const state = context?.req?.[STATE_KEY] ?? {
      model: String(context?.req?.body?.model ?? "unknown"),
      messageId: randomMessageId(),
      estimatedInputTokens: 0,
      errorContext: {},
      release: () => {
      },
      coalesceDeltas: this.options.coalesceDeltas
    };
    const parked = state.upstream?.claim();
    const type = parked ? parked.headers["content-type"] ?? "" : response.headers.get("content-type") ?? "";
    const sse = parked ? parked.kind === "stream" : type.includes("text/event-stream");
    const requested = context?.req?.body?.stream;
    try {
      return await cerebrasAnswerToCcrResponse(
        parked?.kind === "json" ? { sse, body: null, text: async () => new TextDecoder().decode(parked.body) } : {
          sse,
          body: parked?.kind === "stream" ? parked.body : response.body,
          text: () => response.text()
        },
        typeof requested === "boolean" ? requested : void 0,
        state
      );
    } catch (err) {
      throw toCcrError(err);
    }
  }
};

// src/ccr/entry.ts
if (require.main === module) {
  runPluginCli(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
module.exports = CerebrasCcrTransformer;

// The key pool: the key pool the ccr plugin calls in process (`call`), its request log, and a status-only
// HTTP endpoint on 127.0.0.1 (token-checked) that `ccr-cerebras status` reads. The endpoint forwards
// nothing: an earlier chat endpoint let any holder of the token send the pool's keys to a URL of their
// choice, and nothing used it any more (issue #11).

import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { AnthropicHttpError, type AnthropicHttpErrorInit } from "../errors";
import { callCerebrasThroughPool, type PoolCallContext, type PoolSettings } from "./forward";
import { DEFAULT_KEY_NAME, type PoolKey, parseCerebrasApiKeys } from "./keys";
import { PoolRegistry } from "./pool-registry";
import { Redactor, urlForLog, urlSecrets } from "./redact";
import { loggableBody, type RequestLogRecord, RequestLogWriter, safeRequestId } from "./request-log";
import { sendAnthropicError } from "./respond";
import { buildRelayStatus } from "./status";
import { removeRelayStatusFile, writeRelayStatusFile } from "./status-file";
import { newRelayToken, POOL_TOKEN_HEADER, poolTokenMatches } from "./token";
import type {
  PoolCallInput,
  PoolCallOutcome,
  PoolService,
  PoolServiceOptions,
  PoolServiceStatus,
} from "./types";

export function resolveRelaySettings(opts: PoolServiceOptions): PoolSettings {
  const r = opts.retry ?? {};
  return {
    maxWaitMs: opts.maxWaitMs ?? 60_000,
    maxRetries: r.maxRetries ?? 4,
    baseDelayMs: r.baseDelayMs ?? 500,
    maxDelayMs: r.maxDelayMs ?? 8000,
    maxTotalMs: r.maxTotalMs ?? 90_000,
    firstEventTimeoutMs: r.firstEventTimeoutMs ?? 60_000,
    streamIdleTimeoutMs: r.streamIdleTimeoutMs ?? 60_000,
    wholeAnswerTimeoutMs: r.wholeAnswerTimeoutMs ?? 600_000,
  };
}

function relayError(
  status: number,
  type: AnthropicHttpErrorInit["type"],
  message: string,
): AnthropicHttpError {
  return new AnthropicHttpError({ status, type, message: `ccr-cerebras relay: ${message}` });
}

function parseUpstream(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  try {
    const u = new URL(raw);
    return u.protocol === "https:" || u.protocol === "http:" ? u.toString() : undefined;
  } catch {
    return undefined;
  }
}

export async function startPoolService(opts: PoolServiceOptions = {}): Promise<PoolService> {
  const settings = resolveRelaySettings(opts);
  const envKeys = parseCerebrasApiKeys((opts.env ?? process.env).CEREBRAS_API_KEYS);
  const fetchImpl = opts.fetchImpl ?? fetch;
  const token = newRelayToken();
  const redactor = new Redactor();
  for (const k of envKeys ?? []) redactor.add(k.value);
  const registry = new PoolRegistry();
  const logger = opts.log ? new RequestLogWriter(opts.log, redactor) : undefined;
  logger?.prune();
  const startedAt = Date.now();
  let url = "";
  const status = (): PoolServiceStatus => buildRelayStatus(url, startedAt, registry.status());

  /** Everything a call needs, from the plugin's arguments. */
  function prepare(input: PoolCallInput): PoolCallContext | AnthropicHttpError {
    const upstream = parseUpstream(input.upstream);
    if (!upstream)
      return relayError(400, "invalid_request_error", "the provider's api_base_url is not an http(s) URL");
    if (input.apiKey) redactor.add(input.apiKey);
    // A gateway token in the URL's query is a secret like a key (issue #11): never copied into a log.
    for (const secret of urlSecrets(upstream)) redactor.add(secret);
    const keys: PoolKey[] | undefined =
      envKeys ?? (input.apiKey ? [{ name: DEFAULT_KEY_NAME, value: input.apiKey }] : undefined);
    if (!keys) {
      return relayError(
        401,
        "authentication_error",
        "no Cerebras API key (set CEREBRAS_API_KEY or CEREBRAS_API_KEYS)",
      );
    }
    const reserve = input.reserveTokens ?? 0;
    const record: RequestLogRecord = {
      requestId: safeRequestId(input.requestId, randomUUID()),
      startedAt: new Date().toISOString(),
      upstream: urlForLog(upstream),
      model: input.cerebrasModel,
      reserveTokens: Number.isFinite(reserve) && reserve > 0 ? reserve : 0,
      request: logger ? loggableBody(input.body) : undefined,
      attempts: [],
      waits: [],
    };
    return {
      pool: registry.get(upstream, keys),
      fetchImpl,
      upstream,
      body: input.body,
      reserve: record.reserveTokens,
      cerebrasModel: input.cerebrasModel,
      stream: input.stream,
      settings,
      signal: input.signal ?? new AbortController().signal,
      redactor,
      record,
      logging: logger !== undefined,
      notice: opts.notice,
    };
  }

  function finish(record: RequestLogRecord): void {
    record.durationMs = Date.now() - Date.parse(record.startedAt);
    logger?.write(record);
  }

  /** One request through the pool: the ccr plugin calls this inside the ccr process. */
  async function call(input: PoolCallInput): Promise<PoolCallOutcome> {
    const ctx = prepare(input);
    if (ctx instanceof AnthropicHttpError) return { kind: "error", error: ctx };
    const out = await callCerebrasThroughPool(ctx, () => finish(ctx.record));
    if (out.kind !== "stream") finish(ctx.record);
    return out;
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (!poolTokenMatches(token, req.headers[POOL_TOKEN_HEADER])) {
      res.setHeader("connection", "close");
      return void sendAnthropicError(
        res,
        relayError(401, "authentication_error", "missing or wrong relay token"),
        redactor,
      );
    }
    const path = new URL(req.url ?? "/", "http://127.0.0.1").pathname;
    if (req.method === "GET" && path === "/_status") {
      const text = redactor.redact(JSON.stringify(status()));
      res.writeHead(200, {
        "content-type": "application/json",
        "content-length": String(Buffer.byteLength(text)),
      });
      return void res.end(text);
    }
    sendAnthropicError(
      res,
      relayError(404, "not_found_error", `${req.method} ${path} does not exist`),
      redactor,
    );
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: Error) => {
      const e = relayError(500, "api_error", String(err?.message ?? err));
      if (!res.headersSent) sendAnthropicError(res, e, redactor);
      else res.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  server.unref();
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  if (opts.statusFile) await writeRelayStatusFile(opts.statusFile, { url, token, pid: process.pid });

  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= (async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      if (opts.statusFile) await removeRelayStatusFile(opts.statusFile, token).catch(() => {});
      await logger?.flush();
    })();
    return closed;
  };
  return { url, token, close, status, call };
}

// A strict Cerebras emulator on 127.0.0.1: POST /v1/chat/completions, GET /v1/models (also
// ?format=openrouter and ?format=huggingface, per account) and GET /v1/models/:id, Bearer auth, flat error bodies and x-ratelimit-* headers.
// See types.ts for the options and the scripting API.

import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type ChatState, handleChat, modelsFor } from "./chat";
import { modelNotFound, pathNotFound, unauthorized } from "./errors";
import { bearerKey, flatHeaders, readBody, sendError, sendJson } from "./http";
import { modelListBody, modelObject, resolveLiveModels } from "./models";
import { PrefixCache } from "./prompt";
import { RateLimiter } from "./rate-limit";
import type { Emulator, EmulatorOptions, KeyBehaviour, LoggedRequest, RecordedRequest } from "./types";

export type * from "./types";

type Route = "chat" | "models" | "model" | "none";

function routeOf(method: string, path: string): Route {
  if (method === "POST" && path === "/v1/chat/completions") return "chat";
  if (method === "GET" && path === "/v1/models") return "models";
  if (method === "GET" && path.startsWith("/v1/models/") && path.length > 11) return "model";
  return "none";
}

export async function startCerebrasEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const keys = new Set([...(opts.keys ?? ["sk-test"]), ...Object.keys(opts.modelsByKey ?? {})]);
  const state: ChatState = {
    models: resolveLiveModels(opts.models),
    modelsByKey: new Map(
      Object.entries(opts.modelsByKey ?? {}).map(([key, models]) => [key, resolveLiveModels(models)]),
    ),
    queue: [],
    limiter: new RateLimiter(opts.rateLimits?.tokensPerMinute, opts.rateLimits?.requestsPerDay),
    cache: new PrefixCache(),
    fingerprint: `fp_${randomBytes(10).toString("hex")}`,
    opts,
  };
  const requests: RecordedRequest[] = [];
  const log: LoggedRequest[] = [];
  const closing = new AbortController();

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const startedAt = Date.now();
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    const method = req.method ?? "GET";
    const raw = (await readBody(req)) ?? "";
    const key = bearerKey(req);
    const rec: LoggedRequest = {
      key,
      headers: flatHeaders(req),
      body: raw,
      status: 0,
      method,
      path: url.pathname,
    };
    log.push(rec);
    const route = routeOf(method, url.pathname);
    if (route === "none") return sendError(res, rec, pathNotFound(method, url.pathname), {});
    if (route === "chat") requests.push(rec);
    const rateHeaders = state.limiter.headers();
    if (key === undefined || !keys.has(key)) return sendError(res, rec, unauthorized(), rateHeaders);
    const format = url.searchParams.get("format");
    if (route === "models") {
      if (format && opts.refuseListingFormat) {
        return sendJson(
          res,
          rec,
          opts.refuseListingFormat,
          { message: `unknown format ${format}`, type: "invalid_request_error", param: "format", code: "" },
          rateHeaders,
        );
      }
      return sendJson(res, rec, 200, modelListBody(modelsFor(state, key), format), rateHeaders);
    }
    if (route === "model") {
      const id = decodeURIComponent(url.pathname.slice("/v1/models/".length));
      if (!modelsFor(state, key).has(id)) return sendError(res, rec, modelNotFound(id), rateHeaders);
      return sendJson(res, rec, 200, modelObject(id), rateHeaders);
    }
    const perRequest = new AbortController();
    res.on("close", () => perRequest.abort());
    const signal = AbortSignal.any([closing.signal, perRequest.signal]);
    await handleChat(state, { res, rec, raw, key, signal, startedAt });
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: Error) => {
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            message: String(err?.stack ?? err),
            type: "api_error",
            param: null,
            code: "internal",
          }),
        );
      } else res.destroy();
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests,
    log,
    enqueue: (...replies) => {
      state.queue.push(...replies);
    },
    pendingReplies: () => state.queue.length,
    setKeyBehaviour: (key: string, b: KeyBehaviour) => {
      keys.add(key);
      state.limiter.setKeyBehaviour(key, b);
    },
    close: () =>
      new Promise<void>((resolve) => {
        closing.abort();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

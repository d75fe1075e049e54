// The Fastify request and reply of the route handler that is running, seen from inside a transformer.
// ccr hands transformers only `{ req }`; the reply (status, headers, body) stays with ccr, which answers
// errors in its own envelope and re-encodes every response. Fastify 5 (bundled by ccr 1.0.73 and 2.0.0)
// runs each route handler inside the `fastify.request.handler` tracing channel; binding an
// AsyncLocalStorage to its `start` channel gives every hook of that handler its { request, reply }.
// @see https://fastify.dev/docs/latest/Reference/Hooks/#diagnostics-channel-hooks
// @see https://nodejs.org/api/diagnostics_channel.html#channelbindstorestore-transform
// @see docs/ccr-exact-answers.md

import { AsyncLocalStorage } from "node:async_hooks";
import diagnostics from "node:diagnostics_channel";
import type { IncomingMessage, ServerResponse } from "node:http";

/** The slice of Fastify's Reply the plugin uses. */
export interface FastifyReplyLike {
  raw: ServerResponse;
  sent: boolean;
  hijack(): unknown;
  getHeaders(): Record<string, string | number | string[] | undefined>;
}

/** The slice of Fastify's Request the plugin uses. */
export interface FastifyRequestLike {
  raw?: IncomingMessage;
  body?: unknown;
  server?: Record<string, unknown>;
}

export interface FastifyHandlerScope {
  request: FastifyRequestLike;
  reply: FastifyReplyLike;
}

/**
 * What the store holds: the handler's scope until its response has closed. Every async resource created
 * inside the handler keeps the store for its whole life, ccr's one-hour `AbortSignal.timeout` among
 * them; holding the request and reply there directly kept each request (and its exchange) for an hour.
 */
interface ScopeHolder {
  current: FastifyHandlerScope | undefined;
}

const scope = new AsyncLocalStorage<ScopeHolder>();
let bound = false;

/** Idempotent; to be called once the plugin is loaded into ccr. */
export function watchFastifyHandlers(): void {
  if (bound) return;
  bound = true;
  diagnostics.tracingChannel("fastify.request.handler").start.bindStore(scope, (message) => {
    const m = message as Partial<FastifyHandlerScope>;
    const holder: ScopeHolder = {
      current: { request: m.request as FastifyRequestLike, reply: m.reply as FastifyReplyLike },
    };
    m.reply?.raw?.once("close", () => {
      holder.current = undefined;
    });
    return holder;
  });
}

/** The handler running in this async context, when its reply can still be written by us. */
export function currentFastifyHandler(): FastifyHandlerScope | undefined {
  const s = scope.getStore()?.current;
  if (!s?.reply || typeof s.reply.hijack !== "function" || !s.reply.raw) return undefined;
  return s;
}

/** A service ccr decorates its Fastify instance with (2.0.0), or keeps on `_server` (1.0.73). */
export function ccrService<T>(request: FastifyRequestLike, name: string): T | undefined {
  const server = request.server as
    | (Record<string, unknown> & { _server?: Record<string, unknown> })
    | undefined;
  return (server?.[name] ?? server?._server?.[name]) as T | undefined;
}

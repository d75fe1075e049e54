// Writes the answer to the client ourselves, as the Anthropic API sends it: the plugin takes over
// (hijacks) Fastify's reply, so ccr neither re-encodes the events nor wraps errors in its envelope.
// Status and headers are decided once (`committed`); after that an error can only be an `event: error`,
// and nothing follows it. While nothing else is written on a stream, a `ping` event goes out every
// `pingIntervalMs` (the Anthropic API sends them too).
// @see https://docs.anthropic.com/en/api/messages-streaming#event-types
// @see https://docs.anthropic.com/en/api/errors

import type { ServerResponse } from "node:http";
import { type AnthropicHttpError, claudeCodeVisibleStatus } from "../errors";
import { newAnthropicRequestId } from "../response/ids";
import { encodeAnthropicSseEvent, encodeAnthropicSseEvents } from "../stream/sse";
import type { AnthropicMessage, AnthropicStreamEvent } from "../wire/anthropic";
import type { FastifyReplyLike } from "./fastify-scope";

const PING = encodeAnthropicSseEvent({ type: "ping" });

/** Headers only a 429 or 529 carries, as the Anthropic API sends them. */
function retryHeaders(err: AnthropicHttpError): Record<string, string> {
  const retryAfter = err.headers["retry-after"];
  return (err.status === 429 || err.status === 529) && retryAfter ? { "retry-after": retryAfter } : {};
}

export class AnthropicClientReply {
  readonly requestId = newAnthropicRequestId();
  private readonly res: ServerResponse;
  private readonly baseHeaders: Record<string, string>;
  private pingTimer: NodeJS.Timeout | undefined;
  private wrote: () => void = () => {};
  /** Settles once status and headers have been written (or the client is gone). */
  readonly firstWrite = new Promise<void>((resolve) => {
    this.wrote = resolve;
  });
  private streaming = false;

  constructor(
    reply: FastifyReplyLike,
    private readonly pingIntervalMs: number,
  ) {
    // Headers ccr's hooks already put on the reply (CORS) are kept.
    const kept: Record<string, string> = {};
    for (const [k, v] of Object.entries(reply.getHeaders()))
      if (v !== undefined && !/^content-(type|length)$/i.test(k)) kept[k] = String(v);
    this.baseHeaders = { ...kept, "request-id": this.requestId };
    reply.hijack();
    this.res = reply.raw;
    this.res.once("close", () => {
      this.stopPings();
      this.wrote();
    });
  }

  /** Status and headers are out: errors can now only travel as an `event: error`. */
  get committed(): boolean {
    return this.res.headersSent;
  }

  get closed(): boolean {
    return this.res.destroyed || this.res.writableEnded;
  }

  /** Fires when the client goes away before the answer is complete. */
  onClientGone(listener: () => void): () => void {
    const onClose = () => {
      if (!this.res.writableFinished) listener();
    };
    this.res.once("close", onClose);
    return () => this.res.off("close", onClose);
  }

  sendMessage(message: AnthropicMessage): void {
    this.sendJson(200, message, {});
  }

  /** An HTTP error before anything was sent; on a started stream, an `event: error` that ends it. */
  async sendError(err: AnthropicHttpError): Promise<void> {
    // The status Claude Code shows at once (a 401 would be retried for minutes; @see src/errors.ts).
    if (!this.committed)
      return this.sendJson(claudeCodeVisibleStatus(err.status), err.body, retryHeaders(err));
    await this.writeEvents([err.body]);
    this.end();
  }

  startStream(): void {
    if (this.committed || this.closed) return;
    this.streaming = true;
    this.res.writeHead(200, {
      ...this.baseHeaders,
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache",
      connection: "keep-alive",
    });
    // No flushHeaders(): the headers leave with the first event, in one write.
    this.pingTimer = setInterval(() => this.ping(), this.pingIntervalMs);
    this.pingTimer.unref();
  }

  /** Writes the events as SSE, waiting for the client to drain what it was sent. */
  async writeEvents(events: readonly AnthropicStreamEvent[]): Promise<void> {
    if (events.length === 0 || this.closed) return;
    if (!this.committed) this.startStream();
    this.pingTimer?.refresh();
    const flowing = this.res.write(encodeAnthropicSseEvents(events));
    this.wrote();
    if (!flowing) await this.drained();
  }

  end(): void {
    this.stopPings();
    if (!this.closed) this.res.end();
  }

  private ping(): void {
    if (!this.streaming || this.closed) return this.stopPings();
    this.res.write(PING);
    this.wrote();
  }

  private stopPings(): void {
    if (this.pingTimer) clearInterval(this.pingTimer);
    this.pingTimer = undefined;
  }

  private drained(): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        this.res.off("drain", done);
        this.res.off("close", done);
        resolve();
      };
      this.res.once("drain", done);
      this.res.once("close", done);
    });
  }

  private sendJson(status: number, body: unknown, extra: Record<string, string>): void {
    if (this.committed || this.closed) return;
    const text = JSON.stringify(body);
    this.res.writeHead(status, {
      ...this.baseHeaders,
      ...extra,
      "content-type": "application/json",
      "content-length": String(Buffer.byteLength(text)),
    });
    this.res.end(text);
    this.wrote();
  }
}

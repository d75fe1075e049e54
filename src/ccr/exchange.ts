// One client request to Cerebras through ccr, from ccr's first hook to the last byte the client gets
// (the way the Anthropic SDK's MessageStream owns one message): it owns the request translation, the
// call through the key pool, the upstream answer between ccr's two hooks, the watch on the client's
// connection, and the mapping of every failure to an Anthropic error.
//
// When ccr runs the route handler inside Fastify's tracing channel (ccr 1.0.73 and 2.0.0 do), the
// exchange answers the client itself — status, headers, body, exactly as the Anthropic API sends them —
// and gives ccr's pipeline a stand-in to finish on. Otherwise (`direct` is false) it falls back to
// speaking the dialect ccr's own converter re-encodes (src/ccr/response.ts).
// @see docs/ccr-exact-answers.md

import {
  AnthropicHttpError,
  asAnthropicHttpError,
  claudeCodeVisibleStatus,
  type ErrorContext,
  modelNotFoundMessage,
} from "../errors";
import type { PoolCallOutcome, PoolService } from "../pool/index";
import {
  anthropicToCerebrasRequest,
  type RequestTranslation,
  type RequestTranslationOptions,
} from "../request/index";
import { newAnthropicMessageId } from "../response/ids";
import { cerebrasSseToAnthropicEvents } from "../stream/event-stream";
import { anthropicMessageToStreamEvents } from "../stream/message-events";
import { CerebrasToAnthropicStream } from "../stream/translator";
import type { AnthropicStreamEvent } from "../wire/anthropic";
import { type DisconnectWatch, watchClientDisconnect } from "./client-disconnect";
import { AnthropicClientReply } from "./client-reply";
import { ccrService, currentFastifyHandler, type FastifyHandlerScope } from "./fastify-scope";
import type { ModelCatalogue } from "./live-models";
import type { PluginOptions } from "./options";
import { HANDOFF_URL, type ParkedAnswer, parkUpstreamAnswer } from "./pool-client";
import { requestedModel } from "./requested-model";
import { cerebrasAnswerToCcrResponse, messageFromCerebrasJson, messageFromCerebrasSse } from "./response";
import type { CcrContext, CcrErrorFields, CcrProvider, CcrRequestOut } from "./types";

/**
 * The error as ccr's handler reads it. One Cerebras answered with (after the pool's retries) is coded
 * `provider_response_error`: ccr 2.0.0 then tries its `fallback` models, as it does when it calls the
 * provider itself.
 */
export function toCcrError(err: unknown): AnthropicHttpError & CcrErrorFields {
  const e = asAnthropicHttpError(err);
  return Object.assign(e.with({}), {
    statusCode: claudeCodeVisibleStatus(e.status),
    type: e.errorType,
    code: e.fromUpstream ? "provider_response_error" : e.errorType,
    stack: "", // keeps the message free of a stack trace, so "prompt is too long: …" reaches Claude Code intact
  });
}

/**
 * What ccr's pipeline finishes on once the exchange has answered: an OpenAI completion its converter
 * reads without complaint. ccr's answer to it is dropped (the reply is ours).
 */
const STAND_IN_COMPLETION = JSON.stringify({
  id: "ccr-cerebras-answered",
  object: "chat.completion",
  choices: [{ index: 0, message: { role: "assistant", content: "" }, finish_reason: "stop" }],
});
const STAND_IN_URL = `data:application/json,${encodeURIComponent(STAND_IN_COMPLETION)}`;

export interface ExchangeSettings {
  options: Pick<
    PluginOptions,
    "defaultModel" | "models" | "maxCompletionTokens" | "discoverModels" | "coalesceDeltas" | "pingIntervalMs"
  >;
  /** Names the live models when Cerebras answers "model not found". */
  catalogue: Pick<ModelCatalogue, "liveIds">;
  warn(message: string): void;
}

/** What a call through the key pool needs besides the translated request. */
interface PoolCall {
  pool: PoolService;
  provider: CcrProvider;
  /** The key used when the pool has no CEREBRAS_API_KEYS of its own. */
  apiKey: string;
  /** ccr's request id, for the request log. */
  requestId?: string;
}

/** Upstream bytes translated before the client's first content goes out (see pumpStream). */
const FIRST_SLICE_BYTES = 1024;

type UpstreamAnswer = Extract<PoolCallOutcome, { kind: "json" } | { kind: "stream" }>;

export class CerebrasExchange {
  readonly messageId = newAnthropicMessageId();
  /** The client's `stream` (ccr forces it to a boolean); undefined when it cannot be read. */
  readonly wantsStream: boolean | undefined;
  private readonly scope: FastifyHandlerScope | undefined;
  private readonly watch: DisconnectWatch;
  private client: AnthropicClientReply | undefined;
  private translation: RequestTranslation | undefined;
  private translator: CerebrasToAnthropicStream | undefined;
  private parked: ParkedAnswer | undefined;
  /** The exchange has answered (or is answering) the client itself. */
  private answered = false;

  constructor(
    private readonly context: CcrContext,
    private readonly settings: ExchangeSettings,
  ) {
    const requested = (context.req?.body as { stream?: unknown } | undefined)?.stream;
    this.wantsStream = typeof requested === "boolean" ? requested : undefined;
    // ccr's own agents (its image agent, `Router.image`) rewrite the answer in ccr's onSend hook, which a
    // taken-over reply would skip: those answers stay with ccr's converter.
    const agents = context.req?.agents;
    const scope = Array.isArray(agents) && agents.length > 0 ? undefined : currentFastifyHandler();
    this.scope = scope && !scope.reply.sent ? scope : undefined;
    this.watch = watchClientDisconnect(context.req?.raw, this.scope?.reply.raw);
  }

  /** The exchange writes the client's answer itself (else ccr's converter does). */
  get direct(): boolean {
    return this.scope !== undefined;
  }

  /** Aborts the Cerebras call when the client goes away (ccr never does, S16). */
  get signal(): AbortSignal {
    return this.watch.signal;
  }

  /** Echoed as the response's `model`: the name the client sent, as the Anthropic API does. */
  get requestedModel(): string {
    const sent = requestedModel(this.context.req?.raw);
    if (sent) return sent;
    return (
      this.translation?.requestedModel ??
      String((this.context.req?.body as { model?: unknown })?.model ?? "unknown")
    );
  }

  private get errorContext(): ErrorContext {
    return { cerebrasModel: this.translation?.body.model, modelOverrides: this.settings.options.models };
  }

  private get responseState() {
    return {
      requestedModel: this.requestedModel,
      messageId: this.messageId,
      estimatedInputTokens: this.translation?.estimatedInputTokens ?? 0,
      errorContext: this.errorContext,
      release: () => this.watch.release(),
      coalesceDeltas: this.settings.options.coalesceDeltas,
    };
  }

  /** Anthropic request → Cerebras request (`context.req.body` is the client's original body). */
  translate(
    provider: CcrProvider,
    listedModels: RequestTranslationOptions["listedModels"],
  ): RequestTranslation {
    const original = this.context?.req?.body;
    if (!original || typeof original !== "object") {
      throw new AnthropicHttpError({
        status: 500,
        type: "api_error",
        message:
          "ccr-cerebras: ccr passed no original Anthropic request (context.req.body); use it as a provider-level transformer on /v1/messages",
      });
    }
    const o = this.settings.options;
    const t = anthropicToCerebrasRequest(original, {
      defaultModel: o.defaultModel,
      modelOverrides: o.models,
      extraKnownModels: provider.models,
      maxCompletionTokens: o.maxCompletionTokens,
      listedModels,
    });
    for (const w of t.warnings) this.settings.warn(w);
    this.translation = t;
    return t;
  }

  /**
   * A failure before Cerebras answered. Direct: the client gets it now and ccr a stand-in to finish on;
   * otherwise it is thrown to ccr's error handler.
   */
  async refuse(err: unknown): Promise<CcrRequestOut> {
    if (!this.direct) {
      this.watch.release();
      throw toCcrError(err);
    }
    // Before anything was sent: an HTTP error; on a stream already started: one `event: error`.
    await this.answer((client) => client.sendError(asAnthropicHttpError(err)));
    return this.standInRequest();
  }

  /** ccr calls Cerebras itself (`relay: false`): its request, with our key and the disconnect signal. */
  requestForCcr(apiKey: string): CcrRequestOut {
    const t = this.requireTranslation();
    return {
      body: t.body,
      config: {
        headers: { Authorization: `Bearer ${apiKey}`, "X-Cerebras-3rd-Party-Integration": "ccr-cerebras" },
        signal: this.signal,
      },
    };
  }

  /**
   * The plugin calls Cerebras through the key pool. Direct: the answer is written to the client as soon
   * as it is known (a stream that waits longer than the ping interval is started early, with pings).
   * Otherwise the answer is parked for transformResponseOut; ccr fetches only a `data:` stand-in.
   */
  async callThroughPool({ pool, provider, apiKey, requestId }: PoolCall): Promise<CcrRequestOut> {
    const t = this.requireTranslation();
    const call = pool.call({
      upstream: provider.baseUrl,
      apiKey,
      body: new TextEncoder().encode(JSON.stringify(t.body)),
      reserveTokens: t.estimatedInputTokens + (t.body.max_completion_tokens ?? 0),
      stream: t.body.stream,
      cerebrasModel: t.body.model,
      requestId,
      signal: this.signal,
    });
    const out = await this.awaitKeepingCompany(call);
    if (out.kind === "aborted") {
      this.watch.release();
      if (this.answered) {
        this.client?.end();
        return this.standInRequest();
      }
      throw toCcrError(
        new AnthropicHttpError({ status: 499, type: "api_error", message: "the client went away" }),
      );
    }
    if (out.kind === "error") {
      let message = out.error.message;
      // A configured model keeps being sent for as long as Cerebras serves it; once Cerebras answers
      // "model not found", the error names the live models (asked from GET /v1/models).
      if (out.error.errorType === "not_found_error" && this.settings.options.discoverModels) {
        const live = await this.settings.catalogue.liveIds(provider.baseUrl, apiKey);
        if (live) message = modelNotFoundMessage(t.body.model, { ...this.errorContext, liveModels: live });
      }
      const err = out.error.with({ message, fromUpstream: true });
      // ccr 2.0.0 answers it from its fallback models, if the scenario has any: leave it to ccr.
      if (!this.answered && this.ccrWillFallBack()) {
        this.watch.release();
        throw toCcrError(err);
      }
      return this.refuse(err);
    }
    if (!this.direct) {
      this.parked = parkUpstreamAnswer(out);
      return {
        body: t.body,
        // "undefined" makes ccr drop its default `Authorization: Bearer <key>`, so the key never reaches
        // ccr's debug log of the (stand-in) upstream request.
        config: { url: new URL(HANDOFF_URL), headers: { Authorization: "undefined" } },
      };
    }
    const answering = this.answer((client) => this.writeUpstreamAnswer(client, out));
    // ccr's pipeline resumes on its stand-in only once the first bytes are out, so its work does not
    // delay them.
    await Promise.race([this.clientReply().firstWrite, answering]);
    return this.standInRequest();
  }

  /** ccr's `transformResponseOut`: the response ccr's converter gets next. */
  async responseForCcr(response: Response): Promise<Response> {
    if (this.direct) {
      // `relay: false`: ccr fetched Cerebras (2xx only; ccr throws for the rest before we see it).
      if (!this.answered) {
        const answer: UpstreamAnswer = response.headers.get("content-type")?.includes("text/event-stream")
          ? {
              kind: "stream",
              status: response.status,
              headers: {},
              body: response.body ?? new ReadableStream(),
            }
          : {
              kind: "json",
              status: response.status,
              headers: {},
              body: new Uint8Array(await response.arrayBuffer()),
            };
        const answering = this.answer((client) => this.writeUpstreamAnswer(client, answer));
        // As with the pool: ccr goes on with its stand-in once the first bytes are out.
        await Promise.race([this.clientReply().firstWrite, answering]);
      }
      return new Response(STAND_IN_COMPLETION, {
        status: 200,
        headers: { "Content-Type": "application/json" },
      });
    }
    const parked = this.parked?.claim();
    const type = parked
      ? (parked.headers["content-type"] ?? "")
      : (response.headers.get("content-type") ?? "");
    const sse = parked ? parked.kind === "stream" : type.includes("text/event-stream");
    try {
      return await cerebrasAnswerToCcrResponse(
        parked?.kind === "json"
          ? { sse, body: null, text: async () => new TextDecoder().decode(parked.body) }
          : {
              sse,
              body: parked?.kind === "stream" ? parked.body : response.body,
              text: () => response.text(),
            },
        this.wantsStream,
        this.responseState,
      );
    } catch (err) {
      throw toCcrError(err);
    }
  }

  private requireTranslation(): RequestTranslation {
    if (!this.translation) throw new Error("ccr-cerebras: the request was not translated");
    return this.translation;
  }

  private standInRequest(): CcrRequestOut {
    return {
      body: this.translation?.body ?? {},
      // No `signal`: ccr would combine it with AbortSignal.timeout(TIMEOUT ?? 3600000), keeping this
      // request's objects reachable for an hour (@see docs/ccr-contract.md §6.2); a data: URL answers at once.
      config: { url: new URL(STAND_IN_URL), headers: { Authorization: "undefined" } },
    };
  }

  private ccrWillFallBack(): boolean {
    if (!this.scope) return false;
    const config = ccrService<{ get(key: string): unknown }>(this.scope.request, "configService");
    const fallback = config?.get?.("fallback") as Record<string, unknown> | undefined;
    const scenario = String(this.context.req.scenarioType ?? "default");
    const list = fallback?.[scenario];
    return Array.isArray(list) && list.length > 0;
  }

  private clientReply(): AnthropicClientReply {
    if (!this.client) {
      if (!this.scope) throw new Error("ccr-cerebras: no reply to write to");
      this.client = new AnthropicClientReply(this.scope.reply, this.settings.options.pingIntervalMs);
      // ccr's formatResponse then returns its (stand-in) JSON instead of piping a stream into our reply.
      for (const body of [this.context.req.body, this.scope.request.body])
        if (body && typeof body === "object") (body as { stream?: unknown }).stream = false;
    }
    return this.client;
  }

  /** Takes over the reply and runs `write`; whatever fails on the way still reaches the client. */
  private async answer(write: (client: AnthropicClientReply) => Promise<void> | void): Promise<void> {
    this.answered = true;
    const client = this.clientReply();
    try {
      await write(client);
    } catch (err) {
      await client.sendError(asAnthropicHttpError(err)).catch(() => {});
    } finally {
      client.end();
      this.watch.release();
    }
  }

  /**
   * Waits for the pool. A streaming client that would otherwise hear nothing for a ping interval (a
   * cooling key, retries) gets its `message_start` and then pings; later failures become `event: error`.
   */
  private async awaitKeepingCompany(call: Promise<PoolCallOutcome>): Promise<PoolCallOutcome> {
    if (!this.direct || this.wantsStream !== true) return call;
    let timer: NodeJS.Timeout | undefined;
    const waited = new Promise<"waited">((resolve) => {
      timer = setTimeout(() => resolve("waited"), this.settings.options.pingIntervalMs);
    });
    const first = await Promise.race([call, waited]);
    clearTimeout(timer);
    if (first !== "waited") return first;
    this.answered = true;
    const client = this.clientReply();
    await client.writeEvents(this.streamTranslator().begin());
    return call;
  }

  private streamTranslator(): CerebrasToAnthropicStream {
    const s = this.responseState;
    this.translator ??= new CerebrasToAnthropicStream({
      requestedModel: s.requestedModel,
      messageId: s.messageId,
      estimatedInputTokens: s.estimatedInputTokens,
      errorContext: s.errorContext,
    });
    return this.translator;
  }

  /** Cerebras' answer → the client, in the form the client asked for (a gateway may ignore `stream`). */
  private async writeUpstreamAnswer(client: AnthropicClientReply, answer: UpstreamAnswer): Promise<void> {
    const stream = this.wantsStream ?? answer.kind === "stream";
    if (answer.kind === "stream" && stream) return this.pumpStream(client, answer.body);
    const message =
      answer.kind === "stream"
        ? await messageFromCerebrasSse(answer.body, this.responseState)
        : messageFromCerebrasJson(new TextDecoder().decode(answer.body), this.responseState);
    if (!stream) return client.sendMessage(message);
    const events = anthropicMessageToStreamEvents(message);
    // A stream already started (pings while waiting) has had its message_start.
    await client.writeEvents(this.translator ? events.filter((e) => e.type !== "message_start") : events);
  }

  /**
   * Upstream reads → translated events → the client, paced by the client. The first read is translated
   * in a small slice first, so the client's first content waits for nothing else.
   */
  private async pumpStream(client: AnthropicClientReply, body: ReadableStream<Uint8Array>): Promise<void> {
    const events = cerebrasSseToAnthropicEvents(body, {
      translator: this.streamTranslator(),
      firstSliceBytes: client.committed ? 0 : FIRST_SLICE_BYTES,
    });
    const reader = events.getReader();
    for (;;) {
      const read = await reader.read();
      if (read.done) return;
      await this.deliver(client, read.value);
      // The client went away: cancelling the translation cancels the upstream (the Cerebras request).
      if (client.closed) return reader.cancel().catch(() => {});
    }
  }

  /** Events to the client; an error before anything was sent is an HTTP error instead. */
  private async deliver(client: AnthropicClientReply, events: AnthropicStreamEvent[]): Promise<void> {
    const only = events.length === 1 ? events[0] : undefined;
    if (only?.type === "error" && !client.committed)
      await client.sendError(AnthropicHttpError.fromBody(only));
    else await client.writeEvents(events);
  }
}

// The class ccr loads (`new (require(path))(options)`): thin glue between ccr's pipeline and the pure
// translation core. One instance serves every request, so per-request facts travel on ccr's request
// object (copied along by ccr 2.0.0's fallback), never on `this`.

import {
  AnthropicHttpError,
  claudeCodeVisibleStatus,
  type ErrorContext,
  modelNotFoundMessage,
} from "../errors";
import type { Relay } from "../relay/index";
import { parseCerebrasApiKeys } from "../relay/keys";
import { anthropicToCerebrasRequest, type RequestTranslation } from "../request/index";
import { watchClientDisconnect } from "./client-disconnect";
import { ModelCatalogue } from "./live-models";
import { type LogLevel, type PluginOptions, parsePluginOptions } from "./options";
import { HANDOFF_URL, type ParkedAnswer, parkUpstreamAnswer, sharedRelay } from "./relay-client";
import { cerebrasAnswerToCcrResponse } from "./response";
import type {
  CcrContext,
  CcrLogger,
  CcrProvider,
  CcrRequestOut,
  CcrThrownError,
  CcrTransformer,
} from "./types";

const STATE_KEY = "__ccrCerebras";

export interface RequestState {
  /** The model name the response echoes. */
  model: string;
  messageId: string;
  estimatedInputTokens: number;
  errorContext: ErrorContext;
  release(): void;
  /** Merge the deltas of one upstream read (option `coalesceDeltas`). */
  coalesceDeltas: boolean;
  /** Cerebras' answer, already fetched by the plugin (relay mode); ccr fetched only a stand-in. */
  upstream?: ParkedAnswer;
}

const LEVEL_RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

function randomMessageId(): string {
  return `msg_${crypto.randomUUID().replace(/-/g, "").slice(0, 24)}`;
}

/**
 * An error Cerebras answered with (after the pool's retries). ccr 2.0.0 tries its `fallback` models for
 * errors coded `provider_response_error`, as it does when it calls the provider itself.
 */
export class CerebrasAnsweredError extends AnthropicHttpError {}

/** ccr's error handler replies `{"error":{"message":message+stack,"type","code"}}` with `statusCode`. */
export function toCcrError(err: unknown): CcrThrownError {
  const mapped =
    err instanceof AnthropicHttpError
      ? err
      : new AnthropicHttpError(500, "api_error", `ccr-cerebras: ${(err as Error)?.message ?? String(err)}`);
  const e = new Error(mapped.message) as CcrThrownError;
  e.statusCode = claudeCodeVisibleStatus(mapped.status);
  e.type = mapped.errorType;
  e.code = err instanceof CerebrasAnsweredError ? "provider_response_error" : mapped.errorType;
  e.stack = ""; // keeps the message free of a stack trace, so "prompt is too long: …" reaches Claude Code intact
  return e;
}

/**
 * The Cerebras key: the provider's interpolated `api_key`, else CEREBRAS_API_KEY, else the first key of
 * the CEREBRAS_API_KEYS pool (the relay then rotates through all of them).
 */
export function resolveCerebrasApiKey(providerKey: string | undefined, env = process.env): string {
  const usable = providerKey && !providerKey.startsWith("$") ? providerKey : undefined;
  const key = usable ?? env.CEREBRAS_API_KEY ?? parseCerebrasApiKeys(env.CEREBRAS_API_KEYS)?.[0]?.value;
  if (!key) {
    throw new AnthropicHttpError(
      401,
      "authentication_error",
      "No Cerebras API key: set CEREBRAS_API_KEY (or CEREBRAS_API_KEYS) in the environment ccr starts in " +
        `(the provider's api_key is ${providerKey ? `"${providerKey}", which is not set` : "empty"}), then run 'ccr restart'.`,
    );
  }
  return key;
}

/** ccr copies its config (PROXY_URL, HTTPS_PROXY, …) into process.env at start; users export them too. */
export function httpsProxyConfigured(env = process.env): boolean {
  return Boolean(env.HTTPS_PROXY || env.https_proxy || env.httpsProxy || env.PROXY_URL);
}

export class CerebrasCcrTransformer implements CcrTransformer {
  readonly name: string;
  logger?: CcrLogger;
  private readonly options: PluginOptions;
  /** Set when `transformers[].options` is invalid: every request answers with it (see invalidOptionsError). */
  private readonly optionsError?: string;
  private readonly catalogue = new ModelCatalogue({
    warn: (message) => this.log("warn", {}, message),
  });

  constructor(options?: unknown) {
    const parsed = parsePluginOptions(options);
    if (parsed.ok) this.options = parsed.options;
    else {
      // Stay loaded (a throw here makes ccr skip the plugin silently) and answer every request with it.
      this.options = (parsePluginOptions(undefined) as { ok: true; options: PluginOptions }).options;
      this.optionsError = parsed.message;
    }
    this.name = parsed.ok ? parsed.options.name : parsed.name;
  }

  /** The error every request gets while the options are invalid; logged once. */
  private invalidOptionsError(): AnthropicHttpError {
    if (!this.optionsErrorLogged) {
      this.optionsErrorLogged = true;
      this.logger?.error?.({ plugin: this.name }, this.optionsError);
    }
    return new AnthropicHttpError(400, "invalid_request_error", this.optionsError as string);
  }

  private optionsErrorLogged = false;

  private log(level: Exclude<LogLevel, "silent">, obj: Record<string, unknown>, msg: string): void {
    if (LEVEL_RANK[level] < LEVEL_RANK[this.options.logLevel]) return;
    this.logger?.[level]?.({ plugin: this.name, ...obj }, msg);
  }

  /**
   * What the account's model listing says (never waits; undefined before the first listing arrives or
   * with `discoverModels: false`, and then the model table decides). @see docs/models.md
   */
  private listedModels(provider: CcrProvider) {
    if (!this.options.discoverModels) return undefined;
    let apiKey: string | undefined;
    try {
      apiKey = resolveCerebrasApiKey(provider.apiKey);
    } catch {
      return undefined; // the missing key is reported by the request itself
    }
    return this.catalogue.facts(provider.baseUrl, apiKey);
  }

  async transformRequestIn(
    _request: unknown,
    provider: CcrProvider,
    context: CcrContext,
  ): Promise<CcrRequestOut> {
    try {
      if (this.optionsError) throw this.invalidOptionsError();
      const original = context?.req?.body;
      if (!original || typeof original !== "object") {
        throw new AnthropicHttpError(
          500,
          "api_error",
          "ccr-cerebras: ccr passed no original Anthropic request (context.req.body); use it as a provider-level transformer on /v1/messages",
        );
      }
      const t = anthropicToCerebrasRequest(original, {
        defaultModel: this.options.defaultModel,
        modelOverrides: this.options.models,
        extraKnownModels: provider.models,
        maxCompletionTokensCap: this.options.maxCompletionTokens,
        listedModels: this.listedModels(provider),
      });
      for (const w of t.warnings) this.log("warn", { reqId: context.req.id }, w);
      const apiKey = resolveCerebrasApiKey(provider.apiKey);
      const errorContext: ErrorContext = { model: t.body.model, modelOverrides: this.options.models };
      const watch = watchClientDisconnect(context.req.raw);
      const state: RequestState = {
        model: t.requestedModel,
        messageId: randomMessageId(),
        estimatedInputTokens: t.estimatedInputTokens,
        errorContext,
        release: watch.release,
        coalesceDeltas: this.options.coalesceDeltas,
      };
      context.req[STATE_KEY] = state;
      this.log(
        "debug",
        { reqId: context.req.id, model: t.body.model, estimatedInputTokens: t.estimatedInputTokens },
        "cerebras request",
      );
      // Behind an HTTP proxy only ccr's own fetch knows the way out (ccr passes its PROXY_URL/HTTPS_PROXY
      // to that fetch, not to ours): let ccr call Cerebras then, without the key pool.
      const relay =
        this.options.relay && !httpsProxyConfigured()
          ? await sharedRelay(
              this.options.requestLog,
              (err) =>
                this.log("error", { err: String(err) }, "relay did not start; calling Cerebras directly"),
              (message) => this.log("warn", {}, message),
            )
          : undefined;
      if (relay)
        return await this.callThroughPool(relay, t, provider, apiKey, state, context.req.id, watch.signal);
      return {
        body: t.body,
        config: {
          headers: { Authorization: `Bearer ${apiKey}`, "X-Cerebras-3rd-Party-Integration": "ccr-cerebras" },
          signal: watch.signal,
        },
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
  private async callThroughPool(
    relay: Relay,
    t: RequestTranslation,
    provider: CcrProvider,
    apiKey: string,
    state: RequestState,
    requestId: string | undefined,
    signal: AbortSignal,
  ): Promise<CcrRequestOut> {
    const out = await relay.call({
      upstream: provider.baseUrl,
      apiKey,
      body: new TextEncoder().encode(JSON.stringify(t.body)),
      reserveTokens: t.estimatedInputTokens + (t.body.max_completion_tokens ?? 0),
      stream: t.body.stream,
      model: t.body.model,
      requestId,
      signal,
    });
    if (out.kind === "aborted") throw new AnthropicHttpError(499, "api_error", "the client went away");
    if (out.kind === "error") {
      const { status, body } = out.mapped;
      let message = body.error.message;
      // A configured model keeps being sent for as long as Cerebras serves it; once Cerebras answers
      // "model not found", the error names the live models (asked from GET /v1/models).
      if (body.error.type === "not_found_error" && this.options.discoverModels) {
        const live = await this.catalogue.liveIds(provider.baseUrl, apiKey);
        if (live) message = modelNotFoundMessage(t.body.model, { ...state.errorContext, liveModels: live });
      }
      throw new CerebrasAnsweredError(status, body.error.type, message, out.mapped.headers);
    }
    state.upstream = parkUpstreamAnswer(out);
    return {
      body: t.body,
      // "undefined" makes ccr drop its default `Authorization: Bearer <key>`, so the key never reaches
      // ccr's debug log of the (stand-in) upstream request. No `signal`: ccr would combine it with
      // AbortSignal.timeout(TIMEOUT ?? 3600000), keeping this request's objects reachable for an hour
      // (@see docs/ccr-contract.md §6.2); the stand-in answers at once, and the pool call has the signal.
      config: { url: new URL(HANDOFF_URL), headers: { Authorization: "undefined" } },
    };
  }

  async transformResponseOut(response: Response, context: CcrContext): Promise<Response> {
    const state = (context?.req?.[STATE_KEY] as RequestState | undefined) ?? {
      model: String((context?.req?.body as { model?: unknown } | undefined)?.model ?? "unknown"),
      messageId: randomMessageId(),
      estimatedInputTokens: 0,
      errorContext: {},
      release: () => {},
      coalesceDeltas: this.options.coalesceDeltas,
    };
    const parked = state.upstream?.claim();
    const type = parked
      ? (parked.headers["content-type"] ?? "")
      : (response.headers.get("content-type") ?? "");
    const sse = parked ? parked.kind === "stream" : type.includes("text/event-stream");
    const requested = (context?.req?.body as { stream?: unknown } | undefined)?.stream;
    try {
      return await cerebrasAnswerToCcrResponse(
        parked?.kind === "json"
          ? { sse, body: null, text: async () => new TextDecoder().decode(parked.body) }
          : {
              sse,
              body: parked?.kind === "stream" ? parked.body : response.body,
              text: () => response.text(),
            },
        typeof requested === "boolean" ? requested : undefined,
        state,
      );
    } catch (err) {
      throw toCcrError(err);
    }
  }
}

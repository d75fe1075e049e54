// The class ccr loads (`new (require(path))(options)`): thin glue between ccr's pipeline and the pure
// translation core. One instance serves every request, so per-request facts travel on ccr's request
// object (copied along by ccr 2.0.0's fallback), never on `this`.

import { AnthropicHttpError } from "../errors";
import { parseCerebrasApiKeys } from "../pool/keys";
import { CerebrasExchange } from "./exchange";
import { watchFastifyHandlers } from "./fastify-scope";
import { ModelCatalogue } from "./live-models";
import { type LogLevel, type PluginOptions, parsePluginOptions } from "./options";
import { sharedPoolService } from "./pool-client";
import { watchRequestedModels } from "./requested-model";
import type { CcrContext, CcrLogger, CcrProvider, CcrRequestOut, CcrTransformer } from "./types";

const EXCHANGE_KEY = "__ccrCerebras";

const LEVEL_RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/**
 * The Cerebras key: the provider's interpolated `api_key`, else CEREBRAS_API_KEY, else the first key of
 * the CEREBRAS_API_KEYS pool (the key pool then rotates through all of them).
 */
export function resolveCerebrasApiKey(providerKey: string | undefined, env = process.env): string {
  const usable = providerKey && !providerKey.startsWith("$") ? providerKey : undefined;
  const key = usable ?? env.CEREBRAS_API_KEY ?? parseCerebrasApiKeys(env.CEREBRAS_API_KEYS)?.[0]?.value;
  if (!key) {
    throw new AnthropicHttpError({
      status: 401,
      type: "authentication_error",
      message:
        "No Cerebras API key: set CEREBRAS_API_KEY (or CEREBRAS_API_KEYS) in the environment ccr starts in " +
        `(the provider's api_key is ${providerKey ? `"${providerKey}", headers: which is not set` : "empty"}), then run 'ccr restart'.`,
    });
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
    watchFastifyHandlers();
    watchRequestedModels();
  }

  /** The error every request gets while the options are invalid; logged once. */
  private invalidOptionsError(): AnthropicHttpError {
    if (!this.optionsErrorLogged) {
      this.optionsErrorLogged = true;
      this.logger?.error?.({ plugin: this.name }, this.optionsError);
    }
    return new AnthropicHttpError({
      status: 400,
      type: "invalid_request_error",
      message: this.optionsError as string,
    });
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

  private exchangeSettings(warn: (message: string) => void) {
    return {
      options: this.options,
      catalogue: this.catalogue,
      warn,
    };
  }

  async transformRequestIn(
    _request: unknown,
    provider: CcrProvider,
    context: CcrContext,
  ): Promise<CcrRequestOut> {
    const reqId = context?.req?.id;
    const exchange = new CerebrasExchange(
      context,
      this.exchangeSettings((w) => this.log("warn", { reqId }, w)),
    );
    if (context?.req) context.req[EXCHANGE_KEY] = exchange;
    try {
      if (this.optionsError) throw this.invalidOptionsError();
      const t = exchange.translate(provider, this.listedModels(provider));
      const apiKey = resolveCerebrasApiKey(provider.apiKey);
      this.log(
        "debug",
        { reqId, model: t.body.model, estimatedInputTokens: t.estimatedInputTokens, direct: exchange.direct },
        "cerebras request",
      );
      // Behind an HTTP proxy only ccr's own fetch knows the way out (ccr passes its PROXY_URL/HTTPS_PROXY
      // to that fetch, not to ours): let ccr call Cerebras then, without the key pool.
      const pool =
        this.options.relay && !httpsProxyConfigured()
          ? await sharedPoolService(
              this.options.requestLog,
              (err) =>
                this.log(
                  "error",
                  { err: String(err) },
                  "the key pool did not start; calling Cerebras directly",
                ),
              (message) => this.log("warn", {}, message),
            )
          : undefined;
      if (pool) return await exchange.callThroughPool({ pool, provider, apiKey, requestId: reqId });
      return exchange.requestForCcr(apiKey);
    } catch (err) {
      if (err instanceof Error && "statusCode" in err) throw err; // already ccr's shape
      if (!(err instanceof AnthropicHttpError))
        this.log("error", { err: String(err) }, "request translation failed");
      return exchange.refuse(err);
    }
  }

  async transformResponseOut(response: Response, context: CcrContext): Promise<Response> {
    const exchange =
      (context?.req?.[EXCHANGE_KEY] as CerebrasExchange | undefined) ??
      new CerebrasExchange(
        context,
        this.exchangeSettings(() => {}),
      );
    return exchange.responseForCcr(response);
  }
}

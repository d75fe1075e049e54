// Pure merging of the ccr-cerebras entries into a ccr (1.0.x / 2.0.x) config object, and their removal.
// Only our entries are touched: one `transformers[]` item (the plugin, by absolute path), the provider
// named `cerebras`, and the Router keys default/background/think when the user has not pointed them
// elsewhere. Everything else keeps its value and key order. See docs/install.md for the reasons.

import { PLUGIN_NAME } from "../ccr/options";
import { isJsonObject, type JsonObject } from "../json-object";
import { chooseDefaultModel, getModelInfo, liveModelIdsFromTable, PREFERRED_DEFAULT_MODELS } from "../models";

export const PROVIDER_NAME = "cerebras";
/** The plugin's default transformer `name` (what `transformer.use` refers to; `options.name` may change it). */
export const TRANSFORMER_NAME = PLUGIN_NAME;
export const PLUGIN_FILE_NAME = "cerebras-transformer.cjs";
export const DEFAULT_BASE_URL = "https://api.cerebras.ai/v1";
/** ccr interpolates `$NAME` in provider keys; the literal key is never written. */
export const API_KEY_REF = "$CEREBRAS_API_KEY";
/** Router.background: the fastest live model for Claude Code's side requests (titles, summaries). */
export const BACKGROUND_MODEL_ID = "gpt-oss-120b";
/** ccr's LOG_LEVEL the installer writes when the config has none. */
export const LOG_LEVEL_WE_SET = "info";
const CHAT_PATH = "/chat/completions";

export interface MergeOptions {
  /** Absolute path of the installed plugin (ccr does not expand `~`). */
  pluginPath: string;
  /** OpenAI-compatible base URL; default: the existing provider's, else DEFAULT_BASE_URL. */
  baseUrl?: string;
  /** Default model; default: the one already configured, else chooseDefaultModel(liveModels). */
  model?: string;
  /** Extra models offered to `/model`. */
  extraModels?: readonly string[];
  /** Model ids Cerebras reported as live; replaces the table's live list when given. */
  liveModels?: readonly string[];
  port?: number;
  routerKey?: string;
  today?: Date;
}

export interface MergeResult {
  config: JsonObject;
  model: string;
  baseUrl: string;
  /** Things the user should know: kept settings, replaced values, removed duplicates. */
  notes: string[];
}

export interface RemoveResult {
  config: JsonObject;
  /** Nothing but what the installer adds is left: the file itself can go. */
  nothingLeft: boolean;
  removed: string[];
  notes: string[];
}

function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf("/"), path.lastIndexOf("\\")) + 1);
}

export function isOurTransformerEntry(entry: unknown): entry is JsonObject {
  return isJsonObject(entry) && typeof entry.path === "string" && baseName(entry.path) === PLUGIN_FILE_NAME;
}

/** The name the plugin registers under: `options.name` when the user set one, else TRANSFORMER_NAME. */
export function ourTransformerName(config: JsonObject): string {
  const name = ourTransformerOptions(config)?.name;
  return typeof name === "string" && name.trim() ? name.trim() : TRANSFORMER_NAME;
}

function usesTransformer(provider: JsonObject, name: string): boolean {
  const transformer = provider.transformer;
  if (!isJsonObject(transformer) || !Array.isArray(transformer.use)) return false;
  return transformer.use.some((u) => u === name || (Array.isArray(u) && u[0] === name));
}

/** `Providers` or `providers`, whichever the file uses (ccr reads `Providers || providers`). */
export function providersKey(config: JsonObject): "Providers" | "providers" {
  if (Array.isArray(config.Providers)) return "Providers";
  if (Array.isArray(config.providers)) return "providers";
  return "Providers";
}

export function findCerebrasProvider(config: JsonObject): JsonObject | undefined {
  const list = config[providersKey(config)];
  if (!Array.isArray(list)) return undefined;
  return list.find((p): p is JsonObject => isJsonObject(p) && p.name === PROVIDER_NAME);
}

export function ourTransformerOptions(config: JsonObject): JsonObject | undefined {
  const list = config.transformers;
  if (!Array.isArray(list)) return undefined;
  const entry = list.find(isOurTransformerEntry);
  return entry && isJsonObject(entry.options) ? entry.options : undefined;
}

/** The model part of a `cerebras,<model>` Router value, or undefined. */
export function cerebrasRouteModel(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const comma = value.indexOf(",");
  if (comma < 0 || value.slice(0, comma).toLowerCase() !== PROVIDER_NAME) return undefined;
  const model = value.slice(comma + 1).trim();
  return model || undefined;
}

/** The default model already recorded in the config (plugin options, then Router.default). */
export function configuredModel(config: JsonObject): string | undefined {
  const fromOptions = ourTransformerOptions(config)?.defaultModel;
  if (typeof fromOptions === "string" && fromOptions) return fromOptions;
  return isJsonObject(config.Router) ? cerebrasRouteModel(config.Router.default) : undefined;
}

export function chatCompletionsUrl(baseUrl: string): string {
  const trimmed = baseUrl.trim().replace(/\/+$/, "");
  return trimmed.endsWith(CHAT_PATH) ? trimmed : `${trimmed}${CHAT_PATH}`;
}

export function baseUrlFromChatUrl(url: string): string {
  return url.endsWith(CHAT_PATH) ? url.slice(0, -CHAT_PATH.length) : url;
}

function isEnvReference(value: unknown): boolean {
  return typeof value === "string" && /^\$(\{[^}]+\}|[A-Z_][A-Z0-9_]*)$/.test(value.trim());
}

function unique(ids: readonly string[]): string[] {
  return [...new Set(ids.map((id) => id.trim()).filter(Boolean))];
}

function isRetiredInTable(id: string, today: Date): boolean {
  const retired = getModelInfo(id).retired;
  return retired !== undefined && retired <= today.toISOString().slice(0, 10);
}

function mergeModels(
  model: string,
  existing: unknown,
  opts: MergeOptions,
  today: Date,
  notes: string[],
): string[] {
  const extras = unique(opts.extraModels ?? []);
  const kept: string[] = [];
  for (const id of Array.isArray(existing) ? existing : []) {
    if (typeof id !== "string") continue;
    const offered = id === model || extras.includes(id) || PREFERRED_DEFAULT_MODELS.includes(id);
    if (!offered && isRetiredInTable(id, today)) {
      notes.push(
        `removed ${id} from the cerebras models: Cerebras retired it on ${getModelInfo(id).retired}`,
      );
      continue;
    }
    kept.push(id);
  }
  const live = opts.liveModels ? unique(opts.liveModels) : liveModelIdsFromTable(today);
  // The preferred defaults stay listed even when retired on shared inference: `/model cerebras,<id>`
  // still routes where a dedicated endpoint or gateway serves them.
  return unique([model, ...extras, ...kept, ...live, BACKGROUND_MODEL_ID, ...PREFERRED_DEFAULT_MODELS]);
}

function mergeTransformers(
  config: JsonObject,
  pluginPath: string,
  model: string,
  notes: string[],
): unknown[] {
  const list = Array.isArray(config.transformers) ? config.transformers : [];
  const ours = list.filter(isOurTransformerEntry);
  if (ours.length > 1) notes.push(`removed ${ours.length - 1} duplicate ccr-cerebras transformers[] entries`);
  const first = ours[0];
  const options = { ...(first && isJsonObject(first.options) ? first.options : {}), defaultModel: model };
  const entry = { ...(first ?? {}), path: pluginPath, options };
  if (!first) return [...list, entry];
  return list.filter((e) => !isOurTransformerEntry(e) || e === first).map((e) => (e === first ? entry : e));
}

function mergeProvider(
  existing: JsonObject | undefined,
  transformerName: string,
  model: string,
  baseUrl: string,
  opts: MergeOptions,
  today: Date,
  notes: string[],
): JsonObject {
  const base = existing ?? {};
  let apiKey: unknown = API_KEY_REF;
  if (isEnvReference(base.api_key)) apiKey = base.api_key;
  else if (base.api_key !== undefined && base.api_key !== "") {
    notes.push(
      `replaced the literal api_key of the cerebras provider with ${API_KEY_REF} (the backup keeps it)`,
    );
  }
  const transformer = base.transformer;
  const expectedTransformer = { use: [transformerName] };
  if (transformer !== undefined && JSON.stringify(transformer) !== JSON.stringify(expectedTransformer)) {
    notes.push(
      `set the cerebras provider's transformer to ${JSON.stringify(expectedTransformer)} (was ${JSON.stringify(transformer)}): other transformers conflict with the plugin`,
    );
  }
  return {
    ...base,
    name: PROVIDER_NAME,
    api_base_url: chatCompletionsUrl(baseUrl),
    api_key: apiKey,
    models: mergeModels(model, base.models, opts, today, notes),
    transformer: expectedTransformer,
  };
}

function mergeRouter(router: unknown, model: string, models: readonly string[], notes: string[]): JsonObject {
  const result: JsonObject = isJsonObject(router) ? { ...router } : {};
  const main = `${PROVIDER_NAME},${model}`;
  const wanted: Array<[key: string, value: string]> = [
    ["default", main],
    ["background", `${PROVIDER_NAME},${BACKGROUND_MODEL_ID}`],
  ];
  for (const [key, value] of wanted) {
    const current = result[key];
    const currentModel = cerebrasRouteModel(current);
    if (current === undefined || current === null || current === "") result[key] = value;
    else if (currentModel === undefined) {
      notes.push(
        `kept Router.${key} = ${JSON.stringify(current)} (set by you); ccr-cerebras code still uses ${main}`,
      );
    } else if (key === "background" ? !models.includes(currentModel) : current !== value) {
      result[key] = value;
    }
  }
  // Claude Code 2.1.x sends `thinking` on every turn and ccr routes any such request to Router.think, so
  // think must equal default (docs/ccr-defects.md#rt3). When the default is the user's own, a cerebras
  // think would take over every turn: it is then left alone.
  const def = result.default;
  const think = result.think;
  const thinkUnset = think === undefined || think === null || think === "";
  if (cerebrasRouteModel(def) !== undefined) {
    if (thinkUnset || (cerebrasRouteModel(think) !== undefined && think !== def)) result.think = def;
    else if (think !== def) {
      notes.push(
        `kept Router.think = ${JSON.stringify(think)} (set by you): Claude Code 2.1.x sends every turn there, not to Router.default`,
      );
    }
  } else if (thinkUnset) {
    notes.push(
      "left Router.think unset: with your own Router.default, a Cerebras think model would take every turn",
    );
  }
  return result;
}

/**
 * Our transformers[] entry remembers the top-level settings the installer added (`setByInstaller`), so
 * that --uninstall removes them too. ccr reads only `path` and `options` of an entry.
 */
function markSetByInstaller(config: JsonObject, key: string): void {
  const entry = Array.isArray(config.transformers)
    ? config.transformers.find(isOurTransformerEntry)
    : undefined;
  if (!entry) return;
  const list = Array.isArray(entry.setByInstaller) ? entry.setByInstaller : [];
  if (!list.includes(key)) entry.setByInstaller = [...list, key];
}

function setByInstaller(config: JsonObject): string[] {
  const entry = Array.isArray(config.transformers)
    ? config.transformers.find(isOurTransformerEntry)
    : undefined;
  return Array.isArray(entry?.setByInstaller)
    ? entry.setByInstaller.filter((k): k is string => typeof k === "string")
    : [];
}

/** Adds or updates the ccr-cerebras entries. Returns a new object; `existing` is not modified. */
export function mergeCerebrasConfig(existing: JsonObject, opts: MergeOptions): MergeResult {
  const today = opts.today ?? new Date();
  const notes: string[] = [];
  const config: JsonObject = structuredClone(existing);
  const model =
    opts.model?.trim() || configuredModel(config) || chooseDefaultModel(opts.liveModels ?? null, today);
  const provider = findCerebrasProvider(config);
  const existingUrl = typeof provider?.api_base_url === "string" ? provider.api_base_url : undefined;
  const baseUrl =
    opts.baseUrl?.trim() || (existingUrl && baseUrlFromChatUrl(existingUrl)) || DEFAULT_BASE_URL;

  if (opts.port !== undefined) config.PORT = opts.port;
  if (opts.routerKey !== undefined) config.APIKEY = opts.routerKey;
  config.transformers = mergeTransformers(config, opts.pluginPath, model, notes);

  const key = providersKey(config);
  const providers = Array.isArray(config[key]) ? (config[key] as unknown[]) : [];
  const merged = mergeProvider(provider, ourTransformerName(config), model, baseUrl, opts, today, notes);
  config[key] = provider ? providers.map((p) => (p === provider ? merged : p)) : [...providers, merged];
  const lookalike = providers.find(
    (p) =>
      isJsonObject(p) &&
      typeof p.name === "string" &&
      p.name !== PROVIDER_NAME &&
      p.name.toLowerCase() === PROVIDER_NAME,
  );
  if (lookalike)
    notes.push(
      `a provider named ${JSON.stringify((lookalike as JsonObject).name)} also exists; ours is "cerebras"`,
    );

  config.Router = mergeRouter(config.Router, model, merged.models as string[], notes);
  if (config.LOG_LEVEL === undefined) {
    // ccr's default "debug" writes every request body (prompts, code) to its log, megabytes per session.
    config.LOG_LEVEL = LOG_LEVEL_WE_SET;
    markSetByInstaller(config, "LOG_LEVEL");
    notes.push(
      `set LOG_LEVEL to "${LOG_LEVEL_WE_SET}": at ccr's default "debug" every request body (your prompts and code) goes into ~/.claude-code-router/logs`,
    );
  } else if (config.LOG !== false && config.LOG_LEVEL === "debug") {
    notes.push(
      'kept your LOG_LEVEL "debug": ccr logs every request body (your prompts and code) into ~/.claude-code-router/logs; "info" does not',
    );
  }
  return { config, model, baseUrl, notes };
}

/** Removes exactly the ccr-cerebras entries: our transformer, our provider, Router keys that point to it. */
export function removeCerebrasConfig(existing: JsonObject): RemoveResult {
  const config: JsonObject = structuredClone(existing);
  const removed: string[] = [];
  const notes: string[] = [];
  const transformerName = ourTransformerName(config);
  if (setByInstaller(config).includes("LOG_LEVEL") && config.LOG_LEVEL === LOG_LEVEL_WE_SET) {
    delete config.LOG_LEVEL;
    removed.push(`LOG_LEVEL (${LOG_LEVEL_WE_SET}, set by the installer)`);
  }

  if (Array.isArray(config.transformers)) {
    const kept = config.transformers.filter((e) => !isOurTransformerEntry(e));
    if (kept.length < config.transformers.length) {
      removed.push("transformers[]: the ccr-cerebras plugin");
      // ccr's own default config has no `transformers` key; an empty list means the same.
      if (kept.length === 0) delete config.transformers;
      else config.transformers = kept;
    }
  }

  const key = providersKey(config);
  const provider = findCerebrasProvider(config);
  if (provider && usesTransformer(provider, transformerName) && Array.isArray(config[key])) {
    config[key] = (config[key] as unknown[]).filter((p) => p !== provider);
    removed.push("Providers[]: cerebras");
    if (isJsonObject(config.Router)) {
      const router: JsonObject = { ...config.Router };
      for (const [name, value] of Object.entries(router)) {
        if (cerebrasRouteModel(value) !== undefined) {
          delete router[name];
          removed.push(`Router.${name} (${String(value)})`);
        }
      }
      config.Router = router;
      if (!("default" in router)) notes.push("Router.default is now unset: choose a default model for ccr");
    }
  } else if (provider) {
    notes.push("kept the provider named cerebras: it does not use the ccr-cerebras transformer");
  }
  if ("PORT" in config || "APIKEY" in config)
    notes.push("kept PORT and APIKEY (ccr settings, not ours alone)");
  return { config, removed, notes, nothingLeft: removed.length > 0 && onlyInstallerScaffolding(config) };
}

function isEmptyValue(value: unknown): boolean {
  return (
    (Array.isArray(value) && value.length === 0) || (isJsonObject(value) && Object.keys(value).length === 0)
  );
}

/** True when `config` holds only empty Providers/Router/transformers (ccr's own empty shape). */
function onlyInstallerScaffolding(config: JsonObject): boolean {
  return Object.entries(config).every(
    ([key, value]) =>
      ["Providers", "providers", "Router", "transformers"].includes(key) && isEmptyValue(value),
  );
}

/** How the installer writes the config: plain JSON, 2-space indent, trailing newline. */
export function serializeConfig(config: JsonObject): string {
  return `${JSON.stringify(config, null, 2)}\n`;
}

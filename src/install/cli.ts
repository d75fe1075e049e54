// The installer's helper CLI, bundled (json5 included) into dist/install-config.cjs so install.sh and the
// ccr-cerebras wrapper need only `node`. Commands:
//   resolve  --config P [--model M] [--base-url U]      → model=… / model_source=flag|config|default /
//                                                        base_url=… (what merge would use)
//   merge    --config P --plugin P [--model M] [--base-url U] [--models a,b] [--live a,b]
//            [--port N] [--router-key K] [--dry-run]
//   remove   --config P [--dry-run]
//   discover --base-url U --model M [--source S] [--timeout-ms N]
//            → live …|live-unknown …, model …, say …, warn …, suggest … (key from env; saves the listing)
//   env      [--config P] [--model M] [--format shell|lines]
//   models   [--config P] [--base-url U] [--timeout-ms N] [--cached]  → the catalogue as the plugin sees it
//   check    --config P [--model M] [--ccr-pid N] [--timeout-ms N]   → problems on stderr (key from env)
//   claude-config --dir D --user-file F                  seeds D/.claude.json (isolated Claude Code config)
// Exit codes: 0 ok, 2 usage error, 3 unreadable or malformed config, 4 plugin options the plugin would
// reject, 5 (check) a problem every request would hit, 1 anything else.

import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import { type ParseArgsConfig, parseArgs } from "node:util";
import {
  accountOf,
  defaultCatalogueFile,
  findCatalogueEntry,
  readCatalogueFile,
  writeCatalogueEntry,
} from "../catalogue-file";
import { parsePluginOptions } from "../ccr/options";
import type { JsonObject } from "../json-object";
import { chooseDefaultModel, type ListedModelFacts, liveModelIdsFromTable } from "../models";
import { fetchModelListing, modelsUrl } from "../models-endpoint";
import { seedIsolatedClaudeJson } from "./claude-config";
import {
  claudeCodeEnv,
  claudeCodeLimits,
  formatExports,
  formatLines,
  pluginOptionsView,
  resolveWrapperModel,
} from "./claude-env";
import {
  baseUrlFromChatUrl,
  configuredModel,
  DEFAULT_BASE_URL,
  findCerebrasProvider,
  mergeCerebrasConfig,
  ourTransformerOptions,
  removeCerebrasConfig,
  serializeConfig,
} from "./config";
import {
  backupConfig,
  ConfigParseError,
  type LoadedConfig,
  loadConfig,
  writeFileAtomic,
} from "./config-file";
import { unifiedDiff } from "./diff";
import { type FetchLike, modelWarnings } from "./discovery";
import { formatCatalogue } from "./models-command";
import { preflightCheck } from "./preflight";

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  env: Record<string, string | undefined>;
  now?: () => Date;
  fetchImpl?: FetchLike;
  /** The environment of another process (ccr), when the system lets us read it. */
  processEnv?: (pid: number) => Record<string, string> | undefined;
}

/** Linux: /proc/<pid>/environ (NUL-separated); undefined elsewhere or when it cannot be read. */
export function readProcessEnv(pid: number): Record<string, string> | undefined {
  try {
    const env: Record<string, string> = {};
    for (const entry of readFileSync(`/proc/${pid}/environ`, "utf8").split("\0")) {
      const eq = entry.indexOf("=");
      if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
    }
    return env;
  } catch {
    return undefined;
  }
}

class UsageError extends Error {}

type Flags = Record<string, string | boolean | undefined>;

const VALUE_FLAGS = [
  "base-url",
  "ccr-pid",
  "config",
  "dir",
  "format",
  "live",
  "model",
  "models",
  "plugin",
  "port",
  "router-key",
  "source",
  "timeout-ms",
  "user-file",
] as const;
const FLAG_OPTIONS: ParseArgsConfig["options"] = {
  ...Object.fromEntries(VALUE_FLAGS.map((name) => [name, { type: "string" as const }])),
  "dry-run": { type: "boolean" },
  cached: { type: "boolean" },
};

/** `--name value`, `--name=value` and the two switches; anything else is a usage error. */
function parseFlags(args: readonly string[]): Flags {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: [...args], options: FLAG_OPTIONS, strict: true, allowPositionals: true });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument: ${parsed.positionals[0]}`);
  return parsed.values as Flags; // no option is `multiple`: never an array
}

function str(flags: Flags, name: string, required = false): string | undefined {
  const value = flags[name];
  if (typeof value === "boolean") throw new UsageError(`--${name} needs a value`);
  if (required && (value === undefined || value === "")) throw new UsageError(`--${name} is required`);
  return value === undefined || value === "" ? undefined : value;
}

function list(flags: Flags, name: string): string[] | undefined {
  const value = str(flags, name);
  return value === undefined ? undefined : value.split(/[\s,]+/).filter(Boolean);
}

function intFlag(flags: Flags, name: string, min: number, max: number): number | undefined {
  const value = str(flags, name);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}`);
  return n;
}

function validModelId(id: string | undefined, flag: string): string | undefined {
  if (id !== undefined && !/^[A-Za-z0-9][A-Za-z0-9._:/-]*$/.test(id))
    throw new UsageError(`--${flag}: not a model id: ${id}`);
  return id;
}

function validUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  if (!/^https?:\/\/[^\s]+$/.test(url)) throw new UsageError(`--base-url must be an http(s) URL, got ${url}`);
  return url;
}

function describeJson5Rewrite(loaded: LoadedConfig): string | undefined {
  if (!loaded.exists || loaded.raw === serializeConfig(loaded.config)) return undefined;
  return "the file is JSON5 or formatted differently: it will be rewritten as plain JSON (comments are dropped, the backup keeps them); the diff compares its contents";
}

function applyChange(loaded: LoadedConfig, next: JsonObject, dryRun: boolean, io: CliIo): void {
  const before = serializeConfig(loaded.config);
  const after = serializeConfig(next);
  if (loaded.exists && before === after) {
    io.stdout(`config: unchanged ${loaded.path}\n`);
    return;
  }
  const verb = loaded.exists ? "update" : "create";
  if (dryRun) {
    io.stdout(`config: would ${verb} ${loaded.path}\n`);
    const rewrite = describeJson5Rewrite(loaded);
    if (rewrite) io.stdout(`note: ${rewrite}\n`);
    const old = loaded.exists ? (rewrite ? before : loaded.raw) : "";
    io.stdout(
      unifiedDiff(old, after, { fromLabel: loaded.exists ? loaded.path : "/dev/null", toLabel: loaded.path }),
    );
    return;
  }
  if (loaded.exists)
    io.stdout(`backup: ${backupConfig(loaded.path, loaded.raw, io.now?.() ?? new Date())}\n`);
  writeFileAtomic(loaded.path, after);
  io.stdout(`config: ${verb}d ${loaded.path}\n`);
}

function cmdResolve(flags: Flags, io: CliIo): number {
  const loaded = loadConfig(str(flags, "config", true)!);
  const provider = findCerebrasProvider(loaded.config);
  const url =
    typeof provider?.api_base_url === "string" ? baseUrlFromChatUrl(provider.api_base_url) : undefined;
  const asked = validModelId(str(flags, "model"), "model");
  const configured = configuredModel(loaded.config);
  const source = asked ? "flag" : configured ? "config" : "default";
  // Offline choice; `discover` replaces a "default" one with the listing's.
  const model = asked ?? configured ?? chooseDefaultModel(null, io.now?.() ?? new Date());
  io.stdout(
    `model=${model}\nmodel_source=${source}\nbase_url=${validUrl(str(flags, "base-url")) ?? url ?? DEFAULT_BASE_URL}\n`,
  );
  return 0;
}

function cmdMerge(flags: Flags, io: CliIo): number {
  const pluginPath = str(flags, "plugin", true)!;
  if (!isAbsolute(pluginPath))
    throw new UsageError(`--plugin must be an absolute path (ccr does not expand ~): ${pluginPath}`);
  const loaded = loadConfig(str(flags, "config", true)!);
  const extraModels = list(flags, "models");
  for (const id of extraModels ?? []) validModelId(id, "models");
  const result = mergeCerebrasConfig(loaded.config, {
    pluginPath,
    baseUrl: validUrl(str(flags, "base-url")),
    model: validModelId(str(flags, "model"), "model"),
    extraModels,
    liveModels: list(flags, "live"),
    port: intFlag(flags, "port", 1, 65535),
    routerKey: str(flags, "router-key"),
    today: io.now?.(),
  });
  for (const note of result.notes) io.stdout(`note: ${note}\n`);
  // The plugin would answer every request with this error: say it now and write nothing.
  const options = parsePluginOptions(ourTransformerOptions(result.config));
  if (!options.ok) {
    io.stderr(`error: ${options.message}\nThe file was left untouched. Fix the options and run again.\n`);
    return 4;
  }
  applyChange(loaded, result.config, flags["dry-run"] === true, io);
  return 0;
}

function cmdRemove(flags: Flags, io: CliIo): number {
  const loaded = loadConfig(str(flags, "config", true)!);
  if (!loaded.exists) {
    io.stdout(`config: nothing to remove (${loaded.path} does not exist)\n`);
    return 0;
  }
  const result = removeCerebrasConfig(loaded.config);
  for (const item of result.removed) io.stdout(`removed: ${item}\n`);
  for (const note of result.notes) io.stdout(`note: ${note}\n`);
  const dryRun = flags["dry-run"] === true;
  if (result.nothingLeft) {
    // Only what the installer added was left ({"Providers":[],"Router":{}} and our LOG_LEVEL): the file goes.
    if (dryRun) {
      io.stdout(`config: would remove ${loaded.path} (nothing else is in it)\n`);
      io.stdout(unifiedDiff(loaded.raw, "", { fromLabel: loaded.path, toLabel: "/dev/null" }));
      return 0;
    }
    io.stdout(`backup: ${backupConfig(loaded.path, loaded.raw, io.now?.() ?? new Date())}\n`);
    rmSync(loaded.path);
    io.stdout(`config: removed ${loaded.path} (nothing else was in it)\n`);
    return 0;
  }
  applyChange(loaded, result.config, dryRun, io);
  return 0;
}

/** Asks the account's listing and keeps it where the plugin and the wrapper read it. */
async function fetchAndSaveListing(
  baseUrl: string,
  flags: Flags,
  io: CliIo,
): Promise<{ models: ListedModelFacts[] | null; reason?: string }> {
  const apiKey = io.env.CEREBRAS_API_KEY;
  const result = await fetchModelListing(baseUrl, apiKey, {
    timeoutMs: intFlag(flags, "timeout-ms", 100, 60_000) ?? 5000,
    fetchImpl: io.fetchImpl,
  });
  const file = defaultCatalogueFile(io.env);
  if (result.models && apiKey && file) {
    try {
      writeCatalogueEntry(file, {
        url: modelsUrl(baseUrl),
        account: accountOf(apiKey),
        fetchedAt: (io.now?.() ?? new Date()).getTime(),
        models: result.models,
      });
    } catch (err) {
      io.stderr(`install-config: could not save the model listing in ${file}: ${(err as Error).message}\n`);
    }
  }
  return result;
}

async function cmdDiscover(flags: Flags, io: CliIo): Promise<number> {
  const baseUrl = validUrl(str(flags, "base-url", true))!;
  let model = validModelId(str(flags, "model", true), "model")!;
  const source = str(flags, "source") ?? "flag";
  if (!["flag", "config", "default"].includes(source))
    throw new UsageError("--source must be flag, config or default");
  const result = await fetchAndSaveListing(baseUrl, flags, io);
  const live = result.models?.map((m) => m.id) ?? null;
  io.stdout(live ? `live ${live.join(" ")}\n` : `live-unknown ${result.reason ?? ""}\n`);
  const today = io.now?.() ?? new Date();
  if (source === "default") {
    model = chooseDefaultModel(live, today);
    const why = !live
      ? `no model listing (${result.reason ?? "unknown"}): the built-in table's best live model`
      : model === "zai-glm-4.7"
        ? "this key is served zai-glm-4.7"
        : model === "gpt-oss-120b"
          ? "zai-glm-4.7 is not served to this key"
          : "neither zai-glm-4.7 nor gpt-oss-120b is served to this key: the first served model";
    io.stdout(`model ${model}\nsay models: default model ${model} (${why})\n`);
    return 0;
  }
  const warnings = modelWarnings(model, live, today);
  for (const warning of warnings) io.stdout(`warn ${warning}\n`);
  if (warnings.length > 0) {
    const choices = (live ?? liveModelIdsFromTable(today)).filter((id) => id !== model);
    if (choices.length > 0) io.stdout(`suggest ${choices.join(" ")}\n`);
  }
  return 0;
}

function configuredBaseUrl(config: JsonObject): string {
  const provider = findCerebrasProvider(config);
  return typeof provider?.api_base_url === "string"
    ? baseUrlFromChatUrl(provider.api_base_url)
    : DEFAULT_BASE_URL;
}

/** The saved listing for the configured base URL and key (never the network: the wrapper must not wait). */
function savedListing(baseUrl: string, io: CliIo) {
  const file = defaultCatalogueFile(io.env);
  const entries = file ? readCatalogueFile(file) : [];
  return findCatalogueEntry(entries, baseUrl, io.env.CEREBRAS_API_KEY);
}

function cmdEnv(flags: Flags, io: CliIo): number {
  const configPath = str(flags, "config");
  const config = configPath ? loadConfig(configPath).config : {};
  const listed = savedListing(configuredBaseUrl(config), io)?.models;
  const model = resolveWrapperModel(config, str(flags, "model"), io.env.CCR_CEREBRAS_MODEL, listed);
  if (!model) {
    io.stderr("ccr-cerebras: the model belongs to another provider; Claude Code limits left unchanged\n");
    return 0;
  }
  const env = claudeCodeEnv(claudeCodeLimits(model, pluginOptionsView(config), listed));
  const format = str(flags, "format") ?? "shell";
  if (format !== "shell" && format !== "lines") throw new UsageError("--format must be shell or lines");
  io.stdout(format === "shell" ? formatExports(env) : formatLines(env));
  return 0;
}

async function cmdCheck(flags: Flags, io: CliIo): Promise<number> {
  const config = loadConfig(str(flags, "config", true)!).config;
  // Options the plugin rejects make it answer every request with a 400: say so before Claude Code starts.
  const options = parsePluginOptions(ourTransformerOptions(config));
  if (!options.ok) {
    io.stderr(
      `ccr-cerebras: ${options.message}\n  Fix: correct transformers[].options in the config, then: ccr restart\n`,
    );
    return 5;
  }
  const model = resolveWrapperModel(config, str(flags, "model"), io.env.CCR_CEREBRAS_MODEL);
  const provider = findCerebrasProvider(config);
  if (!model || typeof provider?.api_base_url !== "string") return 0; // not a Cerebras session
  const pid = intFlag(flags, "ccr-pid", 1, 2 ** 31 - 1);
  const report = await preflightCheck({
    baseUrl: baseUrlFromChatUrl(provider.api_base_url),
    model,
    providerKey: typeof provider.api_key === "string" ? provider.api_key : undefined,
    env: io.env,
    ccr: pid === undefined ? undefined : { pid, env: (io.processEnv ?? readProcessEnv)(pid) },
    timeoutMs: intFlag(flags, "timeout-ms", 100, 60_000) ?? 4000,
    fetchImpl: io.fetchImpl,
  });
  for (const warning of report.warnings) io.stderr(`ccr-cerebras: warning: ${warning}\n`);
  for (const error of report.errors) io.stderr(`ccr-cerebras: ${error}\n`);
  return report.errors.length > 0 ? 5 : 0;
}

function readJsonObject(path: string): JsonObject | undefined {
  if (!existsSync(path)) return undefined;
  const value: unknown = JSON.parse(readFileSync(path, "utf8"));
  return value && typeof value === "object" && !Array.isArray(value) ? (value as JsonObject) : undefined;
}

function cmdClaudeConfig(flags: Flags, io: CliIo): number {
  const dir = str(flags, "dir", true)!;
  const file = join(dir, ".claude.json");
  let user: JsonObject | undefined;
  try {
    user = readJsonObject(str(flags, "user-file", true)!);
  } catch {
    user = undefined; // the user's file is only a source of answers already given; never an obstacle
  }
  let current: JsonObject | undefined;
  try {
    current = readJsonObject(file);
  } catch (err) {
    io.stderr(
      `ccr-cerebras: warning: ${file} is not valid JSON (${(err as Error).message}); left as it is\n`,
    );
    return 0;
  }
  const next = seedIsolatedClaudeJson(current, user);
  if (next) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileAtomic(file, `${JSON.stringify(next, null, 2)}\n`);
  }
  return 0;
}

async function cmdModels(flags: Flags, io: CliIo): Promise<number> {
  const configPath = str(flags, "config");
  const config = configPath ? loadConfig(configPath).config : {};
  const baseUrl = validUrl(str(flags, "base-url")) ?? configuredBaseUrl(config);
  let listing: { models: ListedModelFacts[]; fetchedAt?: number } | undefined;
  let note: string;
  if (flags.cached !== true) {
    const fresh = await fetchAndSaveListing(baseUrl, flags, io);
    if (fresh.models) listing = { models: fresh.models };
    note = fresh.models
      ? `listing of ${modelsUrl(baseUrl)}, fetched now`
      : `the listing could not be read (${fresh.reason ?? "unknown"})`;
  } else note = "--cached";
  if (!listing) {
    const saved = savedListing(baseUrl, io);
    if (saved) {
      listing = saved;
      note += `; saved listing of ${new Date(saved.fetchedAt).toISOString()}`;
    } else note += "; no saved listing: the built-in table";
  }
  io.stdout(
    formatCatalogue({
      listed: listing?.models,
      options: pluginOptionsView(config),
      defaultModel: configuredModel(config),
      today: io.now?.() ?? new Date(),
      note,
    }),
  );
  return 0;
}

export async function runInstallCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    const flags = parseFlags(rest);
    switch (command) {
      case "resolve":
        return cmdResolve(flags, io);
      case "merge":
        return cmdMerge(flags, io);
      case "remove":
        return cmdRemove(flags, io);
      case "discover":
        return await cmdDiscover(flags, io);
      case "env":
        return cmdEnv(flags, io);
      case "models":
        return await cmdModels(flags, io);
      case "check":
        return await cmdCheck(flags, io);
      case "claude-config":
        return cmdClaudeConfig(flags, io);
      default:
        throw new UsageError(
          `unknown command: ${command ?? "(none)"}; use resolve, merge, remove, discover, env, models, check or claude-config`,
        );
    }
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`install-config: ${err.message}\n`);
      return 2;
    }
    if (err instanceof ConfigParseError) {
      io.stderr(
        `error: ${err.message}\nThe file was left untouched. Fix it (ccr cannot start with it either) and run again.\n`,
      );
      return 3;
    }
    io.stderr(`install-config: ${(err as Error).message ?? String(err)}\n`);
    return 1;
  }
}

// The on-disk copy of each account's model listing, `~/.claude-code-router/cerebras-models.json`, shared
// by the plugin (which refreshes it in the background), the installer and the `ccr-cerebras` wrapper's
// helper (which only read it, so starting Claude Code never waits on the network).
// One entry per models URL and account; the account is named by a short hash of its key, never the key.

import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import { dirname, join } from "node:path";
import { isJsonObject } from "./json-object";
import type { ListedModelFacts } from "./models";
import { listedModelFromEntry, modelsUrl } from "./models-endpoint";

export const CATALOGUE_FILE_NAME = "cerebras-models.json";

export interface CatalogueEntry {
  /** `GET …/models` URL the listing came from. */
  url: string;
  /** sha256 of the key, first 12 hex digits (which account it is). */
  account: string;
  /** Epoch milliseconds. */
  fetchedAt: number;
  models: ListedModelFacts[];
}

interface CatalogueFile {
  version: 1;
  entries: CatalogueEntry[];
}

/**
 * `~/.claude-code-router/cerebras-models.json` (HOME as the process sees it, like ccr);
 * CCR_CEREBRAS_MODELS_FILE names another file, or `off` for none (the listing is then kept in memory).
 */
export function defaultCatalogueFile(env: Record<string, string | undefined> = process.env): string | null {
  const set = env.CCR_CEREBRAS_MODELS_FILE?.trim();
  if (set === "off") return null;
  return set || join(env.HOME || homedir(), ".claude-code-router", CATALOGUE_FILE_NAME);
}

export function accountOf(apiKey: string): string {
  return createHash("sha256").update(apiKey).digest("hex").slice(0, 12);
}

/** Every well-formed entry of the file; nothing (never an exception) when it is missing or malformed. */
export function readCatalogueFile(path: string): CatalogueEntry[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch {
    return [];
  }
  if (!isJsonObject(parsed) || parsed.version !== 1 || !Array.isArray(parsed.entries)) return [];
  const out: CatalogueEntry[] = [];
  for (const e of parsed.entries) {
    if (!isJsonObject(e) || typeof e.url !== "string" || typeof e.account !== "string") continue;
    if (typeof e.fetchedAt !== "number" || !Array.isArray(e.models)) continue;
    const models = e.models.map(listedModelFromEntryOnDisk).filter((m) => m !== undefined);
    out.push({ url: e.url, account: e.account, fetchedAt: e.fetchedAt, models });
  }
  return out;
}

/** What we wrote back in: ListedModelFacts field names (not a listing's). */
function listedModelFromEntryOnDisk(m: unknown): ListedModelFacts | undefined {
  if (!isJsonObject(m) || typeof m.id !== "string" || m.id === "") return undefined;
  const base = listedModelFromEntry({ id: m.id });
  if (!base) return undefined;
  const posInt = (v: unknown) => (typeof v === "number" && Number.isSafeInteger(v) && v > 0 ? v : undefined);
  const facts: ListedModelFacts = { ...base };
  if (posInt(m.contextWindow)) facts.contextWindow = m.contextWindow as number;
  if (posInt(m.maxOutput)) facts.maxOutput = m.maxOutput as number;
  if (typeof m.vision === "boolean") facts.vision = m.vision;
  if (typeof m.reasoning === "boolean") facts.reasoning = m.reasoning;
  if (typeof m.deprecated === "boolean") facts.deprecated = m.deprecated;
  if (Array.isArray(m.supportedParameters))
    facts.supportedParameters = m.supportedParameters.filter((p): p is string => typeof p === "string");
  return facts;
}

/** Replaces (or adds) the entry for its url+account; written atomically. Errors are the caller's. */
export function writeCatalogueEntry(path: string, entry: CatalogueEntry): void {
  const others = readCatalogueFile(path).filter((e) => e.url !== entry.url || e.account !== entry.account);
  const file: CatalogueFile = { version: 1, entries: [...others, entry] };
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(file, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, path);
}

/**
 * The entry for `baseUrl` (a base or chat-completions URL) and the account of `apiKey`; without a key,
 * the newest entry for the URL (the wrapper may run where the key is not exported).
 */
export function findCatalogueEntry(
  entries: readonly CatalogueEntry[],
  baseUrl: string,
  apiKey: string | undefined,
): CatalogueEntry | undefined {
  const url = modelsUrl(baseUrl);
  const forUrl = entries.filter((e) => e.url === url);
  if (apiKey) return forUrl.find((e) => e.account === accountOf(apiKey));
  return forUrl.sort((a, b) => b.fetchedAt - a.fetchedAt)[0];
}

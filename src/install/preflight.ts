// The check `ccr-cerebras code` makes before it starts Claude Code, so that what a user must fix (no key,
// a key Cerebras refuses, a model it does not serve, a ccr started without the key) is on screen in
// seconds with the cause and the fix, instead of after Claude Code's retries or behind its generic texts.
// One `GET <base>/models` per key with a hard timeout; an unreachable Cerebras is only a warning (a proxy
// or a gateway may still get through from ccr). @see docs/install.md "The check before Claude Code starts".

import { getModelInfo } from "../models";
import { type FetchLike, liveIdsFromModelsResponse, modelsUrl } from "../models-endpoint";
import { type PoolKey, parseCerebrasApiKeys } from "../pool/keys";

export interface PreflightInput {
  baseUrl: string;
  /** The Cerebras model id the session starts with. */
  model: string;
  /** The cerebras provider's `api_key` as written in config.json (usually `$CEREBRAS_API_KEY`). */
  providerKey?: string;
  /** The environment ccr will start with (the wrapper's own, when ccr is not running yet). */
  env: Record<string, string | undefined>;
  /** A running ccr: its PID, and its environment when the system lets us read it (Linux /proc). */
  ccr?: { pid: number; env?: Record<string, string | undefined> };
  timeoutMs?: number;
  fetchImpl?: FetchLike;
}

export interface PreflightReport {
  /** Problems the user must fix before a session can work: each names the cause and the fix. */
  errors: string[];
  /** Things that could not be checked, or look wrong without being certain. */
  warnings: string[];
}

const GET_KEY = "https://cloud.cerebras.ai";

/** `$NAME` / `${NAME}` → NAME, else undefined (a literal key). */
function envReferenceName(value: string): string | undefined {
  const m = /^\$(?:\{([^}]+)\}|([A-Za-z_][A-Za-z0-9_]*))$/.exec(value.trim());
  return m ? (m[1] ?? m[2]) : undefined;
}

export interface EnvironmentKeys {
  keys: PoolKey[];
  /** Where they come from, for the fix: the pool variable, or the single-key variable. */
  source: string;
}

/**
 * The keys ccr's plugin would use with this environment: the CEREBRAS_API_KEYS pool, else the provider's
 * key (a literal, or the variable it names), else CEREBRAS_API_KEY. `keys` is empty when there is none.
 */
export function keysFromEnvironment(
  env: Record<string, string | undefined>,
  providerKey?: string,
): EnvironmentKeys {
  const pool = parseCerebrasApiKeys(env.CEREBRAS_API_KEYS);
  if (pool) return { keys: pool, source: "CEREBRAS_API_KEYS" };
  const ref = providerKey ? envReferenceName(providerKey) : undefined;
  if (providerKey && !ref && providerKey.trim())
    return { keys: [{ name: "api_key", value: providerKey.trim() }], source: "the provider's api_key" };
  const name = ref && env[ref]?.trim() ? ref : "CEREBRAS_API_KEY";
  const value = env[name]?.trim();
  return { keys: value ? [{ name, value }] : [], source: name };
}

type KeyCheck =
  | { kind: "live"; ids: string[] }
  | { kind: "refused"; status: number }
  | { kind: "unknown"; reason: string };

async function checkKey(
  url: string,
  key: string,
  timeoutMs: number,
  fetchImpl: FetchLike,
): Promise<KeyCheck> {
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await fetchImpl(url, {
      headers: { authorization: `Bearer ${key}`, accept: "application/json" },
      signal,
    });
    if (res.status === 401 || res.status === 403) return { kind: "refused", status: res.status };
    if (!res.ok) return { kind: "unknown", reason: `HTTP ${res.status}` };
    const ids = liveIdsFromModelsResponse(await res.json().catch(() => null));
    return ids && ids.length > 0 ? { kind: "live", ids } : { kind: "unknown", reason: "no model list" };
  } catch (err) {
    return {
      kind: "unknown",
      reason: signal.aborted
        ? `no answer within ${timeoutMs / 1000} s`
        : String((err as Error).message ?? err),
    };
  }
}

function modelNotServed(model: string, live: readonly string[]): string {
  const retired = getModelInfo(model).retired;
  const why = retired ? ` (Cerebras retired it on ${retired})` : "";
  const pick = live[0] ?? "<id>";
  return (
    `model ${model} is not served by Cerebras to this key${why}; it serves: ${live.join(", ")}.\n` +
    `  Fix: ccr-cerebras code --model cerebras,${pick}   (this session)\n` +
    `       ./install.sh --model ${pick}             (the default, from the ccr-cerebras repository)`
  );
}

export async function preflightCheck(input: PreflightInput): Promise<PreflightReport> {
  const errors: string[] = [];
  const warnings: string[] = [];
  const timeoutMs = input.timeoutMs ?? 4000;
  const fetchImpl = input.fetchImpl ?? (globalThis.fetch as unknown as FetchLike);

  let found: EnvironmentKeys;
  if (input.ccr?.env) {
    // ccr is already running: it keeps the environment it was started with, whatever this shell holds.
    found = keysFromEnvironment(input.ccr.env, input.providerKey);
    if (found.keys.length === 0) {
      errors.push(
        `ccr is running (pid ${input.ccr.pid}) without a Cerebras key in its environment, so every request would fail.\n` +
          "  Fix: export CEREBRAS_API_KEY=csk-...   then: ccr restart   (ccr reads the key when it starts)",
      );
      return { errors, warnings };
    }
  } else {
    found = keysFromEnvironment(input.env, input.providerKey);
    // A running ccr whose environment cannot be read may hold a key this shell does not: not an error.
    if (found.keys.length === 0 && !input.ccr) {
      errors.push(
        "no Cerebras key: CEREBRAS_API_KEY is not set in this shell, and ccr starts with this shell's environment.\n" +
          `  Fix: export CEREBRAS_API_KEY=csk-...   (create a key at ${GET_KEY})`,
      );
      return { errors, warnings };
    }
  }
  const keys = found.keys;
  if (keys.length === 0) return { errors, warnings };

  const url = modelsUrl(input.baseUrl);
  const results = await Promise.all(keys.map((k) => checkKey(url, k.value, timeoutMs, fetchImpl)));
  const restart = input.ccr ? "   then: ccr restart" : "";
  results.forEach((r, i) => {
    const name = keys[i]!.name;
    if (r.kind === "refused") {
      const fix =
        found.source === "CEREBRAS_API_KEYS"
          ? `replace the key "${name}" in CEREBRAS_API_KEYS with a valid one from ${GET_KEY}`
          : found.source === "the provider's api_key"
            ? `set a valid key as the cerebras provider's api_key in ~/.claude-code-router/config.json, or "$CEREBRAS_API_KEY"`
            : `export ${found.source}=<a valid key from ${GET_KEY}>`;
      errors.push(
        `Cerebras refused the key ${name} (HTTP ${r.status} from ${url}): it is wrong, revoked or from another account.\n` +
          `  Fix: ${fix}${restart}`,
      );
    } else if (r.kind === "unknown") {
      warnings.push(`could not check the key ${name} at ${url} (${r.reason}); starting anyway`);
    }
  });
  const live = results.find((r) => r.kind === "live");
  if (live?.kind === "live" && !live.ids.includes(input.model))
    errors.push(modelNotServed(input.model, live.ids));
  return { errors, warnings };
}

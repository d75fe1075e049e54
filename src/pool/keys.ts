// The key set of a pool: CEREBRAS_API_KEYS (a JSON object of name → key, or a comma list named key1,
// key2, …) or the provider's single key (named `default`). Error messages never contain a key value.

export interface PoolKey {
  name: string;
  value: string;
}

export const DEFAULT_KEY_NAME = "default";

function fail(why: string): never {
  throw new Error(`ccr-cerebras relay: CEREBRAS_API_KEYS ${why}`);
}

function dedupe(keys: PoolKey[]): PoolKey[] {
  const seen = new Set<string>();
  return keys.filter((k) => !seen.has(k.value) && seen.add(k.value));
}

function fromJson(text: string): PoolKey[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return fail('starts like JSON but does not parse (expected {"name": "key", …})');
  }
  if (Array.isArray(parsed)) {
    return parsed.map((v, i) => {
      if (typeof v !== "string" || !v.trim()) fail(`entry ${i + 1} is not a non-empty string`);
      return { name: `key${i + 1}`, value: v.trim() };
    });
  }
  if (!parsed || typeof parsed !== "object") fail("must be a JSON object of name → key");
  return Object.entries(parsed as Record<string, unknown>).map(([name, v]) => {
    if (typeof v !== "string" || !v.trim()) fail(`entry "${name}" is not a non-empty string`);
    if (!name.trim()) fail("has an entry with an empty name");
    return { name: name.trim(), value: v.trim() };
  });
}

/** Keys from CEREBRAS_API_KEYS, or undefined when it is unset or blank. Throws on a malformed value. */
export function parseCerebrasApiKeys(raw: string | undefined): PoolKey[] | undefined {
  const text = raw?.trim();
  if (!text) return undefined;
  const keys =
    text.startsWith("{") || text.startsWith("[")
      ? fromJson(text)
      : text
          .split(",")
          .map((v) => v.trim())
          .filter(Boolean)
          .map((value, i) => ({ name: `key${i + 1}`, value }));
  if (keys.length === 0) fail("holds no key");
  return dedupe(keys);
}

// Cerebras tool-call `arguments` (a JSON string, sometimes broken) → an Anthropic tool_use `input` object.
// Repairs what models are known to produce: code fences, trailing commas, unclosed brackets, unquoted
// strings (jsonrepair), a doubled object (gpt-oss re-sends the complete arguments after streaming
// them), and a double-encoded JSON string. What cannot be repaired becomes an input that the client's
// schema check rejects visibly, so the model sees its mistake instead of a silent `{}`.

import { jsonrepair } from "jsonrepair";
import { isJsonObject } from "../json-object";

export type ParsedToolArguments =
  | { ok: true; input: Record<string, unknown>; json: string; repaired: boolean }
  | { ok: false; input: Record<string, unknown>; json: string; error: string };

type Attempt = { value: unknown } | undefined;

/** Bounds the re-send search on pathological inputs (the argument strings are normally short). */
const MAX_RESEND_CANDIDATES = 64;

function tryParse(text: string): Attempt {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

function describe(v: unknown): string {
  if (Array.isArray(v)) return "an array";
  if (v === null) return "null";
  return `a ${typeof v}`;
}

/** Splits `{…}{…} {…}` into its top-level objects; undefined unless the text is only such objects. */
export function splitConcatenatedObjects(text: string): string[] | undefined {
  const parts: string[] = [];
  let depth = 0;
  let inString = false;
  let escaped = false;
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (escaped) escaped = false;
      else if (c === 92 /* \ */) escaped = true;
      else if (c === 34 /* " */) inString = false;
      continue;
    }
    if (c === 34) {
      if (depth === 0) return undefined;
      inString = true;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (depth === 0) {
        if (c !== 123) return undefined;
        start = i;
      }
      depth++;
    } else if (c === 125 /* } */ || c === 93 /* ] */) {
      depth--;
      if (depth < 0) return undefined;
      if (depth === 0) parts.push(text.slice(start, i + 1));
    } else if (depth === 0 && c !== 32 && c !== 9 && c !== 10 && c !== 13) {
      return undefined;
    }
  }
  return depth === 0 && !inString ? parts : undefined;
}

function stripWhitespace(s: string): string {
  return s.replace(/\s+/g, "");
}

/** `{"a":1}{"a":1}` (same object twice) → the object; different objects are not guessed at. */
function dedupeDoubledObject(raw: string): Attempt {
  const parts = splitConcatenatedObjects(raw);
  if (!parts || parts.length < 2) return undefined;
  const values = parts.map(tryParse);
  if (values.some((v) => !v || !isJsonObject(v.value))) return undefined;
  const first = JSON.stringify(values[0]!.value);
  return values.every((v) => JSON.stringify(v!.value) === first) ? values[0] : undefined;
}

/** `{"a":1` + `{"a":1}`: a partial stream followed by the complete re-send → the re-sent object. */
function recoverResentSuffix(raw: string): Attempt {
  let from = 1;
  for (let n = 0; n < MAX_RESEND_CANDIDATES; n++) {
    const i = raw.indexOf("{", from);
    if (i < 0) return undefined;
    from = i + 1;
    const suffix = raw.slice(i);
    const parsed = tryParse(suffix);
    if (!parsed || !isJsonObject(parsed.value)) continue;
    if (stripWhitespace(suffix).startsWith(stripWhitespace(raw.slice(0, i)))) return parsed;
  }
  return undefined;
}

function tryRepair(raw: string): Attempt {
  try {
    return { value: JSON.parse(jsonrepair(raw)) };
  } catch {
    return undefined;
  }
}

function success(input: Record<string, unknown>, repaired: boolean): ParsedToolArguments {
  return { ok: true, input, json: JSON.stringify(input), repaired };
}

function failure(raw: string, toolName: string, reason: string): ParsedToolArguments {
  const input = {
    error: `Cerebras returned arguments for tool "${toolName}" that are not valid JSON: ${reason}`,
    raw_arguments: raw,
  };
  return { ok: false, input, json: JSON.stringify(input), error: reason };
}

/** A JSON string whose content is itself a JSON object (double encoding) → that object. */
function unwrapEncodedObject(v: unknown): Record<string, unknown> | undefined {
  if (typeof v !== "string") return undefined;
  const inner = tryParse(v);
  return inner && isJsonObject(inner.value) ? inner.value : undefined;
}

export function parseCerebrasToolArguments(raw: string, toolName: string): ParsedToolArguments {
  if (typeof raw !== "string" || raw.trim() === "") return success({}, false);
  const direct = tryParse(raw);
  if (direct) {
    if (isJsonObject(direct.value)) return success(direct.value, false);
    const unwrapped = unwrapEncodedObject(direct.value);
    if (unwrapped) return success(unwrapped, true);
    return failure(raw, toolName, `expected a JSON object, got ${describe(direct.value)}`);
  }
  const recovered = dedupeDoubledObject(raw) ?? recoverResentSuffix(raw) ?? tryRepair(raw);
  if (!recovered) return failure(raw, toolName, "the text could not be parsed or repaired");
  if (isJsonObject(recovered.value)) return success(recovered.value, true);
  const unwrapped = unwrapEncodedObject(recovered.value);
  if (unwrapped) return success(unwrapped, true);
  return failure(raw, toolName, `expected a JSON object; the best repair gives ${describe(recovered.value)}`);
}

// JSON-Schema constraints that Cerebras rejects but that carry meaning for the model, rewritten as a
// short parenthesised note appended to the property's description.

import { isJsonObject, type JsonObject } from "../json-object";
import { shortJson } from "./input";

function count(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : undefined;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

function json(v: unknown, max = 80): string {
  let s: string | undefined;
  try {
    s = JSON.stringify(v);
  } catch {
    s = undefined;
  }
  return shortJson(s ?? String(v), max);
}

/** "string", "array of string", "integer or null", "one of \"a\", \"b\"", … for notes. */
export function schemaTypeSummary(s: unknown, depth = 0): string {
  if (!isJsonObject(s) || depth > 3) return "any";
  if (Array.isArray(s.enum)) return `one of ${shortJson(s.enum.map((v) => json(v, 40)).join(", "), 80)}`;
  if (Object.hasOwn(s, "const")) return json(s.const);
  if (typeof s.$ref === "string") return s.$ref.slice(s.$ref.lastIndexOf("/") + 1) || "any";
  const union = Array.isArray(s.anyOf) ? s.anyOf : Array.isArray(s.oneOf) ? s.oneOf : undefined;
  if (union) return union.map((b) => schemaTypeSummary(b, depth + 1)).join(" or ");
  const types = Array.isArray(s.type) ? s.type.filter((t) => typeof t === "string") : [s.type];
  const named = types.filter((t): t is string => typeof t === "string");
  if (named.length === 0) return "any";
  return named
    .map((t) => (t === "array" ? `array of ${schemaTypeSummary(s.items, depth + 1)}` : t))
    .join(" or ");
}

/** Notes for the keywords of `s` that are dropped but mean something (format, pattern, bounds, default, …). */
export function constraintNotes(s: JsonObject): string[] {
  const notes: string[] = [];
  if (typeof s.format === "string") notes.push(`format: ${shortJson(s.format, 40)}`);
  if (typeof s.pattern === "string") notes.push(`pattern: ${shortJson(s.pattern, 120)}`);
  const bounds: Array<[string, string, string]> = [
    ["minLength", "at least", "character"],
    ["maxLength", "at most", "character"],
    ["minItems", "at least", "item"],
    ["maxItems", "at most", "item"],
    ["minProperties", "at least", "property"],
    ["maxProperties", "at most", "property"],
  ];
  for (const [key, word, unit] of bounds) {
    const n = count(s[key]);
    if (n !== undefined && !(n === 0 && word === "at least")) {
      notes.push(
        `${word} ${unit === "property" ? `${n} ${n === 1 ? "property" : "properties"}` : plural(n, unit)}`,
      );
    }
  }
  if (s.uniqueItems === true) notes.push("items must be unique");
  if (isJsonObject(s.propertyNames)) {
    const pn = s.propertyNames;
    const rule =
      typeof pn.pattern === "string"
        ? `matching ${shortJson(pn.pattern, 80)}`
        : Array.isArray(pn.enum)
          ? schemaTypeSummary(pn)
          : undefined;
    if (rule) notes.push(`property names ${rule}`);
  }
  if (isJsonObject(s.patternProperties)) {
    for (const [re, sub] of Object.entries(s.patternProperties)) {
      notes.push(`properties matching ${shortJson(re, 60)}: ${schemaTypeSummary(sub)}`);
    }
  }
  if (Object.hasOwn(s, "default") && s.default !== undefined) notes.push(`default: ${json(s.default)}`);
  return notes;
}

/** `description` with the notes appended as ` (a; b; c)`; undefined when both are empty. */
export function describeWithNotes(description: unknown, notes: readonly string[]): string | undefined {
  const base = typeof description === "string" && description !== "" ? description : undefined;
  if (notes.length === 0) return base;
  const text = `(${notes.join("; ")})`;
  return base ? `${base} ${text}` : text;
}

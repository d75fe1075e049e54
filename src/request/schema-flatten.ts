// The first half of the tool-schema sanitiser: reading an arbitrary JSON Schema node into one flat
// node (allOf merged, `$ref`s inlined where needed, draft-4 / OpenAPI forms, oneOf, const, nullable
// normalised), and resolving `$defs` / `definitions` references. Never mutates its input.

import { isJsonObject, type JsonObject } from "../json-object";
import { constraintNotes } from "./schema-notes";

export type JsonSchema = Record<string, unknown>;

export const SCHEMA_TYPES = new Set(["string", "number", "integer", "boolean", "object", "array", "null"]);
export const NUMERIC_KEYS = [
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
] as const;
export const OBJECT_KEYS = ["properties", "required", "additionalProperties"];
export const ARRAY_KEYS = ["items", "prefixItems"];
/** Keys that shape the value (the rest are annotations or notes, kept at the outer node). */
export const STRUCTURAL_KEYS = new Set([
  "type",
  "enum",
  "anyOf",
  "$ref",
  ...OBJECT_KEYS,
  ...ARRAY_KEYS,
  ...NUMERIC_KEYS,
]);
const FLATTEN_GUARD = 64;

export interface DefEntry {
  raw: unknown;
  key: string;
}
export interface Ctx {
  defs: Map<string, DefEntry>;
  names: Map<string, string>; // def key → output name
  out: Map<string, JsonSchema>; // output name → sanitised schema
  active: Set<string>; // def keys being expanded (a reference back to one is a cycle)
}

export function setOwn(obj: JsonSchema, key: string, value: unknown): void {
  Object.defineProperty(obj, key, { value, enumerable: true, writable: true, configurable: true });
}

export function typeList(t: unknown): string[] {
  const list = Array.isArray(t) ? t : [t];
  const out: string[] = [];
  for (const x of list) if (typeof x === "string" && SCHEMA_TYPES.has(x) && !out.includes(x)) out.push(x);
  return out;
}

// ---------------------------------------------------------------------------------------------
// References

export function collectDefs(root: JsonObject): Map<string, DefEntry> {
  const defs = new Map<string, DefEntry>();
  for (const src of ["$defs", "definitions"]) {
    const table = root[src];
    if (!isJsonObject(table)) continue;
    for (const [name, raw] of Object.entries(table))
      defs.set(`${src}/${name}`, { raw, key: `${src}/${name}` });
  }
  return defs;
}

function decodePointer(s: string): string {
  let out = s.replace(/~1/g, "/").replace(/~0/g, "~");
  try {
    out = decodeURIComponent(out);
  } catch {
    // keep the undecoded form
  }
  return out;
}

export function resolveRef(ref: string, ctx: Ctx): DefEntry | undefined {
  for (const src of ["$defs", "definitions"]) {
    const prefix = `#/${src}/`;
    if (!ref.startsWith(prefix)) continue;
    const rest = ref.slice(prefix.length);
    if (rest.includes("/")) return undefined;
    return ctx.defs.get(`${src}/${decodePointer(rest)}`);
  }
  return undefined;
}
// ---------------------------------------------------------------------------------------------
// Flattening: allOf, $ref with siblings, draft-4 forms, oneOf, const, nullable

function hasStructural(s: JsonObject): boolean {
  return Object.keys(s).some(
    (k) => k !== "$ref" && (STRUCTURAL_KEYS.has(k) || k === "allOf" || k === "oneOf"),
  );
}

function fixDraft4(s: JsonObject): void {
  for (const [flag, bound] of [
    ["exclusiveMinimum", "minimum"],
    ["exclusiveMaximum", "maximum"],
  ] as const) {
    if (typeof s[flag] !== "boolean") continue;
    if (s[flag] === true && typeof s[bound] === "number") {
      s[flag] = s[bound];
      delete s[bound];
    } else delete s[flag];
  }
  if (Array.isArray(s.items) && !Object.hasOwn(s, "prefixItems")) {
    s.prefixItems = s.items;
    s.items = s.additionalItems === false ? false : (s.additionalItems ?? false);
  }
}

function mergeInto(base: JsonObject, part: JsonObject, notes: string[]): void {
  for (const [k, v] of Object.entries(part)) {
    if (v === undefined || k === "__proto__") continue;
    const cur = base[k];
    if (!Object.hasOwn(base, k) || cur === undefined) {
      base[k] = v;
      continue;
    }
    if (k === "properties" && isJsonObject(cur) && isJsonObject(v)) {
      const merged: JsonSchema = { ...cur };
      for (const [p, sub] of Object.entries(v)) {
        setOwn(merged, p, Object.hasOwn(cur, p) ? { allOf: [cur[p], sub] } : sub);
      }
      base[k] = merged;
    } else if (k === "required" && Array.isArray(cur) && Array.isArray(v)) {
      base[k] = [...cur, ...v.filter((r) => !cur.includes(r))];
    } else if (k === "type") {
      const both = typeList(cur).filter((t) => typeList(v).includes(t));
      if (both.length) base[k] = both.length === 1 ? both[0] : both;
    } else if (k === "enum" && Array.isArray(cur) && Array.isArray(v)) {
      const keys = new Set(v.map((x) => JSON.stringify(x)));
      const both = cur.filter((x) => keys.has(JSON.stringify(x)));
      if (both.length) base[k] = both;
    } else if (
      ["minimum", "exclusiveMinimum"].includes(k) &&
      typeof cur === "number" &&
      typeof v === "number"
    ) {
      base[k] = Math.max(cur, v);
    } else if (
      ["maximum", "exclusiveMaximum"].includes(k) &&
      typeof cur === "number" &&
      typeof v === "number"
    ) {
      base[k] = Math.min(cur, v);
    } else if (k === "items" && isJsonObject(cur) && isJsonObject(v)) {
      base[k] = { allOf: [cur, v] };
    } else if (k === "additionalProperties") {
      if (v === false) base[k] = false;
    } else if (
      k !== "description" &&
      k !== "anyOf" &&
      k !== "oneOf" &&
      JSON.stringify(cur) !== JSON.stringify(v)
    ) {
      notes.push(...constraintNotes({ [k]: v }));
    }
  }
}

/** A shallow copy of `raw` with allOf merged in and `$ref`s inlined where needed; never mutates `raw`. */
export function flatten(
  raw: JsonObject,
  ctx: Ctx,
  notes: string[],
  inlineRef: boolean,
  guard = 0,
): JsonObject {
  const node: JsonObject = {};
  for (const [k, v] of Object.entries(raw)) if (k !== "allOf" && k !== "__proto__") node[k] = v;
  fixDraft4(node);
  if (guard > FLATTEN_GUARD) return node;
  if (typeof node.$ref === "string" && (inlineRef || hasStructural(node))) {
    const target = resolveRef(node.$ref, ctx);
    if (target && !ctx.active.has(target.key) && isJsonObject(target.raw)) {
      delete node.$ref;
      ctx.active.add(target.key);
      try {
        mergeInto(node, flatten(target.raw, ctx, notes, true, guard + 1), notes);
      } finally {
        ctx.active.delete(target.key);
      }
    }
  }
  if (Array.isArray(raw.allOf)) {
    for (const part of raw.allOf)
      if (isJsonObject(part)) mergeInto(node, flatten(part, ctx, notes, true, guard + 1), notes);
  }
  if (Array.isArray(node.oneOf) && !Array.isArray(node.anyOf)) node.anyOf = node.oneOf;
  delete node.oneOf;
  if (Object.hasOwn(node, "const")) {
    if (!Array.isArray(node.enum)) node.enum = [node.const];
    else notes.push(`const: ${JSON.stringify(node.const)}`);
    delete node.const;
  }
  if (node.nullable === true) {
    if (typeof node.type === "string") node.type = [node.type, "null"];
    else if (Array.isArray(node.type) && !node.type.includes("null")) node.type = [...node.type, "null"];
    else if (Array.isArray(node.anyOf)) node.anyOf = [...node.anyOf, { type: "null" }];
    if (Array.isArray(node.enum) && !node.enum.includes(null)) node.enum = [...node.enum, null];
  }
  delete node.nullable;
  return node;
}

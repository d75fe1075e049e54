// Anthropic tool `input_schema` (any JSON Schema a client or MCP server produced) → the JSON-Schema
// subset Cerebras accepts (docs/mapping.md#53-tool-schemas). Builds a new object (the input is never
// mutated or shared: ccr passes the same schema objects to every provider). Depth is counted like
// Cerebras' validator: the root is 1, every properties/items/prefixItems/anyOf level adds 1, ≤ 10.

import { isJsonObject, type JsonObject } from "../json-object";
import {
  ARRAY_KEYS,
  type Ctx,
  collectDefs,
  type DefEntry,
  flatten,
  type JsonSchema,
  NUMERIC_KEYS,
  OBJECT_KEYS,
  resolveRef,
  STRUCTURAL_KEYS,
  setOwn,
  typeList,
} from "./schema-flatten";
import { constraintNotes, describeWithNotes, schemaTypeSummary } from "./schema-notes";

export type { JsonSchema } from "./schema-flatten";

export const MAX_SCHEMA_DEPTH = 10;

function withDescription(s: JsonSchema, description: string | undefined): JsonSchema {
  if (description !== undefined) s.description = description;
  return s;
}

/** A schema for "any JSON value" that still names a type everywhere and fits the remaining depth. */
export function permissiveSchema(depth: number): JsonSchema {
  if (depth >= MAX_SCHEMA_DEPTH) return { type: "string" };
  const branches: JsonSchema[] = [
    { type: "string" },
    { type: "number" },
    { type: "boolean" },
    { type: "object", properties: {}, additionalProperties: false },
  ];
  if (depth + 2 <= MAX_SCHEMA_DEPTH) branches.push({ type: "array", items: { type: "string" } });
  branches.push({ type: "null" });
  return { anyOf: branches };
}

function inferType(s: JsonObject): string | undefined {
  const has = (keys: readonly string[]) => keys.some((k) => Object.hasOwn(s, k));
  if (has([...OBJECT_KEYS, "patternProperties", "propertyNames", "minProperties", "maxProperties"]))
    return "object";
  if (has([...ARRAY_KEYS, "minItems", "maxItems", "uniqueItems", "contains"])) return "array";
  if (has(["minLength", "maxLength", "pattern", "format"])) return "string";
  if (has(NUMERIC_KEYS)) return "number";
  return undefined;
}

function matchesType(v: unknown, t: string): boolean {
  switch (t) {
    case "string":
      return typeof v === "string";
    case "number":
      return typeof v === "number";
    case "integer":
      return Number.isInteger(v);
    case "boolean":
      return typeof v === "boolean";
    case "null":
      return v === null;
    case "object":
      return isJsonObject(v);
    case "array":
      return Array.isArray(v);
    default:
      return false;
  }
}

function defName(entry: DefEntry, ctx: Ctx): string {
  const known = ctx.names.get(entry.key);
  if (known) return known;
  const base = entry.key.slice(entry.key.indexOf("/") + 1).replace(/[^A-Za-z0-9_.-]/g, "_") || "def";
  let name = base;
  const taken = new Set(ctx.names.values());
  for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
  ctx.names.set(entry.key, name);
  ctx.active.add(entry.key);
  try {
    ctx.out.set(name, emit(entry.raw, 2, ctx) ?? permissiveSchema(2));
  } finally {
    ctx.active.delete(entry.key);
  }
  return name;
}

// ---------------------------------------------------------------------------------------------
// Emitting Cerebras schemas

/** A childless stand-in where the depth limit leaves no room for a structure. */
function tooDeep(description: string | undefined): JsonSchema {
  return {
    type: "string",
    description: describeWithNotes(description, ["JSON-encoded; nested too deep to describe"]),
  };
}

function pickForType(node: JsonObject, t: string): JsonObject {
  const keys =
    t === "object"
      ? OBJECT_KEYS
      : t === "array"
        ? ARRAY_KEYS
        : t === "number" || t === "integer"
          ? NUMERIC_KEYS
          : [];
  const out: JsonObject = { type: t };
  for (const k of keys) if (Object.hasOwn(node, k)) out[k] = node[k];
  return out;
}

function structuralSiblings(node: JsonObject): JsonObject | undefined {
  const out: JsonObject = {};
  let any = false;
  for (const k of Object.keys(node)) {
    if (k !== "anyOf" && k !== "$ref" && STRUCTURAL_KEYS.has(k)) {
      out[k] = node[k];
      any = true;
    }
  }
  return any ? out : undefined;
}

function emitObject(
  node: JsonObject,
  notes: string[],
  description: unknown,
  depth: number,
  ctx: Ctx,
): JsonSchema {
  const extra = node.additionalProperties;
  if (extra === true || (isJsonObject(extra) && Object.keys(extra).length === 0))
    notes.push("additional properties allowed");
  else if (isJsonObject(extra)) notes.push(`additional properties: ${schemaTypeSummary(extra)}`);
  const props: JsonSchema = {};
  const rawProps = isJsonObject(node.properties) ? node.properties : {};
  if (depth >= MAX_SCHEMA_DEPTH && Object.keys(rawProps).length) {
    notes.push(`fields: ${Object.keys(rawProps).join(", ")}`);
  } else {
    for (const [k, v] of Object.entries(rawProps)) {
      const s = emit(v, depth + 1, ctx);
      if (s) setOwn(props, k, s);
    }
  }
  const out: JsonSchema = { type: "object" };
  withDescription(out, describeWithNotes(description, notes));
  out.properties = props;
  if (Array.isArray(node.required)) {
    const required = node.required.filter(
      (r, i, all): r is string => typeof r === "string" && Object.hasOwn(props, r) && all.indexOf(r) === i,
    );
    if (required.length) out.required = required;
  }
  out.additionalProperties = false;
  return out;
}

function emitArray(node: JsonObject, description: string | undefined, depth: number, ctx: Ctx): JsonSchema {
  if (depth >= MAX_SCHEMA_DEPTH) return tooDeep(description);
  const out = withDescription({ type: "array" }, description);
  if (Array.isArray(node.prefixItems) && node.prefixItems.length) {
    out.prefixItems = node.prefixItems.map((p) => emit(p, depth + 1, ctx) ?? permissiveSchema(depth + 1));
    const rest = isJsonObject(node.items) ? emit(node.items, depth + 1, ctx) : undefined;
    out.items = rest ?? false;
  } else {
    out.items = emit(node.items, depth + 1, ctx) ?? permissiveSchema(depth + 1);
  }
  return out;
}

function emitNumber(node: JsonObject, t: string, description: string | undefined): JsonSchema {
  const out = withDescription({ type: t }, description);
  for (const k of NUMERIC_KEYS) {
    const v = node[k];
    if (typeof v === "number" && Number.isFinite(v) && (k !== "multipleOf" || v > 0)) out[k] = v;
  }
  return out;
}

function emitBranches(
  branches: unknown[],
  depth: number,
  ctx: Ctx,
  description: string | undefined,
): JsonSchema {
  if (depth >= MAX_SCHEMA_DEPTH) return tooDeep(description);
  const out: JsonSchema[] = [];
  for (const b of branches) {
    const s = emit(b, depth + 1, ctx);
    if (s) out.push(s);
  }
  return withDescription(out.length ? { anyOf: out } : permissiveSchema(depth), description);
}

/** One schema node → its Cerebras form; undefined for the `false` schema (no value allowed). */
function emit(raw: unknown, depth: number, ctx: Ctx): JsonSchema | undefined {
  if (raw === false) return undefined;
  if (!isJsonObject(raw)) return permissiveSchema(depth);
  const notes: string[] = [];
  const node = flatten(raw, ctx, notes, false);
  notes.unshift(...constraintNotes(node));
  if (typeof node.$ref === "string") {
    const target = resolveRef(node.$ref, ctx);
    if (target && !ctx.active.has(target.key)) {
      return withDescription(
        { $ref: `#/$defs/${defName(target, ctx)}` },
        describeWithNotes(node.description, notes),
      );
    }
    const what = target ? "recursive reference to" : "reference to";
    notes.push(`${what} ${node.$ref.slice(node.$ref.lastIndexOf("/") + 1)}`);
    return withDescription(permissiveSchema(depth), describeWithNotes(node.description, notes));
  }
  const types = typeList(node.type);
  if (Array.isArray(node.enum) && node.enum.length) {
    const description = describeWithNotes(node.description, notes);
    // Only scalar types: an object or array type would demand properties/items next to the enum.
    const scalar =
      types.length === 1 && types[0] !== "object" && types[0] !== "array" ? types[0]! : undefined;
    const t = scalar && node.enum.every((v) => matchesType(v, scalar)) ? scalar : undefined;
    const out: JsonSchema = t ? { type: t } : {};
    withDescription(out, description);
    out.enum = [...node.enum];
    return out;
  }
  if (Array.isArray(node.anyOf) && node.anyOf.length) {
    const siblings = structuralSiblings(node);
    const branches = siblings
      ? node.anyOf.map((b) => (b === true ? siblings : isJsonObject(b) ? { allOf: [siblings, b] } : b))
      : node.anyOf;
    return emitBranches(branches, depth, ctx, describeWithNotes(node.description, notes));
  }
  if (types.length > 1) {
    return emitBranches(
      types.map((t) => pickForType(node, t)),
      depth,
      ctx,
      describeWithNotes(node.description, notes),
    );
  }
  const t = types[0] ?? inferType(node);
  if (t === "object") return emitObject(node, notes, node.description, depth, ctx);
  const description = describeWithNotes(node.description, notes);
  if (t === "array") return emitArray(node, description, depth, ctx);
  if (t === "number" || t === "integer") return emitNumber(node, t, description);
  if (t) return withDescription({ type: t }, description);
  return withDescription(permissiveSchema(depth), description);
}

/** The root as an object: a union of object shapes becomes one object with the shared required keys. */
function rootAsObject(node: JsonObject, ctx: Ctx, notes: string[]): JsonObject {
  const types = typeList(node.type);
  if (types.includes("object") || (types.length === 0 && !Array.isArray(node.anyOf))) {
    return { ...node, type: "object" };
  }
  if (!Array.isArray(node.anyOf)) return { type: "object", description: node.description };
  const shapes = node.anyOf.filter(isJsonObject).map((b) => flatten(b, ctx, notes, true));
  const properties: JsonObject = {};
  for (const s of shapes) {
    if (!isJsonObject(s.properties)) continue;
    for (const [k, v] of Object.entries(s.properties)) {
      if (!Object.hasOwn(properties, k)) setOwn(properties, k, v);
    }
  }
  const required = shapes
    .map((s) => (Array.isArray(s.required) ? s.required : []))
    .reduce<unknown[] | undefined>((acc, r) => (acc ? acc.filter((x) => r.includes(x)) : r), undefined);
  const shapeKeys = shapes.map(
    (s) => `(${Object.keys(isJsonObject(s.properties) ? s.properties : {}).join(", ")})`,
  );
  notes.push(`accepts one of these argument sets: ${shapeKeys.join(" | ")}`);
  return { type: "object", description: node.description, properties, required: required ?? [] };
}

/** Sanitises a tool's `input_schema` into Cerebras' subset (see the file comment). */
export function sanitizeToolSchema(raw: unknown): JsonSchema {
  const root = isJsonObject(raw) ? raw : {};
  const ctx: Ctx = { defs: collectDefs(root), names: new Map(), out: new Map(), active: new Set() };
  const notes: string[] = [];
  const node = rootAsObject(flatten(root, ctx, notes, true), ctx, notes);
  notes.unshift(...constraintNotes(node));
  const out = emitObject(node, notes, node.description, 1, ctx);
  if (ctx.out.size) {
    const defs: JsonSchema = {};
    for (const [name, s] of ctx.out) setOwn(defs, name, s);
    out.$defs = defs;
  }
  return out;
}

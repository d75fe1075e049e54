// Keeping a sanitised tool schema within Cerebras' limits (≤ 5000 characters, ≤ 500 object
// properties, ≤ 500 enum values): first the property descriptions move into the function
// description, then (rare: huge MCP schemas) the structure is cut to a shallower depth and the full
// schema is spelled out in the description instead.

import { isJsonObject } from "../json-object";
import type { JsonSchema } from "./schema";

export const MAX_SCHEMA_CHARS = 5000;
export const MAX_SCHEMA_PROPERTIES = 500;
export const MAX_SCHEMA_ENUM_VALUES = 500;

function children(s: JsonSchema): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  if (isJsonObject(s.properties)) for (const [k, v] of Object.entries(s.properties)) out.push([k, v]);
  if (isJsonObject(s.items)) out.push(["[]", s.items]);
  if (Array.isArray(s.prefixItems)) s.prefixItems.forEach((p, i) => out.push([`[${i}]`, p]));
  if (Array.isArray(s.anyOf)) s.anyOf.forEach((b, i) => out.push([`(option ${i + 1})`, b]));
  if (isJsonObject(s.$defs)) for (const [k, v] of Object.entries(s.$defs)) out.push([`$defs.${k}`, v]);
  return out;
}

function countsOf(
  s: unknown,
  acc = { properties: 0, enumValues: 0 },
): { properties: number; enumValues: number } {
  if (!isJsonObject(s)) return acc;
  if (isJsonObject(s.properties)) acc.properties += Object.keys(s.properties).length;
  if (Array.isArray(s.enum)) acc.enumValues += s.enum.length;
  for (const [, c] of children(s)) countsOf(c, acc);
  return acc;
}

export function schemaWithinLimits(s: JsonSchema): boolean {
  if (JSON.stringify(s).length > MAX_SCHEMA_CHARS) return false;
  const c = countsOf(s);
  return c.properties <= MAX_SCHEMA_PROPERTIES && c.enumValues <= MAX_SCHEMA_ENUM_VALUES;
}

function joinPath(path: string, key: string): string {
  if (!path) return key;
  return key.startsWith("[") || key.startsWith("(")
    ? `${path}${key.startsWith("(") ? " " : ""}${key}`
    : `${path}.${key}`;
}

/** A copy without any `description`; each one becomes a `- path: text` line. */
function withoutDescriptions(s: unknown, path: string, lines: string[]): unknown {
  if (!isJsonObject(s)) return s;
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === "description") {
      if (typeof v === "string") lines.push(`- ${path || "(arguments)"}: ${v}`);
    } else if (k === "properties" && isJsonObject(v)) {
      const props: JsonSchema = {};
      for (const [p, sub] of Object.entries(v)) {
        Object.defineProperty(props, p, {
          value: withoutDescriptions(sub, joinPath(path, p), lines),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      out.properties = props;
    } else if (k === "items") out.items = withoutDescriptions(v, joinPath(path, "[]"), lines);
    else if (k === "prefixItems" && Array.isArray(v)) {
      out.prefixItems = v.map((p, i) => withoutDescriptions(p, joinPath(path, `[${i}]`), lines));
    } else if (k === "anyOf" && Array.isArray(v)) {
      out.anyOf = v.map((b, i) => withoutDescriptions(b, joinPath(path, `(option ${i + 1})`), lines));
    } else if (k === "$defs" && isJsonObject(v)) {
      const defs: JsonSchema = {};
      for (const [d, sub] of Object.entries(v)) defs[d] = withoutDescriptions(sub, `$defs.${d}`, lines);
      out.$defs = defs;
    } else out[k] = v;
  }
  return out;
}

function defOf(s: JsonSchema, defs: JsonSchema): JsonSchema | undefined {
  const ref = typeof s.$ref === "string" ? s.$ref.slice("#/$defs/".length) : undefined;
  const def = ref !== undefined && Object.hasOwn(defs, ref) ? defs[ref] : undefined;
  return isJsonObject(def) ? def : undefined;
}

/** A childless schema of the same type. */
function shallow(s: JsonSchema, defs: JsonSchema, guard = 0): JsonSchema {
  const def = defOf(s, defs);
  if (def && guard < 8) return shallow(def, defs, guard + 1);
  if (Array.isArray(s.anyOf) && isJsonObject(s.anyOf[0]) && guard < 8)
    return shallow(s.anyOf[0], defs, guard + 1);
  if (s.type === "object") return { type: "object", properties: {}, additionalProperties: false };
  if (s.type === "array") return { type: "array", items: { type: "string" } };
  return { type: typeof s.type === "string" ? s.type : "string" };
}

/** `s` with everything at `maxDepth` made childless, `$ref`s inlined, enums dropped when asked. */
function truncated(
  s: JsonSchema,
  maxDepth: number,
  depth: number,
  defs: JsonSchema,
  keepEnums: boolean,
): JsonSchema {
  const def = defOf(s, defs);
  if (def) return truncated(def, maxDepth, depth, defs, keepEnums);
  if (depth >= maxDepth) return shallow(s, defs);
  const out: JsonSchema = {};
  for (const [k, v] of Object.entries(s)) {
    if (k === "$defs" || (k === "enum" && !keepEnums)) continue;
    if (k === "properties" && isJsonObject(v)) {
      const props: JsonSchema = {};
      for (const [p, sub] of Object.entries(v)) {
        if (isJsonObject(sub)) {
          Object.defineProperty(props, p, {
            value: truncated(sub, maxDepth, depth + 1, defs, keepEnums),
            enumerable: true,
            writable: true,
            configurable: true,
          });
        }
      }
      out.properties = props;
    } else if ((k === "items" && isJsonObject(v)) || k === "anyOf" || k === "prefixItems") {
      out[k] = Array.isArray(v)
        ? v.map((b) => (isJsonObject(b) ? truncated(b, maxDepth, depth + 1, defs, keepEnums) : b))
        : truncated(v as JsonSchema, maxDepth, depth + 1, defs, keepEnums);
    } else out[k] = v;
  }
  if (!keepEnums && Array.isArray(s.enum) && out.type === undefined && out.anyOf === undefined)
    out.type = "string";
  return out;
}

/** The tool's description and parameters, changed only as much as the limits require. */
export function fitToolSchema(
  description: string,
  parameters: JsonSchema,
): { description: string; parameters: JsonSchema } {
  if (schemaWithinLimits(parameters)) return { description, parameters };
  const lines: string[] = [];
  const bare = withoutDescriptions(parameters, "", lines) as JsonSchema;
  const listed = lines.length ? `${description}\n\nParameters:\n${lines.join("\n")}` : description;
  if (schemaWithinLimits(bare)) return { description: listed, parameters: bare };
  const full = `${listed}\n\nFull parameter schema (JSON): ${JSON.stringify(bare)}`;
  const defs = isJsonObject(bare.$defs) ? bare.$defs : {};
  const keepEnums = countsOf(bare).enumValues <= MAX_SCHEMA_ENUM_VALUES;
  for (let maxDepth = 9; maxDepth >= 1; maxDepth--) {
    const cut = truncated(bare, maxDepth, 1, defs, keepEnums);
    if (schemaWithinLimits(cut)) return { description: full, parameters: cut };
  }
  return { description: full, parameters: { type: "object", properties: {}, additionalProperties: false } };
}

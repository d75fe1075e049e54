import { describe, expect, it } from "vitest";
import { validateSchemaRoot } from "../../test/support/cerebras-validator";
import { type JsonSchema, permissiveSchema, sanitizeToolSchema } from "./schema";
import { fitToolSchema, MAX_SCHEMA_CHARS } from "./schema-fit";

function schemaIssues(s: unknown): string[] {
  const issues: string[] = [];
  validateSchemaRoot(s, (_param, message) => issues.push(message));
  return issues;
}

function clean(raw: unknown): JsonSchema {
  const s = sanitizeToolSchema(raw);
  expect(schemaIssues(s)).toEqual([]);
  return s;
}

const prop = (s: JsonSchema, name: string) => (s.properties as Record<string, JsonSchema>)[name]!;

describe("sanitizeToolSchema", () => {
  it("drops annotation keywords ($schema, $id, title, examples, …)", () => {
    const s = clean({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $id: "urn:x",
      title: "Args",
      type: "object",
      properties: {
        q: { type: "string", title: "Query", examples: ["a"], deprecated: false, $comment: "c" },
      },
      required: ["q"],
      additionalProperties: false,
    });
    expect(s).toEqual({
      type: "object",
      properties: { q: { type: "string" } },
      required: ["q"],
      additionalProperties: false,
    });
  });

  it("moves meaningful constraints into the property description", () => {
    const s = clean({
      type: "object",
      properties: {
        url: { type: "string", format: "uri", description: "The URL to fetch" },
        runId: { type: "string", pattern: "^wf_[a-z0-9-]{6,}$", description: "Run ID" },
        name: { type: "string", minLength: 2, maxLength: 60 },
        questions: { type: "array", minItems: 1, maxItems: 4, items: { type: "string" }, description: "Qs" },
        multi: { type: "boolean", default: false },
      },
    });
    expect(prop(s, "url").description).toBe("The URL to fetch (format: uri)");
    expect(prop(s, "runId").description).toBe("Run ID (pattern: ^wf_[a-z0-9-]{6,}$)");
    expect(prop(s, "name")).toEqual({
      type: "string",
      description: "(at least 2 characters; at most 60 characters)",
    });
    expect(prop(s, "questions").description).toBe("Qs (at least 1 item; at most 4 items)");
    expect(prop(s, "multi").description).toBe("(default: false)");
  });

  it("keeps the numeric constraints Cerebras supports and converts draft-4 exclusive flags", () => {
    const s = clean({
      type: "object",
      properties: {
        offset: { type: "integer", minimum: 0, maximum: 9007199254740991 },
        limit: { type: "integer", exclusiveMinimum: 0 },
        old: { type: "number", minimum: 1, exclusiveMinimum: true, multipleOf: 0.5 },
      },
    });
    expect(prop(s, "offset")).toEqual({ type: "integer", minimum: 0, maximum: 9007199254740991 });
    expect(prop(s, "limit")).toEqual({ type: "integer", exclusiveMinimum: 0 });
    expect(prop(s, "old")).toEqual({ type: "number", exclusiveMinimum: 1, multipleOf: 0.5 });
  });

  it("turns const into a single enum, type arrays and oneOf into anyOf, nullable into a null branch", () => {
    const s = clean({
      type: "object",
      properties: {
        kind: { const: "fixed" },
        maybe: { type: ["string", "null"], description: "optional text" },
        either: { oneOf: [{ type: "string" }, { type: "integer" }] },
        legacy: { type: "string", nullable: true },
      },
    });
    expect(prop(s, "kind")).toEqual({ enum: ["fixed"] });
    expect(prop(s, "maybe")).toEqual({
      anyOf: [{ type: "string" }, { type: "null" }],
      description: "optional text",
    });
    expect(prop(s, "either")).toEqual({ anyOf: [{ type: "string" }, { type: "integer" }] });
    expect(prop(s, "legacy")).toEqual({ anyOf: [{ type: "string" }, { type: "null" }] });
  });

  it("renames definitions to $defs and fixes the $refs", () => {
    const s = clean({
      type: "object",
      properties: { point: { $ref: "#/definitions/Point" } },
      definitions: { Point: { type: "object", properties: { x: { type: "number" } }, required: ["x"] } },
    });
    expect(prop(s, "point")).toEqual({ $ref: "#/$defs/Point" });
    expect(s.$defs).toEqual({
      Point: {
        type: "object",
        properties: { x: { type: "number" } },
        required: ["x"],
        additionalProperties: false,
      },
    });
    expect(s).not.toHaveProperty("definitions");
  });

  it("breaks recursive references (Cerebras rejects recursive schemas)", () => {
    const s = clean({
      type: "object",
      properties: { tree: { $ref: "#/$defs/Node" } },
      $defs: {
        Node: {
          type: "object",
          properties: {
            value: { type: "string" },
            children: { type: "array", items: { $ref: "#/$defs/Node" } },
          },
        },
      },
    });
    const node = (s.$defs as Record<string, JsonSchema>).Node!;
    const items = prop(node, "children").items as JsonSchema;
    expect(items.$ref).toBeUndefined();
    expect(items.description).toContain("recursive reference to Node");
  });

  it("flattens allOf, keeping every constraint of every part in the description", () => {
    const s = clean({
      type: "object",
      properties: {
        to: {
          type: "string",
          description: "Recipient",
          allOf: [{ pattern: "^[a-z]+$" }, { pattern: "^(?!team-)" }],
        },
        merged: {
          allOf: [
            { $ref: "#/$defs/Base" },
            { properties: { extra: { type: "boolean" } }, required: ["extra"] },
          ],
        },
      },
      $defs: { Base: { type: "object", properties: { id: { type: "string" } }, required: ["id"] } },
    });
    expect(prop(s, "to")).toEqual({
      type: "string",
      description: "Recipient (pattern: ^[a-z]+$; pattern: ^(?!team-))",
    });
    expect(prop(s, "merged")).toEqual({
      type: "object",
      properties: { id: { type: "string" }, extra: { type: "boolean" } },
      required: ["id", "extra"],
      additionalProperties: false,
    });
  });

  it("gives arrays without items, {} sub-schemas and untyped properties a permissive typed schema", () => {
    const s = clean({
      type: "object",
      properties: { list: { type: "array" }, anything: {}, args: { description: "any JSON value" } },
    });
    expect(prop(s, "list")).toEqual({ type: "array", items: permissiveSchema(3) });
    expect(prop(s, "anything")).toEqual(permissiveSchema(2));
    expect(prop(s, "args")).toEqual({ ...permissiveSchema(2), description: "any JSON value" });
    for (const branch of permissiveSchema(2).anyOf as JsonSchema[]) expect(branch.type).toBeDefined();
  });

  it("replaces schema-valued additionalProperties by false and describes it", () => {
    const s = clean({
      type: "object",
      properties: {
        answers: {
          description: "User answers",
          type: "object",
          propertyNames: { type: "string", pattern: "^q" },
          additionalProperties: { type: "string" },
        },
      },
      additionalProperties: {},
    });
    expect(s.additionalProperties).toBe(false);
    expect(s.description).toBe("(additional properties allowed)");
    expect(prop(s, "answers")).toEqual({
      type: "object",
      description: "User answers (property names matching ^q; additional properties: string)",
      properties: {},
      additionalProperties: false,
    });
  });

  it("keeps only required keys that exist, on every object", () => {
    const s = clean({
      type: "object",
      properties: { a: { type: "object", properties: { x: { type: "string" } }, required: ["x", "y"] } },
      required: ["a", "ghost", "a"],
    });
    expect(s.required).toEqual(["a"]);
    expect(prop(s, "a").required).toEqual(["x"]);
    expect(prop(s, "a").additionalProperties).toBe(false);
  });

  it("forces the root to an object with properties", () => {
    expect(clean(undefined)).toEqual({ type: "object", properties: {}, additionalProperties: false });
    expect(clean({ properties: { a: { type: "string" } } })).toEqual({
      type: "object",
      properties: { a: { type: "string" } },
      additionalProperties: false,
    });
    const union = clean({
      anyOf: [
        {
          type: "object",
          properties: { a: { type: "string" }, c: { type: "string" } },
          required: ["a", "c"],
        },
        {
          type: "object",
          properties: { b: { type: "string" }, c: { type: "string" } },
          required: ["b", "c"],
        },
      ],
    });
    expect(Object.keys(union.properties as object)).toEqual(["a", "c", "b"]);
    expect(union.required).toEqual(["c"]);
    expect(union.description).toContain("(a, c) | (b, c)");
  });

  it("treats property names that look like keywords as names", () => {
    const s = clean({
      type: "object",
      properties: {
        description: { type: "string" },
        title: { type: "string" },
        type: { type: "string" },
        ["__proto__"]: { type: "string" },
      },
      required: ["description", "__proto__"],
    });
    expect(Object.keys(s.properties as object)).toEqual(["description", "title", "type", "__proto__"]);
    expect(s.required).toEqual(["description", "__proto__"]);
  });

  it("never mutates or shares the input schema (ccr shares it by reference)", () => {
    const input = {
      $schema: "x",
      type: "object",
      properties: { tags: { type: "array", items: { type: "string", minLength: 1 } } },
    };
    const before = JSON.stringify(input);
    const s = clean(input);
    expect(JSON.stringify(input)).toBe(before);
    (prop(s, "tags").items as JsonSchema).type = "number";
    expect(input.properties.tags.items.type).toBe("string");
  });

  it("keeps nesting within depth 10", () => {
    let deep: JsonSchema = { type: "string" };
    for (let i = 0; i < 14; i++) deep = { type: "object", properties: { n: deep } };
    clean({
      type: "object",
      properties: { root: deep, list: { type: "array", items: { type: "array", items: deep } } },
    });
  });
});

describe("fitToolSchema", () => {
  const big = () => {
    const properties: JsonSchema = {};
    for (let i = 0; i < 40; i++)
      properties[`field_${i}`] = { type: "string", description: `Description of field ${i} `.repeat(6) };
    return sanitizeToolSchema({ type: "object", properties });
  };

  it("leaves a schema within the limits alone", () => {
    const params = sanitizeToolSchema({
      type: "object",
      properties: { a: { type: "string", description: "A" } },
    });
    expect(fitToolSchema("Tool.", params)).toEqual({ description: "Tool.", parameters: params });
  });

  it("moves property descriptions into the function description when the schema exceeds 5000 characters", () => {
    const params = big();
    expect(JSON.stringify(params).length).toBeGreaterThan(MAX_SCHEMA_CHARS);
    const fitted = fitToolSchema("Does things.", params);
    expect(JSON.stringify(fitted.parameters).length).toBeLessThanOrEqual(MAX_SCHEMA_CHARS);
    expect(schemaIssues(fitted.parameters)).toEqual([]);
    expect(fitted.description).toContain("Does things.\n\nParameters:\n- field_0: Description of field 0");
    expect(JSON.stringify(fitted.parameters)).not.toContain("Description of field");
  });

  it("cuts huge schemas (over 500 properties or enum values) down and spells them out in the description", () => {
    const properties: JsonSchema = {};
    for (let i = 0; i < 30; i++) {
      const inner: JsonSchema = {};
      for (let j = 0; j < 20; j++) inner[`p${j}`] = { type: "integer" };
      properties[`g${i}`] = { type: "object", properties: inner };
    }
    properties.choice = { enum: Array.from({ length: 600 }, (_, i) => `v${i}`) };
    const fitted = fitToolSchema("Huge.", sanitizeToolSchema({ type: "object", properties }));
    expect(schemaIssues(fitted.parameters)).toEqual([]);
    expect(fitted.description).toContain("Full parameter schema (JSON):");
  });
});

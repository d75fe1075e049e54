// fast-check generator of JSON Schemas with random keywords, Cerebras-compatible or not.

import fc from "fast-check";

/** Any unicode text, sometimes empty, sometimes only whitespace or tag-like. */
export const text = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: "binary", maxLength: 40 }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom("", "  ", "\n", "<think>", "<system-reminder>x</system-reminder>", "{}"),
  },
);

/** A JSON Schema with random keywords, Cerebras-compatible or not. */
export const schemaArb = fc.letrec((tie) => ({
  schema: fc.oneof(
    { depthSize: "small", maxDepth: 4 },
    tie("leaf"),
    tie("object"),
    fc.record(
      {
        type: fc.constant("array"),
        items: tie("schema"),
        minItems: fc.nat(5),
        maxItems: fc.nat(9),
        uniqueItems: fc.boolean(),
      },
      { requiredKeys: ["type"] },
    ),
    fc.record({ anyOf: fc.array(tie("schema"), { minLength: 1, maxLength: 3 }) }),
    fc.record({ oneOf: fc.array(tie("schema"), { minLength: 1, maxLength: 3 }) }),
    fc.record(
      { allOf: fc.array(tie("schema"), { minLength: 1, maxLength: 3 }), description: text },
      { requiredKeys: ["allOf"] },
    ),
    fc.record({
      $ref: fc.constantFrom("#/$defs/A", "#/definitions/B", "#/$defs/missing", "#", "https://x.test/s.json"),
    }),
    fc.constantFrom(
      {},
      true,
      false,
      { type: "array" },
      { type: "object" },
      { type: ["string", "null"] },
      { nullable: true, type: "integer" },
    ),
  ),
  leaf: fc.record(
    {
      type: fc.oneof(
        fc.constantFrom("string", "number", "integer", "boolean", "null", "any"),
        fc.constantFrom(["string", "number"], ["integer", "null"]),
      ),
      description: text,
      title: text,
      format: fc.constantFrom("uri", "date-time", "email"),
      pattern: fc.constantFrom("^a+$", "[", "^wf_[a-z0-9-]{6,}$"),
      minLength: fc.nat(10),
      maxLength: fc.nat(100),
      minimum: fc.integer(),
      maximum: fc.double({ noNaN: true }),
      exclusiveMinimum: fc.oneof(fc.boolean(), fc.integer()),
      multipleOf: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 5 })),
      default: fc.jsonValue({ maxDepth: 1 }),
      examples: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 2 }),
      const: fc.jsonValue({ maxDepth: 1 }),
      enum: fc.array(fc.jsonValue({ maxDepth: 1 }), { maxLength: 4 }),
      nullable: fc.boolean(),
      $comment: text,
    },
    { requiredKeys: [] },
  ),
  object: fc.record(
    {
      type: fc.constant("object"),
      properties: fc.dictionary(fc.string({ maxLength: 8 }), tie("schema"), { maxKeys: 4 }),
      required: fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
      additionalProperties: fc.oneof(fc.boolean(), tie("schema")),
      propertyNames: fc.constant({ pattern: "^[a-z]+$" }),
      patternProperties: fc.dictionary(fc.constantFrom("^x-", "^[0-9]+$"), tie("schema"), { maxKeys: 1 }),
      minProperties: fc.nat(3),
      definitions: fc.constant({ Inner: { type: "string" } }),
    },
    { requiredKeys: ["type"] },
  ),
})).schema;

export const rootSchemaArb = fc.record(
  {
    $schema: fc.constant("https://json-schema.org/draft/2020-12/schema"),
    type: fc.constant("object"),
    properties: fc.dictionary(fc.string({ maxLength: 8 }), schemaArb, { maxKeys: 5 }),
    required: fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }),
    additionalProperties: fc.oneof(fc.boolean(), fc.constant({})),
    $defs: fc.record({ A: schemaArb }),
    definitions: fc.record({ B: schemaArb }),
  },
  { requiredKeys: ["type"] },
);

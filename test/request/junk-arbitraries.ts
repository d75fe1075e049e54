// fast-check generators of malformed Anthropic requests: valid requests with junk spliced in
// anywhere, and plain junk.

import fc from "fast-check";
import { MODELS, requestArb } from "./arbitraries";
import { schemaArb } from "./schema-arbitrary";

const blockTypes = [
  "text",
  "image",
  "document",
  "tool_use",
  "tool_result",
  "thinking",
  "redacted_thinking",
  "tool_reference",
  "search_result",
  "server_tool_use",
  "zzz",
];
const junkBlock = fc.oneof(
  fc.anything(),
  fc.record(
    {
      type: fc.oneof(fc.constantFrom(...blockTypes), fc.anything()),
      text: fc.anything(),
      id: fc.anything(),
      name: fc.anything(),
      input: fc.anything(),
      tool_use_id: fc.anything(),
      content: fc.oneof(fc.anything(), fc.array(fc.anything(), { maxLength: 3 })),
      source: fc.oneof(
        fc.anything(),
        fc.record({
          type: fc.constantFrom("base64", "url", "file", "text", "content"),
          media_type: fc.anything(),
          data: fc.anything(),
          url: fc.anything(),
        }),
      ),
      thinking: fc.anything(),
      is_error: fc.anything(),
    },
    { requiredKeys: [] },
  ),
);
const junkMessage = fc.record(
  {
    role: fc.oneof(fc.constantFrom("user", "assistant", "system"), fc.anything()),
    content: fc.oneof(fc.string(), fc.array(junkBlock, { maxLength: 4 }), fc.anything()),
  },
  { requiredKeys: [] },
);

/** Every path (as keys) inside a JSON value. */
function pathsOf(v: unknown, at: Array<string | number> = [], out: Array<Array<string | number>> = []) {
  out.push(at);
  if (Array.isArray(v)) v.forEach((x, i) => pathsOf(x, [...at, i], out));
  else if (v && typeof v === "object") for (const [k, x] of Object.entries(v)) pathsOf(x, [...at, k], out);
  return out;
}

/** A valid request with a few values anywhere inside replaced by junk. */
const mutatedRequestArb = fc
  .tuple(requestArb, fc.array(fc.tuple(fc.nat(), fc.anything()), { minLength: 1, maxLength: 3 }))
  .map(([req, edits]) => {
    let root: unknown = JSON.parse(JSON.stringify(req));
    for (const [pick, junk] of edits) {
      const paths = pathsOf(root);
      const path = paths[pick % paths.length]!;
      if (path.length === 0) {
        root = junk;
        continue;
      }
      let parent = root as Record<string | number, unknown>;
      for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
      parent[path[path.length - 1]!] = junk;
    }
    return root;
  });

/** Requests with junk in random places (and plain junk). */
export const junkRequestArb = fc.oneof(
  { weight: 1, arbitrary: fc.anything() },
  { weight: 4, arbitrary: mutatedRequestArb },
  fc.record(
    {
      model: fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...MODELS, "claude-x", "") }, fc.anything()),
      messages: fc.oneof(
        { weight: 5, arbitrary: fc.array(junkMessage, { minLength: 1, maxLength: 5 }) },
        fc.anything(),
      ),
      system: fc.oneof(fc.array(junkBlock, { maxLength: 3 }), fc.anything()),
      tools: fc.oneof(
        fc.array(
          fc.record(
            {
              name: fc.oneof(fc.constantFrom("Read", "bad name"), fc.anything()),
              type: fc.anything(),
              input_schema: fc.oneof(schemaArb, fc.anything()),
              description: fc.anything(),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 3 },
        ),
        fc.anything(),
      ),
      tool_choice: fc.oneof(
        fc.record({
          type: fc.oneof(fc.constantFrom("auto", "any", "tool", "none"), fc.anything()),
          name: fc.anything(),
        }),
        fc.anything(),
      ),
      max_tokens: fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 1, max: 99999 }) }, fc.anything()),
      temperature: fc.anything(),
      top_p: fc.anything(),
      stop_sequences: fc.oneof(fc.array(fc.anything(), { maxLength: 5 }), fc.anything()),
      thinking: fc.oneof(fc.record({ type: fc.anything(), budget_tokens: fc.anything() }), fc.anything()),
      metadata: fc.anything(),
      stream: fc.anything(),
      output_config: fc.anything(),
      context_management: fc.anything(),
    },
    { requiredKeys: [] },
  ),
);

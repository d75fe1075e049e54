// The one schema of an Anthropic Messages request as the translator reads it, and the types derived from
// it. It checks shapes only, in the order the fields are translated, and its messages are the 400s a
// client gets (`<path>: <message>`, e.g. `messages.0.role: must be 'user', 'assistant' or 'system'`).
// Loose objects: clients send more than the docs list, and the body sent on is built from an allow-list.
// What depends on other fields (tool names, tool_use ids, image sources, …) is checked where it is read.
// @see https://docs.anthropic.com/en/api/messages

import { z } from "zod";
import { fail } from "./input";

const contentBlock = z.looseObject(
  { type: z.string({ error: "content block needs a type" }) },
  { error: "must be a content block object" },
);

const messageParam = z.looseObject(
  {
    /** Claude Code 2.1.x also sends `system` inside `messages`. */
    role: z.enum(["user", "assistant", "system"], { error: "must be 'user', 'assistant' or 'system'" }),
    content: z.union([z.string(), z.array(contentBlock)], {
      error: "must be a string or an array of content blocks",
    }),
  },
  { error: "must be a message object" },
);

const systemTextBlock = z.looseObject(
  {
    type: z.literal("text", { error: "system blocks must be of type 'text'" }),
    text: z.string({ error: "must be a string" }),
  },
  { error: "must be a text block object" },
);

const tool = z.looseObject({}, { error: "must be a tool object" });

const toolChoice = z.looseObject(
  { type: z.enum(["auto", "any", "tool", "none"], { error: "must be 'auto', 'any', 'tool' or 'none'" }) },
  { error: "must be an object with a type" },
);

const optionalNumber = z.number({ error: "must be a number" }).nullish();

export const anthropicRequestSchema = z.looseObject(
  {
    model: z.string({ error: "must be a non-empty string" }).min(1, { error: "must be a non-empty string" }),
    max_tokens: z
      .int({ error: "must be a positive integer" })
      .min(1, { error: "must be a positive integer" })
      .nullish(),
    messages: z
      .array(messageParam, { error: "must be a non-empty array of messages" })
      .min(1, { error: "must be a non-empty array of messages" }),
    system: z
      .union([z.string(), z.array(systemTextBlock)], { error: "must be a string or an array of text blocks" })
      .nullish(),
    tools: z.array(tool, { error: "must be an array of tools" }).nullish(),
    tool_choice: toolChoice.nullish(),
    stream: z.boolean({ error: "must be a boolean" }).nullish(),
    temperature: optionalNumber,
    top_p: optionalNumber,
    stop_sequences: z
      .array(z.string({ error: "must be a string" }), { error: "must be an array of strings" })
      .nullish(),
    thinking: z.looseObject({}, { error: "must be an object" }).nullish(),
  },
  { error: "the request must be a JSON object" },
);

export type AnthropicRequest = z.output<typeof anthropicRequestSchema>;
export type AnthropicMessageParam = AnthropicRequest["messages"][number];
export type AnthropicContentBlock = Exclude<AnthropicMessageParam["content"], string>[number];
export type AnthropicSystem = AnthropicRequest["system"];
export type AnthropicToolParam = NonNullable<AnthropicRequest["tools"]>[number];
export type AnthropicToolChoice = NonNullable<AnthropicRequest["tool_choice"]>;

/**
 * The issue a client is told about: the first one, and inside a union (string or array) the branch that
 * got further than its top level, so `messages.0.content.1.type` is named rather than `messages.0.content`.
 */
function reportedIssue(issue: z.core.$ZodIssue): { path: PropertyKey[]; message: string } {
  if (issue.code === "invalid_union") {
    for (const branch of issue.errors) {
      const first = branch[0];
      if (first && first.path.length > 0) {
        const inner = reportedIssue(first);
        return { path: [...issue.path, ...inner.path], message: inner.message };
      }
    }
  }
  return { path: issue.path, message: issue.message };
}

/** The request, typed; a malformed one throws the `invalid_request_error` Anthropic would send. */
export function parseAnthropicRequest(input: unknown): AnthropicRequest {
  const result = anthropicRequestSchema.safeParse(input);
  if (result.success) return result.data;
  const { path, message } = reportedIssue(result.error.issues[0]!);
  return fail(path.length > 0 ? path.map(String).join(".") : "body", message);
}

// fast-check generators of Anthropic requests for the request-translator property tests: valid
// conversations (tool loops with random ids, thinking, images, system messages, schemas with random
// keywords) and junk.

import fc from "fast-check";
import { rootSchemaArb, text } from "./schema-arbitrary";

export { text };

export const MODELS = ["zai-glm-4.7", "gpt-oss-120b", "qwen-3.8-27b", "gemma-4-31b"] as const;

const nonEmptyText = fc.string({ unit: "binary", minLength: 1, maxLength: 40 });
const cacheControl = fc.option(fc.constant({ type: "ephemeral" }), { nil: undefined });

const textBlock = fc.record(
  { type: fc.constant("text"), text, cache_control: cacheControl },
  { requiredKeys: ["type", "text"] },
);
const imageBlock = fc.record({
  type: fc.constant("image"),
  source: fc.oneof(
    fc.record({
      type: fc.constant("base64"),
      media_type: fc.constantFrom("image/png", "image/jpeg", "image/webp"),
      data: fc.base64String({ maxLength: 16 }),
    }),
    fc.record({ type: fc.constant("url"), url: fc.webUrl() }),
  ),
});
const documentBlock = fc.record(
  {
    type: fc.constant("document"),
    title: nonEmptyText,
    source: fc.oneof(
      fc.record({ type: fc.constant("text"), media_type: fc.constant("text/plain"), data: text }),
      fc.record({
        type: fc.constant("base64"),
        media_type: fc.constant("application/pdf"),
        data: fc.base64String(),
      }),
    ),
  },
  { requiredKeys: ["type", "source"] },
);
const oddBlock = fc.oneof(
  fc.record({ type: fc.constant("tool_reference"), tool_name: nonEmptyText }),
  fc.record({
    type: fc.constant("search_result"),
    title: text,
    source: text,
    content: fc.array(textBlock, { maxLength: 2 }),
  }),
  fc.record({
    type: fc.constantFrom("container_upload", "future_block"),
    data: fc.jsonValue({ maxDepth: 2 }),
  }),
);
export const userBlock = fc.oneof(
  { weight: 5, arbitrary: textBlock },
  { weight: 1, arbitrary: imageBlock },
  { weight: 1, arbitrary: documentBlock },
  { weight: 1, arbitrary: oddBlock },
);
const userContent = fc.oneof(text, fc.array(userBlock, { maxLength: 3 }));

const toolResultContent = fc.oneof(
  fc.constant(undefined),
  text,
  fc.array(
    fc.oneof(
      textBlock,
      imageBlock,
      fc.record({ type: fc.constant("tool_reference"), tool_name: nonEmptyText }),
    ),
    {
      maxLength: 3,
    },
  ),
);

const assistantExtra = fc.oneof(
  textBlock,
  fc.record({ type: fc.constant("thinking"), thinking: text, signature: text }),
  fc.record({ type: fc.constant("redacted_thinking"), data: text }),
  fc.record({
    type: fc.constant("server_tool_use"),
    id: nonEmptyText,
    name: fc.constant("web_search"),
    input: fc.constant({}),
  }),
);

const idArb = fc.oneof(
  fc.stringMatching(/^toolu_[A-Za-z0-9]{8,16}$/),
  fc.stringMatching(/^[0-9a-f]{9}$/),
  fc.stringMatching(/^[a-zA-Z0-9_-]{1,20}$/),
);

/** One round of a conversation: an assistant reply and the user message answering it. */
const roundArb = fc.record({
  assistant: fc.array(assistantExtra, { maxLength: 3 }),
  calls: fc.array(
    fc.record({
      id: idArb,
      name: fc.stringMatching(/^[a-zA-Z0-9_-]{1,64}$/),
      input: fc.dictionary(fc.string({ maxLength: 6 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
    }),
    { maxLength: 3 },
  ),
  /** Per call: answer it (in a shuffled order), leave it unanswered, or answer it twice. */
  answers: fc.array(fc.constantFrom("answer", "answer", "answer", "skip", "twice"), {
    minLength: 3,
    maxLength: 3,
  }),
  order: fc.array(fc.nat(), { minLength: 3, maxLength: 3 }),
  results: fc.array(
    fc.record({ content: toolResultContent, is_error: fc.option(fc.boolean(), { nil: undefined }) }),
    { minLength: 3, maxLength: 3 },
  ),
  stray: fc.option(idArb, { nil: undefined }),
  userBlocks: fc.array(userBlock, { maxLength: 2 }),
  system: fc.option(userContent, { nil: undefined }),
  assistantAsString: fc.boolean(),
});
type Round = typeof roundArb extends fc.Arbitrary<infer R> ? R : never;

/** The messages of one round; call ids are made unique by their position. */
export function roundMessages(r: Round, index: number): unknown[] {
  const calls = r.calls.map((c, i) => ({ ...c, id: `${c.id}${index}x${i}` }));
  const assistantContent =
    r.assistantAsString && calls.length === 0
      ? "plain reply"
      : [...r.assistant, ...calls.map((c) => ({ type: "tool_use", id: c.id, name: c.name, input: c.input }))];
  const results: unknown[] = [];
  calls.forEach((c, i) => {
    const res = { type: "tool_result", tool_use_id: c.id, ...r.results[i] };
    if (r.answers[i] !== "skip") results.push(res);
    if (r.answers[i] === "twice") results.push({ ...res, content: "again" });
  });
  results.sort((a, b) => (r.order[results.indexOf(a) % 3] ?? 0) - (r.order[results.indexOf(b) % 3] ?? 0));
  if (r.stray) results.push({ type: "tool_result", tool_use_id: `${r.stray}stray`, content: "orphan" });
  const messages: unknown[] = [
    { role: "assistant", content: assistantContent },
    { role: "user", content: [...results, ...r.userBlocks] },
  ];
  if (r.system !== undefined) messages.push({ role: "system", content: r.system });
  return messages;
}

const toolsArb = fc.uniqueArray(
  fc.record(
    {
      name: fc.stringMatching(/^[a-zA-Z0-9_-]{1,64}$/),
      description: text,
      input_schema: rootSchemaArb,
      defer_loading: fc.boolean(),
      cache_control: cacheControl,
    },
    { requiredKeys: ["name", "input_schema"] },
  ),
  { selector: (t) => t.name, maxLength: 3 },
);

/** A valid Anthropic request with a random conversation. */
export const requestArb = fc
  .record({
    model: fc.constantFrom(...MODELS),
    system: fc.option(fc.oneof(text, fc.array(textBlock, { maxLength: 3 })), { nil: undefined }),
    first: userContent,
    firstSystem: fc.option(userContent, { nil: undefined }),
    rounds: fc.array(roundArb, { maxLength: 4 }),
    prefill: fc.option(fc.string({ maxLength: 10 }), { nil: undefined }),
    tools: toolsArb,
    choice: fc.constantFrom("none", "auto", "any", "tool", "absent"),
    parallel: fc.boolean(),
    thinking: fc.constantFrom(
      undefined,
      { type: "adaptive" },
      { type: "enabled", budget_tokens: 2048 },
      { type: "disabled" },
    ),
    effort: fc.constantFrom(undefined, "low", "max"),
    keepAll: fc.boolean(),
    max_tokens: fc.option(fc.integer({ min: 1, max: 200000 }), { nil: undefined }),
    temperature: fc.option(fc.double({ min: -1, max: 3, noNaN: true }), { nil: undefined }),
    top_p: fc.option(fc.double({ min: -1, max: 2, noNaN: true }), { nil: undefined }),
    stop: fc.option(fc.array(fc.string({ maxLength: 4 }), { maxLength: 6 }), { nil: undefined }),
    stream: fc.option(fc.boolean(), { nil: undefined }),
    userId: fc.option(fc.string({ maxLength: 150 }), { nil: undefined }),
  })
  .map((g) => {
    const messages: unknown[] = [{ role: "user", content: g.first }];
    if (g.firstSystem !== undefined) messages.push({ role: "system", content: g.firstSystem });
    g.rounds.forEach((r, i) => messages.push(...roundMessages(r, i)));
    if (g.prefill !== undefined) messages.push({ role: "assistant", content: g.prefill });
    const toolChoice =
      g.choice === "absent"
        ? undefined
        : g.choice === "tool"
          ? g.tools[0]
            ? { type: "tool", name: g.tools[0].name }
            : undefined
          : { type: g.choice, disable_parallel_tool_use: g.parallel };
    return {
      model: g.model,
      max_tokens: g.max_tokens,
      system: g.system,
      messages,
      tools: g.tools,
      tool_choice: toolChoice,
      thinking: g.thinking,
      output_config: g.effort ? { effort: g.effort } : undefined,
      context_management: g.keepAll
        ? { edits: [{ type: "clear_thinking_20251015", keep: "all" }] }
        : undefined,
      temperature: g.temperature,
      top_p: g.top_p,
      stop_sequences: g.stop,
      stream: g.stream,
      metadata: g.userId === undefined ? undefined : { user_id: g.userId },
    };
  });

/** A conversation as its successive requests: turn N+1 = turn N + [assistant reply, user results (+ system)]. */
export const conversationTurnsArb = fc
  .record({
    model: fc.constantFrom(...MODELS),
    first: userContent,
    firstSystem: fc.option(userContent, { nil: undefined }),
    rounds: fc.array(roundArb, { minLength: 1, maxLength: 4 }),
    thinking: fc.constantFrom(undefined, { type: "adaptive" }),
  })
  .map((g) => {
    const base: unknown[] = [{ role: "user", content: g.first }];
    if (g.firstSystem !== undefined) base.push({ role: "system", content: g.firstSystem });
    const turns = [base];
    g.rounds.forEach((r, i) => turns.push([...turns[turns.length - 1]!, ...roundMessages(r, i)]));
    return turns.map((messages) => ({ model: g.model, max_tokens: 4096, thinking: g.thinking, messages }));
  });

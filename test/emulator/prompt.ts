// What the emulator reads from a request: its prompt size (src/tokens.ts on the serialised messages and
// tools), the last user text (for the default reply) and the prefix cache (docs/mapping.md#58-prompt-caching: automatic
// caching in 128-token blocks, reported as `prompt_tokens_details.cached_tokens`).

import { CHARS_PER_TOKEN, estimateTextTokens } from "../../src/tokens";

interface PromptBody {
  messages?: unknown;
  tools?: unknown;
}

/** The serialised prompt: tools first (they lead the chat template), then messages. */
export function serialisePrompt(body: PromptBody): string {
  return (body.tools ? JSON.stringify(body.tools) : "") + JSON.stringify(body.messages ?? []);
}

export function estimatePromptTokens(body: PromptBody): number {
  return estimateTextTokens(serialisePrompt(body));
}

/** The requested output budget (`max_completion_tokens`, else the deprecated `max_tokens`), or 0. */
export function requestedCompletionTokens(body: {
  max_completion_tokens?: unknown;
  max_tokens?: unknown;
}): number {
  const n = body.max_completion_tokens ?? body.max_tokens;
  return typeof n === "number" && n > 0 ? n : 0;
}

function textOf(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content
    .map((p) => (p && typeof p === "object" && typeof p.text === "string" ? (p.text as string) : ""))
    .join("");
}

export function lastUserText(body: { messages?: unknown }): string {
  const messages = Array.isArray(body.messages) ? body.messages : [];
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i];
    if (m && typeof m === "object" && m.role === "user") return textOf(m.content);
  }
  return "";
}

const CACHE_BLOCK = 128;

function commonPrefixLength(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** Remembers recent prompts per model and reports how many tokens of a new one were cached. */
export class PrefixCache {
  private readonly recent = new Map<string, string[]>();

  constructor(private readonly capacity = 32) {}

  cachedTokens(model: string, prompt: string, promptTokens: number): number {
    const list = this.recent.get(model) ?? [];
    let best = 0;
    for (const p of list) best = Math.max(best, commonPrefixLength(p, prompt));
    list.push(prompt);
    if (list.length > this.capacity) list.shift();
    this.recent.set(model, list);
    const tokens = Math.floor(best / CHARS_PER_TOKEN);
    return Math.min(promptTokens, Math.floor(tokens / CACHE_BLOCK) * CACHE_BLOCK);
  }
}

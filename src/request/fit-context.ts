// Making Claude Code's compaction request fit. After a 400 `prompt is too long`, Claude Code asks the model
// to summarise the conversation, sending (nearly) the whole history again plus "CRITICAL: Respond with
// TEXT ONLY…" (docs/mapping.md#63-context-window-and-compaction). That request is as long as the one that overflowed, so on Cerebras'
// small windows it would overflow too and Claude Code gives up ("Prompt is too long"). For that request
// only, the longest old tool results and texts are cut in the middle until the prompt fits: the summary
// loses detail, the session carries on. Every other request still gets the 400 that triggers compaction.

import { CHARS_PER_TOKEN } from "../tokens";
import type { CerebrasMessage, CerebrasTool } from "../wire/cerebras";
import { estimateCerebrasPromptTokens } from "./estimate";

const COMPACTION_MARKERS = [
  "CRITICAL: Respond with TEXT ONLY. Do NOT call any tools.",
  "Your task is to create a detailed summary of the conversation so far",
];
/** Output kept free for the summary. */
export const COMPACTION_OUTPUT_RESERVE = 4096;
const MIN_KEEP_CHARS = [600, 120];

function textOf(m: CerebrasMessage): string {
  if (typeof m.content === "string") return m.content;
  return m.content.map((p) => (p.type === "text" ? p.text : "")).join("");
}

/** True when the last user message carries Claude Code's compaction instruction. */
export function isClaudeCodeCompactionRequest(messages: readonly CerebrasMessage[]): boolean {
  for (let i = messages.length - 1; i >= 0; i--) {
    const m = messages[i]!;
    if (m.role !== "user") continue;
    const text = textOf(m);
    return COMPACTION_MARKERS.some((marker) => text.includes(marker));
  }
  return false;
}

function elide(text: string, keep: number): string {
  const cut = text.length - keep;
  const head = Math.ceil(keep / 2);
  return `${text.slice(0, head)}\n[… ${cut} characters elided by ccr-cerebras so the conversation fits the model's context window …]\n${text.slice(text.length - (keep - head))}`;
}

/**
 * Cuts the middle of the longest string contents (tool results first, then user and assistant text; never
 * the system prompt or the last user message) until the estimate fits `budgetTokens`. Returns the new
 * messages and estimate; the estimate may still exceed the budget when there was not enough to cut.
 */
export function shrinkMessagesToFit(
  messages: readonly CerebrasMessage[],
  tools: readonly CerebrasTool[],
  budgetTokens: number,
): { messages: CerebrasMessage[]; estimate: number } {
  const out = messages.map((m) => ({ ...m })) as CerebrasMessage[];
  let lastUser = -1;
  for (let i = out.length - 1; i >= 0 && lastUser < 0; i--) if (out[i]!.role === "user") lastUser = i;
  let estimate = estimateCerebrasPromptTokens(out, tools);
  for (const minKeep of MIN_KEEP_CHARS) {
    if (estimate <= budgetTokens) break;
    const candidates = out
      .map((m, i) => ({
        i,
        len: typeof m.content === "string" ? m.content.length : 0,
        rank: m.role === "tool" ? 0 : 1,
      }))
      .filter(({ i, len }) => i !== lastUser && out[i]!.role !== "system" && len > minKeep * 2)
      .sort((a, b) => a.rank - b.rank || b.len - a.len);
    for (const { i, len } of candidates) {
      const excessChars = Math.ceil((estimate - budgetTokens) * CHARS_PER_TOKEN) + 200;
      if (excessChars <= 200) break;
      const keep = Math.max(minKeep, len - excessChars);
      const m = out[i]!;
      out[i] = { ...m, content: elide(m.content as string, keep) } as CerebrasMessage;
      estimate = estimateCerebrasPromptTokens(out, tools);
      if (estimate <= budgetTokens) break;
    }
  }
  return { messages: out, estimate };
}

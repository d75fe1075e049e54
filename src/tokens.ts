// Conservative token estimates. No tokenizer ships for Cerebras' models; Claude Code's prompts are
// English, code and JSON, which tokenise at 3.5–4 characters per token. We divide by 3.2 so the
// estimate errs high: it clamps `max_completion_tokens` and raises the pre-flight "prompt is too
// long" a little early rather than letting Cerebras answer with an uncompactable 400.

export const CHARS_PER_TOKEN = 3.2;
/** Per-message framing (role markers, separators) in chat templates. */
export const TOKENS_PER_MESSAGE = 4;
/** What a vision model charges for one image, roughly; used only for estimates. */
export const TOKENS_PER_IMAGE = 1600;

/** @internal The estimate for one text; the emulator counts with it as estimate.ts does inline. */
export function estimateTextTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

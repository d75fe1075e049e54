// A conservative estimate of the prompt tokens of a Cerebras request as it will be sent (src/tokens.ts).

import { CHARS_PER_TOKEN, TOKENS_PER_IMAGE, TOKENS_PER_MESSAGE } from "../tokens";
import type { CerebrasMessage, CerebrasTool } from "../wire/cerebras";

/** Characters of text and number of images; base64 image data is not text to the model. */
function messageSize(m: CerebrasMessage): { chars: number; images: number } {
  let chars = m.role.length;
  let images = 0;
  if (typeof m.content === "string") chars += m.content.length;
  else {
    for (const part of m.content) {
      if (part.type === "text") chars += part.text.length;
      else images++;
    }
  }
  if (m.role === "assistant" && m.tool_calls) {
    for (const c of m.tool_calls) chars += c.id.length + c.function.name.length + c.function.arguments.length;
  }
  if (m.role === "tool") chars += m.tool_call_id.length;
  return { chars, images };
}

export function estimateCerebrasPromptTokens(
  messages: readonly CerebrasMessage[],
  tools: readonly CerebrasTool[],
): number {
  let chars = 0;
  let images = 0;
  for (const m of messages) {
    const size = messageSize(m);
    chars += size.chars;
    images += size.images;
  }
  if (tools.length) chars += JSON.stringify(tools).length;
  return (
    Math.ceil(chars / CHARS_PER_TOKEN) + messages.length * TOKENS_PER_MESSAGE + images * TOKENS_PER_IMAGE
  );
}

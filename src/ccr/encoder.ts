// Hands ccr's built-in OpenAI→Anthropic converter (AnthropicTransformer.transformResponseIn) an input it
// turns back into exactly the Anthropic events our core decided. The converter cannot be bypassed by a
// provider plugin (docs/ccr-contract.md#8-the-openai-dialect-ccrs-converter-reads and docs/ccr-contract.md#9-what-a-provider-plugin-can-and-cannot-change), so we speak the dialect it understands, one event per
// enqueued chunk:
//
//   our Anthropic event                      → chunk given to ccr              → what ccr emits
//   message_start                            → role chunk (id, model)          → message_start (usage zeros, id msg_<ms>)
//   content_block_start thinking             → (nothing)                       → opened by the first thinking chunk
//   thinking_delta                           → delta.thinking.content          → thinking_delta
//   signature_delta                          → delta.thinking.signature        → signature_delta + content_block_stop
//   content_block_start text                 → (nothing)                       → opened by the first content chunk
//   text_delta                               → delta.content                   → (stop of the open block) text_delta
//   content_block_start tool_use             → tool_calls[{index,id,name,""}]  → (stop of the open block) content_block_start tool_use
//   input_json_delta                         → tool_calls[{index,arguments}]   → input_json_delta
//   content_block_stop                       → (nothing)                       → emitted when the next block opens / at finish
//   message_delta                            → finish_reason + usage, ONE chunk → content_block_stop + message_delta (usage)
//   message_stop                             → data: [DONE]                    → message_stop at end of body
//   error                                    → {"error":{type,message}}        → event: error (ccr's own payload shape)
//
// This works because the core's block order is always [thinking]? [text]? [tool_use]*: ccr opens at most
// one thinking and one text block per message. What a plugin cannot change (S13): message_start.usage is
// zeros and its id is msg_<ms>; `refusal` comes out as `stop_sequence`; an empty text block is not
// reproduced (ccr ignores empty content); after an error ccr still appends message_delta/message_stop.

import type {
  AnthropicMessage,
  AnthropicStopReason,
  AnthropicStreamEvent,
  AnthropicUsage,
} from "../wire/anthropic";

const STOP_TO_FINISH: Record<AnthropicStopReason, string> = {
  end_turn: "stop",
  max_tokens: "length",
  model_context_window_exceeded: "length",
  tool_use: "tool_calls",
  refusal: "content_filter",
  stop_sequence: "content_filter",
  pause_turn: "stop",
};

export function anthropicStopReasonToCcrFinish(reason: AnthropicStopReason | null): string {
  return reason ? STOP_TO_FINISH[reason] : "stop";
}

/** ccr computes input = prompt − cached itself, so we hand it the gross prompt count. */
export function anthropicUsageToCcrUsage(u: AnthropicUsage) {
  const cached = u.cache_read_input_tokens ?? 0;
  const prompt = u.input_tokens + cached;
  return {
    prompt_tokens: prompt,
    completion_tokens: u.output_tokens,
    total_tokens: prompt + u.output_tokens,
    prompt_tokens_details: { cached_tokens: cached },
  };
}

/** Per-stream encoder state: the chunk envelope and the tool-call index of each tool_use block. */
export class CcrChunkEncoder {
  private readonly head: string;
  private toolCount = 0;

  constructor(id: string, model: string, created = Math.floor(Date.now() / 1000)) {
    // The envelope is the same on every chunk: serialise it once.
    this.head = `{"id":${JSON.stringify(id)},"object":"chat.completion.chunk","created":${created},"model":${JSON.stringify(model)},"choices":[{"index":0,`;
  }

  private chunk(deltaAndFinish: string): string {
    return `data: ${this.head}${deltaAndFinish}}]}\n\n`;
  }

  /**
   * The SSE text for one Anthropic event, or "" when ccr needs nothing for it. Every switch ends in a
   * `never` check, so a new event, block or delta type does not compile until it is mapped here
   * (as the Anthropic SDK's MessageStream#accumulateMessage does).
   * @see https://github.com/anthropics/anthropic-sdk-typescript/blob/main/src/lib/MessageStream.ts
   */
  encode(e: AnthropicStreamEvent): string {
    switch (e.type) {
      case "message_start":
        return this.chunk(`"delta":{"role":"assistant","content":""},"finish_reason":null`);
      case "content_block_start": {
        const block = e.content_block;
        switch (block.type) {
          case "thinking":
          case "text":
            return "";
          case "tool_use":
            this.toolCount++;
            return this.chunk(
              `"delta":{"tool_calls":[{"index":${this.toolCount - 1},"id":${JSON.stringify(block.id)},"type":"function","function":{"name":${JSON.stringify(block.name)},"arguments":""}}]},"finish_reason":null`,
            );
          default: {
            const _exhaustive: never = block;
            return "";
          }
        }
      }
      case "content_block_delta": {
        const d = e.delta;
        switch (d.type) {
          case "text_delta":
            return d.text
              ? this.chunk(`"delta":{"content":${JSON.stringify(d.text)}},"finish_reason":null`)
              : "";
          case "thinking_delta":
            return d.thinking
              ? this.chunk(
                  `"delta":{"thinking":{"content":${JSON.stringify(d.thinking)}}},"finish_reason":null`,
                )
              : "";
          case "signature_delta":
            return this.chunk(
              `"delta":{"thinking":{"signature":${JSON.stringify(d.signature || "cerebras")}}},"finish_reason":null`,
            );
          case "input_json_delta":
            return d.partial_json
              ? this.chunk(
                  `"delta":{"tool_calls":[{"index":${this.toolCount - 1},"function":{"arguments":${JSON.stringify(d.partial_json)}}}]},"finish_reason":null`,
                )
              : "";
          default: {
            const _exhaustive: never = d;
            return "";
          }
        }
      }
      case "content_block_stop":
      case "ping":
        return "";
      case "message_delta": {
        const finish = anthropicStopReasonToCcrFinish(e.delta.stop_reason);
        const usage = JSON.stringify(anthropicUsageToCcrUsage(e.usage));
        return `data: ${this.head}"delta":{},"finish_reason":"${finish}"}],"usage":${usage}}\n\n`;
      }
      case "message_stop":
        return "data: [DONE]\n\n";
      case "error":
        return `data: ${JSON.stringify({ error: e.error })}\n\n`;
      default: {
        const _exhaustive: never = e;
        return "";
      }
    }
  }
}

/**
 * Merges adjacent text_delta (and thinking_delta) events of the same block that one upstream read
 * produced, so ccr parses, logs and re-encodes one chunk instead of many. The client sees the same text
 * in fewer deltas.
 */
export function coalesceAnthropicDeltas(events: AnthropicStreamEvent[]): AnthropicStreamEvent[] {
  if (events.length < 2) return events;
  const out: AnthropicStreamEvent[] = [];
  for (const e of events) {
    const prev = out[out.length - 1];
    if (
      e.type === "content_block_delta" &&
      prev?.type === "content_block_delta" &&
      prev.index === e.index &&
      prev.delta.type === e.delta.type
    ) {
      if (e.delta.type === "text_delta" && prev.delta.type === "text_delta") {
        out[out.length - 1] = {
          ...prev,
          delta: { type: "text_delta", text: prev.delta.text + e.delta.text },
        };
        continue;
      }
      if (e.delta.type === "thinking_delta" && prev.delta.type === "thinking_delta") {
        out[out.length - 1] = {
          ...prev,
          delta: { type: "thinking_delta", thinking: prev.delta.thinking + e.delta.thinking },
        };
        continue;
      }
    }
    out.push(e);
  }
  return out;
}

/** A whole Anthropic message → the OpenAI completion ccr's JSON converter turns back into it. */
export function anthropicMessageToCcrCompletion(m: AnthropicMessage) {
  let text: string | null = null;
  let thinking: { content: string; signature: string } | undefined;
  const toolCalls: Array<{ id: string; type: "function"; function: { name: string; arguments: string } }> =
    [];
  for (const b of m.content) {
    switch (b.type) {
      case "text":
        text = (text ?? "") + b.text;
        break;
      case "thinking":
        thinking = { content: b.thinking, signature: b.signature || "cerebras" };
        break;
      case "tool_use":
        toolCalls.push({
          id: b.id,
          type: "function",
          function: { name: b.name, arguments: JSON.stringify(b.input) },
        });
        break;
      default: {
        const _exhaustive: never = b;
      }
    }
  }
  return {
    id: m.id,
    object: "chat.completion",
    created: Math.floor(Date.now() / 1000),
    model: m.model,
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: text,
          ...(toolCalls.length ? { tool_calls: toolCalls } : {}),
          ...(thinking ? { thinking } : {}),
        },
        finish_reason: anthropicStopReasonToCcrFinish(m.stop_reason),
      },
    ],
    usage: anthropicUsageToCcrUsage(m.usage),
  };
}

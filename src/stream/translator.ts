// The streaming state machine: Cerebras chat-completion SSE → Anthropic stream events
// (docs/mapping.md#22-streaming-response, docs/mapping.md#62-streams-claude-code-accepts). The output is always
// message_start, [thinking]? [text]? [tool_use]*, message_delta, message_stop, or it ends with a single
// error event. Memory stays flat: only the open block, the held tool calls and counters are kept.

import { createParser, type EventSourceMessage, type EventSourceParser } from "eventsource-parser";
import { anthropicErrorBody, cerebrasStreamErrorToAnthropic, transportErrorToAnthropic } from "../errors";
import type { ResponseTranslationOptions } from "../response/index";
import { cerebrasFinishToAnthropicStopReason } from "../response/stop-reason";
import { CEREBRAS_THINKING_SIGNATURE } from "../response/thinking";
import { cerebrasToAnthropicUsage, estimateOutputTokens } from "../response/usage";
import type { AnthropicErrorBody, AnthropicStreamEvent } from "../wire/anthropic";
import type { CerebrasChunk, CerebrasUsage } from "../wire/cerebras";
import { LeadingThinkTagSplitter } from "./think-tag-splitter";
import { CerebrasToolCallAccumulator } from "./tool-call-accumulator";

export interface StreamTranslationOptions extends ResponseTranslationOptions {}

/** A single SSE event may be large (a whole tool call in one chunk); beyond this the upstream is broken. */
const MAX_SSE_BUFFER = 64 * 1024 * 1024;
const TRUNCATED_MESSAGE =
  "Cerebras stream ended before finish_reason (the response was truncated); retry the request";

type OpenBlock = "none" | "thinking" | "text";
type ChunkChoice = NonNullable<CerebrasChunk["choices"]>[number];

export class CerebrasToAnthropicStream {
  private readonly opts: StreamTranslationOptions;
  private readonly decoder = new TextDecoder();
  private readonly parser: EventSourceParser;
  private readonly tools = new CerebrasToolCallAccumulator();
  private readonly think = new LeadingThinkTagSplitter();
  private out: AnthropicStreamEvent[] = [];
  private started = false;
  private done = false;
  private nextIndex = 0;
  private open: OpenBlock = "none";
  /** Text or a tool call has been seen: thinking can no longer start (ccr S4). */
  private pastThinking = false;
  private sawFinish = false;
  private finishReason: string | null = null;
  private usage: CerebrasUsage | undefined;
  private outputChars = 0;

  constructor(opts: StreamTranslationOptions) {
    this.opts = opts;
    this.parser = createParser({
      onEvent: (e) => this.onSseEvent(e),
      onError: (err) => {
        if (err.type === "max-buffer-size-exceeded") {
          this.fault(
            anthropicErrorBody("api_error", `Cerebras sent an oversized stream event: ${err.message}`),
          );
        }
      },
      maxBufferSize: MAX_SSE_BUFFER,
    });
  }

  /** True after message_stop or an error event; later input is ignored. */
  get finished(): boolean {
    return this.done;
  }

  push(chunk: Uint8Array | string): AnthropicStreamEvent[] {
    if (this.done) return [];
    const text = typeof chunk === "string" ? chunk : this.decoder.decode(chunk, { stream: true });
    return this.feed(text);
  }

  end(): AnthropicStreamEvent[] {
    if (this.done) return [];
    // eventsource-parser dispatches only on a blank line; a last line without one must still count (S12).
    const events = this.feed(`${this.decoder.decode()}\n\n`);
    if (this.done) return events;
    this.out = events;
    if (this.sawFinish) this.complete();
    else this.fault(anthropicErrorBody("api_error", TRUNCATED_MESSAGE));
    return this.take();
  }

  /** `message_start` now, before any upstream data (to keep a client company while Cerebras is awaited). */
  begin(): AnthropicStreamEvent[] {
    if (!this.started && !this.done) this.start();
    return this.take();
  }

  fail(err: unknown): AnthropicStreamEvent[] {
    if (this.done) return [];
    this.fault(transportErrorToAnthropic(err).body);
    return this.take();
  }

  private feed(text: string): AnthropicStreamEvent[] {
    try {
      this.parser.feed(text);
    } catch (err) {
      this.fault(anthropicErrorBody("api_error", `Could not read the Cerebras stream: ${String(err)}`));
    }
    return this.take();
  }

  private take(): AnthropicStreamEvent[] {
    const events = this.out;
    this.out = [];
    return events;
  }

  private onSseEvent(e: EventSourceMessage): void {
    if (this.done) return;
    try {
      if (e.event === "error") this.onErrorEvent(e.data);
      else if (e.data === "[DONE]") this.onDone();
      else this.onData(e.data);
    } catch (err) {
      this.fault(anthropicErrorBody("api_error", `Could not translate the Cerebras stream: ${String(err)}`));
    }
  }

  private onErrorEvent(data: string): void {
    let payload: unknown;
    try {
      payload = JSON.parse(data);
    } catch {
      payload = { error: { message: data || "Cerebras sent an error event" }, status_code: 500 };
    }
    this.fault(cerebrasStreamErrorToAnthropic(payload as object, this.opts.errorContext));
  }

  private onDone(): void {
    if (this.sawFinish) this.complete();
    else this.fault(anthropicErrorBody("api_error", TRUNCATED_MESSAGE));
  }

  private onData(data: string): void {
    let chunk: CerebrasChunk;
    try {
      chunk = JSON.parse(data);
    } catch {
      this.fault(
        anthropicErrorBody(
          "api_error",
          `Cerebras sent a stream chunk that is not JSON: ${data.slice(0, 200)}`,
        ),
      );
      return;
    }
    if (!chunk || typeof chunk !== "object") {
      this.fault(
        anthropicErrorBody("api_error", `Cerebras sent a stream chunk that is not an object: ${data}`),
      );
      return;
    }
    if (chunk.error != null) {
      this.fault(cerebrasStreamErrorToAnthropic(chunk, this.opts.errorContext));
      return;
    }
    if (!this.started) this.start();
    if (chunk.usage) this.usage = chunk.usage;
    const choices = chunk.choices;
    if (!Array.isArray(choices)) return;
    for (const choice of choices) {
      if (choice && (choice.index ?? 0) === 0) this.onChoice(choice);
    }
  }

  private onChoice(choice: ChunkChoice): void {
    // Nothing but usage counts after the finish (ccr S14).
    if (this.sawFinish) return;
    const delta = choice.delta;
    if (delta) {
      const reasoning = delta.reasoning ?? delta.reasoning_content;
      if (typeof reasoning === "string" && reasoning !== "") {
        this.outputChars += reasoning.length;
        this.onReasoning(reasoning);
      }
      if (typeof delta.content === "string" && delta.content !== "") {
        this.outputChars += delta.content.length;
        const piece = this.think.push(delta.content);
        if (piece.reasoning !== "") this.onReasoning(piece.reasoning);
        if (piece.text !== "") this.onText(piece.text);
      }
      if (Array.isArray(delta.tool_calls) && delta.tool_calls.length > 0) {
        this.leaveThinking();
        for (const fragment of delta.tool_calls) this.tools.add(fragment);
      }
    }
    if (choice.finish_reason) {
      this.sawFinish = true;
      this.finishReason = choice.finish_reason;
    }
  }

  private start(): void {
    this.started = true;
    this.out.push({
      type: "message_start",
      message: {
        id: this.opts.messageId,
        type: "message",
        role: "assistant",
        model: this.opts.requestedModel,
        content: [],
        stop_reason: null,
        stop_sequence: null,
        usage: {
          input_tokens: this.opts.estimatedInputTokens ?? 0,
          output_tokens: 0,
          cache_read_input_tokens: 0,
          cache_creation_input_tokens: 0,
        },
      },
    });
  }

  private onReasoning(text: string): void {
    if (this.pastThinking) return;
    if (this.open !== "thinking") {
      this.open = "thinking";
      this.out.push({
        type: "content_block_start",
        index: this.nextIndex,
        content_block: { type: "thinking", thinking: "", signature: "" },
      });
    }
    this.out.push({
      type: "content_block_delta",
      index: this.nextIndex,
      delta: { type: "thinking_delta", thinking: text },
    });
  }

  private onText(text: string): void {
    if (this.open !== "text") {
      this.leaveThinking();
      this.open = "text";
      this.out.push({
        type: "content_block_start",
        index: this.nextIndex,
        content_block: { type: "text", text: "" },
      });
    }
    this.out.push({
      type: "content_block_delta",
      index: this.nextIndex,
      delta: { type: "text_delta", text },
    });
  }

  /** Closes an open thinking block (with its one signature) and forbids a new one. */
  private leaveThinking(): void {
    this.pastThinking = true;
    if (this.open !== "thinking") return;
    this.out.push({
      type: "content_block_delta",
      index: this.nextIndex,
      delta: { type: "signature_delta", signature: CEREBRAS_THINKING_SIGNATURE },
    });
    this.closeBlock();
  }

  private closeBlock(): void {
    this.out.push({ type: "content_block_stop", index: this.nextIndex });
    this.nextIndex++;
    this.open = "none";
  }

  /** The normal end: held text, the open block, the held tool calls, then the message's end. */
  private complete(): void {
    if (!this.started) this.start();
    const tail = this.think.end();
    if (tail.reasoning !== "") this.onReasoning(tail.reasoning);
    if (tail.text !== "") this.onText(tail.text);
    if (this.open === "thinking") this.leaveThinking();
    else if (this.open === "text") this.closeBlock();

    const calls = this.tools.complete();
    for (const call of calls) {
      const index = this.nextIndex++;
      this.out.push(
        {
          type: "content_block_start",
          index,
          content_block: { type: "tool_use", id: call.id, name: call.name, input: {} },
        },
        {
          type: "content_block_delta",
          index,
          delta: { type: "input_json_delta", partial_json: call.arguments.json },
        },
        { type: "content_block_stop", index },
      );
    }
    if (this.nextIndex === 0) {
      this.out.push(
        { type: "content_block_start", index: 0, content_block: { type: "text", text: "" } },
        { type: "content_block_stop", index: 0 },
      );
      this.nextIndex = 1;
    }
    this.out.push(
      {
        type: "message_delta",
        delta: {
          stop_reason: cerebrasFinishToAnthropicStopReason(this.finishReason, calls.length > 0),
          stop_sequence: null,
        },
        usage: cerebrasToAnthropicUsage(this.usage, {
          inputTokens: this.opts.estimatedInputTokens ?? 0,
          outputTokens: estimateOutputTokens(this.outputChars + this.tools.argumentChars),
        }),
      },
      { type: "message_stop" },
    );
    this.done = true;
  }

  /** One error event ends the stream; an open block is abandoned (docs/mapping.md#22-streaming-response). */
  private fault(body: AnthropicErrorBody): void {
    if (this.done) return;
    this.out.push(body);
    this.done = true;
  }
}

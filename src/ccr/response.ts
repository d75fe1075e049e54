// Cerebras' answer → an Anthropic message, and (when the plugin cannot answer the client itself) the
// Response handed to ccr's converter, in the form the CLIENT asked for. Cerebras honours `stream`, but a
// gateway in front of it may not: a JSON answer to a streaming request is replayed as a stream, and a
// stream answering a non-streaming request is collected into one message.

import { AnthropicHttpError } from "../errors";
import { cerebrasToAnthropicMessage } from "../response/index";
import { cerebrasSseToAnthropicEvents } from "../stream/event-stream";
import { anthropicMessageToStreamEvents, anthropicStreamEventsToMessage } from "../stream/message-events";
import { CerebrasToAnthropicStream } from "../stream/translator";
import type { AnthropicMessage, AnthropicStreamEvent } from "../wire/anthropic";
import { anthropicMessageToCcrCompletion, CcrChunkEncoder } from "./encoder";
import { type AnswerState, cerebrasSseToCcrStream } from "./stream";

type State = AnswerState;

const SSE_HEADERS = {
  "Content-Type": "text/event-stream",
  "Cache-Control": "no-cache",
  Connection: "keep-alive",
};

function jsonResponse(message: AnthropicMessage): Response {
  return new Response(JSON.stringify(anthropicMessageToCcrCompletion(message)), {
    status: 200,
    headers: { "Content-Type": "application/json" },
  });
}

export function messageFromCerebrasJson(
  text: string,
  state: Omit<State, "release" | "coalesceDeltas">,
): AnthropicMessage {
  let completion: unknown;
  try {
    completion = JSON.parse(text);
  } catch (err) {
    throw new AnthropicHttpError({
      status: 502,
      type: "api_error",
      message: `Cerebras returned an unreadable response: ${String(err)}`,
    });
  }
  return cerebrasToAnthropicMessage(completion, {
    requestedModel: state.requestedModel,
    messageId: state.messageId,
    estimatedInputTokens: state.estimatedInputTokens,
    errorContext: state.errorContext,
  });
}

export async function messageFromCerebrasSse(
  body: ReadableStream<Uint8Array> | null,
  state: Omit<State, "release" | "coalesceDeltas">,
): Promise<AnthropicMessage> {
  const t = new CerebrasToAnthropicStream({
    requestedModel: state.requestedModel,
    messageId: state.messageId,
    estimatedInputTokens: state.estimatedInputTokens,
    errorContext: state.errorContext,
  });
  const events: AnthropicStreamEvent[] = [];
  const reader = cerebrasSseToAnthropicEvents(body, { translator: t }).getReader();
  for (let read = await reader.read(); !read.done; read = await reader.read()) events.push(...read.value);
  return anthropicStreamEventsToMessage(events);
}

function streamOfMessage(message: AnthropicMessage): ReadableStream<Uint8Array> {
  const encoder = new CcrChunkEncoder(message.id, message.model);
  const bytes = new TextEncoder();
  const chunks = anthropicMessageToStreamEvents(message)
    .map((e) => encoder.encode(e))
    .filter(Boolean);
  return new ReadableStream({
    pull(controller) {
      const next = chunks.shift();
      if (next === undefined) controller.close();
      else controller.enqueue(bytes.encode(next));
    },
  });
}

export async function cerebrasAnswerToCcrResponse(
  answer: { sse: boolean; body: ReadableStream<Uint8Array> | null; text?: () => Promise<string> },
  wantsStream: boolean | undefined,
  state: State,
): Promise<Response> {
  const stream = wantsStream ?? answer.sse;
  if (answer.sse && stream) {
    return new Response(cerebrasSseToCcrStream(answer.body, state, state.coalesceDeltas), {
      status: 200,
      headers: SSE_HEADERS,
    });
  }
  try {
    const message = answer.sse
      ? await messageFromCerebrasSse(answer.body, state)
      : messageFromCerebrasJson(answer.text ? await answer.text() : "", state);
    return stream
      ? new Response(streamOfMessage(message), { status: 200, headers: SSE_HEADERS })
      : jsonResponse(message);
  } finally {
    state.release();
  }
}

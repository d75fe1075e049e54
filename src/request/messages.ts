// Anthropic `messages` → Cerebras messages: ordering, tool-call/tool-result pairing, role:"system"
// messages, merging. The rendering of a message never depends on messages after the turn it belongs
// to, so turn N+1 serialises with turn N as a byte-identical prefix (Cerebras' prompt cache).

import { isJsonObject, type JsonObject } from "../json-object";
import type { ReasoningReplay } from "../models";
import type { CerebrasMessage, CerebrasToolCall } from "../wire/cerebras";
import type { AnthropicContentBlock, AnthropicMessageParam } from "./anthropic-request";
import {
  anthropicSystemMessageText,
  anthropicToolResultToCerebras,
  anthropicUserBlockToSegments,
  renderUserSegments,
  type ToolResultRendering,
  type UserSegment,
} from "./content";
import { fail, hasVisibleText, requireNonEmptyString, requireString } from "./input";
import { withReplayedThinking } from "./thinking";

export const EMPTY_USER_TEXT = "(empty)";
export const MISSING_RESULT_TEXT = "Error: no result was recorded for this tool call";

export interface MessagesOptions {
  /** The model sees images: image parts are sent instead of placeholders. */
  vision: boolean;
  /** How earlier thinking is put back into the assistant content (thinking.ts). */
  replay: ReasoningReplay;
}

export interface MessagesTranslation {
  /** Everything after the system message. */
  messages: CerebrasMessage[];
  /** The first `role:"system"` message, when it comes before any assistant message: it joins the system string. */
  systemAppend: string[];
  /** At least one assistant message got its earlier thinking back. */
  replayedThinking: boolean;
}

interface InputMessage {
  role: AnthropicMessageParam["role"];
  content: string | AnthropicContentBlock[];
  path: string;
}

interface AssistantDraft {
  role: "assistant";
  thinking: string[];
  texts: string[];
  toolCalls: CerebrasToolCall[];
  replay: ReasoningReplay;
}
interface UserDraft {
  role: "user";
  segments: UserSegment[];
}
interface ToolDraft {
  role: "tool";
  tool_call_id: string;
  content: string;
}
type Draft = AssistantDraft | UserDraft | ToolDraft;

function readMessage(m: AnthropicMessageParam, i: number): InputMessage {
  return { role: m.role, content: m.content, path: `messages.${i}` };
}

function toolUseToCall(block: JsonObject, path: string): CerebrasToolCall {
  const id = requireNonEmptyString(block.id, `${path}.id`, "tool_use block needs an id");
  const name = requireNonEmptyString(block.name, `${path}.name`, "tool_use block needs a name");
  const input = block.input ?? {};
  if (!isJsonObject(input)) fail(`${path}.input`, "tool_use input must be an object");
  return { id, type: "function", function: { name, arguments: JSON.stringify(input) } };
}

function readAssistant(m: InputMessage, replay: ReasoningReplay): AssistantDraft {
  const draft: AssistantDraft = { role: "assistant", thinking: [], texts: [], toolCalls: [], replay };
  if (typeof m.content === "string") {
    if (m.content !== "") draft.texts.push(m.content);
    return draft;
  }
  const ids = new Set<string>();
  m.content.forEach((block, j) => {
    const path = `${m.path}.content.${j}`;
    if (block.type === "text") {
      const text = requireString(block.text, `${path}.text`);
      if (text !== "") draft.texts.push(text);
    } else if (block.type === "thinking") {
      const thinking = requireString(block.thinking, `${path}.thinking`);
      if (replay !== "drop") draft.thinking.push(thinking);
    } else if (block.type === "tool_use") {
      const call = toolUseToCall(block, path);
      if (ids.has(call.id)) fail(`${path}.id`, `duplicate tool_use id '${call.id}' in one message`);
      ids.add(call.id);
      draft.toolCalls.push(call);
    }
    // redacted_thinking, server_tool_use, *_tool_result and unknown blocks never reach Cerebras.
  });
  return draft;
}

/**
 * Cerebras API version 2 refuses a request in which two tool calls share an id, even in different
 * turns (some clients number their calls per turn). A call whose id was used before gets `<id>_<n>`,
 * the first n that is still free; its result in the next turn follows it (see addTurn). Depends only on
 * earlier messages, so the prompt prefix stays byte-identical from turn to turn.
 * @see docs/models.md "API version 2"
 */
function renameRepeatedCallIds(calls: CerebrasToolCall[], seen: Set<string>): Map<string, string> {
  const renames = new Map<string, string>();
  for (const call of calls) {
    if (seen.has(call.id)) {
      let n = 2;
      while (seen.has(`${call.id}_${n}`)) n++;
      renames.set(call.id, `${call.id}_${n}`);
      call.id = `${call.id}_${n}`;
    }
    seen.add(call.id);
  }
  return renames;
}

function asSystemReminder(text: string): string {
  return text.startsWith("<system-reminder>") ? text : `<system-reminder>\n${text}\n</system-reminder>`;
}

interface State {
  out: Draft[];
  /** The first role:"system" message, when no assistant message came before it. */
  systemAppend: string[];
  sawAssistant: boolean;
  sawSystem: boolean;
  vision: boolean;
}

function pushUser(state: State, segments: UserSegment[]): void {
  const last = state.out[state.out.length - 1];
  if (last?.role === "user") last.segments.push(...segments);
  else state.out.push({ role: "user", segments });
}

/** A user message's blocks: results of the pending calls into `results`, the rest into `segments`. */
function readUserBlocks(
  m: InputMessage & { content: JsonObject[] },
  callIds: ReadonlySet<string>,
  renames: ReadonlyMap<string, string>,
  results: Map<string, ToolResultRendering>,
  out: { moved: UserSegment[]; segments: UserSegment[] },
  vision: boolean,
): void {
  m.content.forEach((block, j) => {
    const path = `${m.path}.content.${j}`;
    if (block.type !== "tool_result") {
      out.segments.push(...anthropicUserBlockToSegments(block, path, vision));
      return;
    }
    const sentId = requireNonEmptyString(
      block.tool_use_id,
      `${path}.tool_use_id`,
      "tool_result needs a tool_use_id",
    );
    const id = renames.get(sentId) ?? sentId;
    const rendered = anthropicToolResultToCerebras(block, path, vision);
    const images = rendered.images.map((image) => ({ image }));
    if (callIds.has(id) && !results.has(id)) {
      results.set(id, rendered);
      if (images.length) out.moved.push({ text: `[image from the result of tool call ${id}]` }, ...images);
    } else {
      out.segments.push({ text: `[tool result for ${id}]: ${rendered.text}` }, ...images);
    }
  });
}

/**
 * A turn (the user/system messages after an assistant message, or at the start) → one tool message
 * per call of that assistant, in call order, then one user message with everything else in order.
 */
function addTurn(
  state: State,
  turn: readonly InputMessage[],
  calls: readonly CerebrasToolCall[],
  renames: ReadonlyMap<string, string>,
): void {
  const callIds = new Set(calls.map((c) => c.id));
  const results = new Map<string, ToolResultRendering>();
  const parts = { moved: [] as UserSegment[], segments: [] as UserSegment[] };
  let hadUser = false;
  for (const m of turn) {
    if (m.role === "system") {
      const text = anthropicSystemMessageText(m.content, m.path);
      // Only one before any assistant reply joins the system string: a later first one (e.g. a Read
      // truncation notice) must not change the start of the prompt (Cerebras' prefix cache).
      if (!state.sawAssistant && !state.sawSystem) state.systemAppend.push(text);
      else if (hasVisibleText(text)) parts.segments.push({ text: asSystemReminder(text) });
      state.sawSystem = true;
    } else if (typeof m.content === "string") {
      hadUser = true;
      if (hasVisibleText(m.content)) parts.segments.push({ text: m.content });
    } else {
      hadUser = true;
      readUserBlocks(
        m as InputMessage & { content: JsonObject[] },
        callIds,
        renames,
        results,
        parts,
        state.vision,
      );
    }
  }
  for (const call of calls) {
    const content = results.get(call.id)?.text ?? MISSING_RESULT_TEXT;
    state.out.push({ role: "tool", tool_call_id: call.id, content });
  }
  const all = parts.moved.length ? [...parts.moved, ...parts.segments] : parts.segments;
  if (all.length) pushUser(state, all);
  else if (hadUser && calls.length === 0) pushUser(state, [{ text: EMPTY_USER_TEXT }]);
}

function addAssistant(state: State, draft: AssistantDraft): void {
  state.sawAssistant = true;
  const last = state.out[state.out.length - 1];
  if (last?.role !== "assistant") {
    state.out.push(draft);
    return;
  }
  // Only reachable when the previous assistant made no calls (calls get tool messages first).
  last.thinking.push(...draft.thinking);
  last.texts.push(...draft.texts);
  last.toolCalls.push(...draft.toolCalls);
}

export function anthropicToCerebrasMessages(
  input: readonly AnthropicMessageParam[],
  opts: MessagesOptions,
): MessagesTranslation {
  const messages = input.map(readMessage);
  const state: State = {
    out: [],
    systemAppend: [],
    sawAssistant: false,
    sawSystem: false,
    vision: opts.vision,
  };
  let calls: CerebrasToolCall[] = [];
  let renames = new Map<string, string>();
  const seenCallIds = new Set<string>();
  let turn: InputMessage[] = [];
  for (const m of messages) {
    if (m.role !== "assistant") {
      turn.push(m);
      continue;
    }
    addTurn(state, turn, calls, renames);
    const draft = readAssistant(m, opts.replay);
    renames = renameRepeatedCallIds(draft.toolCalls, seenCallIds);
    addAssistant(state, draft);
    calls = draft.toolCalls;
    turn = [];
  }
  addTurn(state, turn, calls, renames);
  if (state.out.length === 0) state.out.push({ role: "user", segments: [{ text: EMPTY_USER_TEXT }] });
  return renderDrafts(state.out, state.systemAppend);
}

function renderDrafts(drafts: readonly Draft[], systemAppend: string[]): MessagesTranslation {
  let replayedThinking = false;
  const messages = drafts.map((d): CerebrasMessage => {
    if (d.role === "tool") return { role: "tool", tool_call_id: d.tool_call_id, content: d.content };
    if (d.role === "user") return { role: "user", content: renderUserSegments(d.segments) };
    const { content, replayed } = withReplayedThinking(d.thinking, d.texts.join("\n\n"), d.replay);
    replayedThinking ||= replayed;
    return d.toolCalls.length
      ? { role: "assistant", content, tool_calls: d.toolCalls }
      : { role: "assistant", content };
  });
  return { messages, systemAppend, replayedThinking };
}

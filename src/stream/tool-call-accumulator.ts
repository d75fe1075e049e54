// Streamed Cerebras tool-call fragments → complete tool calls, emitted only when the stream ends
// (docs/mapping.md#22-streaming-response). Holding them keeps text before tools,
// keeps parallel calls apart, and lets id and name be known before a block starts (ccr S5–S7).

import { cerebrasToAnthropicToolUseId } from "../response/ids";
import { type ParsedToolArguments, parseCerebrasToolArguments } from "../response/tool-arguments";
import type { CerebrasToolCallDelta } from "../wire/cerebras";

interface PendingToolCall {
  /** The upstream id; a missing one is generated at the end. */
  id: string | undefined;
  name: string | undefined;
  args: string;
}

export interface CompletedToolCall {
  id: string;
  name: string;
  arguments: ParsedToolArguments;
}

function nonEmpty(v: unknown): string | undefined {
  return typeof v === "string" && v !== "" ? v : undefined;
}

/** Only called when a fragment repeats a known id and name, so the parse stays off the hot path. */
function isCompleteObject(args: string): boolean {
  const t = args.trim();
  if (!t.startsWith("{") || !t.endsWith("}")) return false;
  try {
    const v = JSON.parse(t);
    return typeof v === "object" && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}

export class CerebrasToolCallAccumulator {
  private readonly calls: PendingToolCall[] = [];
  private readonly byIndex = new Map<number, PendingToolCall>();
  private readonly byId = new Map<string, PendingToolCall>();
  /** Characters of argument text received, for the output-token estimate. */
  argumentChars = 0;

  get pending(): number {
    return this.calls.length;
  }

  add(fragment: CerebrasToolCallDelta): void {
    if (!fragment || typeof fragment !== "object") return;
    const id = nonEmpty(fragment.id);
    const name = nonEmpty(fragment.function?.name);
    const args = typeof fragment.function?.arguments === "string" ? fragment.function.arguments : "";
    const index = typeof fragment.index === "number" ? fragment.index : undefined;
    this.argumentChars += args.length;

    const call =
      id !== undefined ? this.addWithId(id, name, args, index) : this.addWithoutId(name, args, index);
    if (index !== undefined && !this.byIndex.has(index)) this.byIndex.set(index, call);
  }

  private addWithId(id: string, name: string | undefined, args: string, index: number | undefined) {
    const seen = this.byId.get(id);
    if (seen) {
      // gpt-oss re-sends the complete arguments under the same id and name after streaming them.
      if (name !== undefined && name === seen.name && isCompleteObject(args)) seen.args = args;
      else this.append(seen, name, args);
      return seen;
    }
    const slot = index !== undefined ? this.byIndex.get(index) : undefined;
    if (slot && slot.id === undefined) {
      slot.id = id;
      this.byId.set(id, slot);
      this.append(slot, name, args);
      return slot;
    }
    const call = this.create(id, name, args);
    if (index !== undefined) this.byIndex.set(index, call);
    return call;
  }

  private addWithoutId(name: string | undefined, args: string, index: number | undefined) {
    const slot = index !== undefined ? this.byIndex.get(index) : undefined;
    if (slot) {
      this.append(slot, name, args);
      return slot;
    }
    const last = this.calls[this.calls.length - 1];
    if (name !== undefined && (index !== undefined || !last || last.name !== undefined)) {
      return this.create(undefined, name, args);
    }
    // No usable index and no id: the continuation of the latest call (dirac#215, CLIProxyAPI#5058).
    if (last) {
      this.append(last, name, args);
      return last;
    }
    return this.create(undefined, name, args);
  }

  private append(call: PendingToolCall, name: string | undefined, args: string): void {
    if (call.name === undefined && name !== undefined) call.name = name;
    if (args !== "") call.args += args;
  }

  private create(id: string | undefined, name: string | undefined, args: string): PendingToolCall {
    const call: PendingToolCall = { id, name, args };
    this.calls.push(call);
    if (id !== undefined) this.byId.set(id, call);
    return call;
  }

  /** The calls in start order with parsed arguments; calls that never got a name are dropped. */
  complete(): CompletedToolCall[] {
    const out: CompletedToolCall[] = [];
    for (const call of this.calls) {
      if (call.name === undefined) continue;
      out.push({
        id: cerebrasToAnthropicToolUseId(call.id),
        name: call.name,
        arguments: parseCerebrasToolArguments(call.args, call.name),
      });
    }
    return out;
  }
}

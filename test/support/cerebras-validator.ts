// A strict validator of Cerebras chat-completions request bodies, with the rules of API version 2
// (docs/models.md: unique tool-call ids, tool_choice only with tools, strict tool pairing). Stricter than
// the real API where the sources are unsure
// (tool message content must be a string, tool-call pairing, no adjacent assistant messages), because
// the translator promises bodies that are valid under every reading. Used by the unit tests on every
// translated body and by the Cerebras emulator to answer 400/422 like Cerebras does.

import { isJsonObject } from "../../src/json-object";
import type { ModelInfo } from "../../src/models";
import { CEREBRAS_REQUEST_KEYS } from "../../src/wire/cerebras";

export interface ValidationIssue {
  status: 400 | 422;
  code: string;
  param: string;
  message: string;
}

/** Fields the real API accepts (SDK types + docs). Anything else is `wrong_api_format`. */
const CEREBRAS_ACCEPTED_KEYS = new Set<string>([
  ...CEREBRAS_REQUEST_KEYS,
  "max_tokens",
  "seed",
  "response_format",
  "reasoning_format",
  "logprobs",
  "top_logprobs",
  "n",
  "min_tokens",
  "min_completion_tokens",
  "prediction",
  "prompt_cache_key",
  "service_tier",
  "model_parameters",
]);

const ALLOWED_SCHEMA_KEYS = new Set([
  "type",
  "properties",
  "required",
  "additionalProperties",
  "items",
  "prefixItems",
  "enum",
  "anyOf",
  "$ref",
  "$defs",
  "description",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
]);
const SCHEMA_TYPES = new Set(["string", "number", "integer", "boolean", "object", "array", "null"]);
const TOOL_NAME_RE = /^[a-zA-Z0-9_-]{1,64}$/;
const EFFORTS = new Set(["none", "low", "medium", "high"]);

export interface ValidateOptions {
  /** Model capabilities: image parts are refused for text-only models; output is bounded. */
  model?: ModelInfo;
  /** Only the keys ccr-cerebras promises to send (a subset of what Cerebras accepts). */
  ourAllowList?: boolean;
}

export function validateCerebrasRequest(body: unknown, opts: ValidateOptions = {}): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const bad = (param: string, message: string, code = "wrong_api_format", status: 400 | 422 = 400) =>
    issues.push({ status, code, param, message });
  const unsupported = (path: string) => bad("validation_error", `${path}: property '${path}' is unsupported`);

  if (!isJsonObject(body)) {
    bad("body", "body: Input should be a valid dictionary", "invalid_body", 422);
    return issues;
  }
  const allowed: ReadonlySet<string> = opts.ourAllowList
    ? new Set(CEREBRAS_REQUEST_KEYS)
    : CEREBRAS_ACCEPTED_KEYS;
  // stream_options is reported once, as the 422 peers observed, not also as an unknown key.
  for (const key of Object.keys(body))
    if (!allowed.has(key) && key !== "stream_options") unsupported(`body.${key}`);
  if ("stream_options" in body)
    bad("stream_options", "body.stream_options: Extra inputs are not permitted", "", 422);

  if (typeof body.model !== "string" || !body.model) bad("model", "body.model: Field required", "", 422);
  if (opts.model && body.model !== opts.model.id) bad("model", `model mismatch: ${String(body.model)}`);
  if ("max_tokens" in body && "max_completion_tokens" in body) {
    bad("max_tokens", "max_tokens and max_completion_tokens cannot both be set");
  }
  const mct = body.max_completion_tokens;
  if (mct !== undefined) {
    if (!Number.isInteger(mct) || ((mct as number) < 1 && mct !== -1)) {
      bad("max_completion_tokens", "max_completion_tokens must be a positive integer", "", 422);
    } else if (opts.model && (mct as number) > opts.model.maxOutput) {
      bad(
        "max_completion_tokens",
        `max_completion_tokens ${mct} exceeds the model maximum ${opts.model.maxOutput}`,
      );
    }
  }
  if (body.temperature !== undefined) {
    const t = body.temperature;
    if (typeof t !== "number" || t < 0 || t > 1.5)
      bad("temperature", "temperature must be between 0 and 1.5");
  }
  if (body.top_p !== undefined) {
    const p = body.top_p;
    if (typeof p !== "number" || p < 0 || p > 1) bad("top_p", "top_p must be between 0 and 1");
  }
  if (body.stop !== undefined) {
    const s = body.stop;
    const list = typeof s === "string" ? [s] : s;
    if (!Array.isArray(list) || list.some((x) => typeof x !== "string") || list.length > 4) {
      bad("stop", "stop must be a string or at most 4 strings");
    }
  }
  if (body.stream !== undefined && typeof body.stream !== "boolean")
    bad("stream", "stream must be a boolean", "", 422);
  if (body.reasoning_effort !== undefined && !EFFORTS.has(body.reasoning_effort as string)) {
    bad("reasoning_effort", `reasoning_effort '${String(body.reasoning_effort)}' is not supported`);
  }
  if (opts.model && body.reasoning_effort !== undefined) {
    const r = opts.model.reasoning;
    const ok = r && (r.levels.includes(body.reasoning_effort as never) || r.off === body.reasoning_effort);
    if (!ok)
      bad(
        "reasoning_effort",
        `reasoning_effort '${body.reasoning_effort}' is not supported by ${opts.model.id}`,
      );
  }
  if (body.clear_thinking !== undefined) {
    if (typeof body.clear_thinking !== "boolean")
      bad("clear_thinking", "clear_thinking must be a boolean", "", 422);
    if (opts.model && !opts.model.reasoning?.clearThinking) unsupported("body.clear_thinking");
  }
  if (body.parallel_tool_calls !== undefined && typeof body.parallel_tool_calls !== "boolean") {
    bad("parallel_tool_calls", "parallel_tool_calls must be a boolean", "", 422);
  }
  // A parameter the model's listing does not name (supported_sampling_parameters; max_tokens is ours).
  if (opts.model?.supportedParameters) {
    for (const key of ["temperature", "top_p", "stop", "max_completion_tokens"]) {
      if (body[key] !== undefined && !opts.model.supportedParameters.includes(key))
        bad(key, `${key} is not supported by ${opts.model.id}`);
    }
  }
  if (body.user !== undefined && (typeof body.user !== "string" || body.user.length > 256)) {
    bad("user", "user must be a short string");
  }

  validateMessages(body.messages, opts, bad, unsupported);
  const toolNames = validateTools(body.tools, bad, unsupported);
  if ("response_format" in body && "tools" in body)
    bad("response_format", '"tools" is incompatible with "response_format"');
  // API version 2: tool_choice only together with tools.
  if (body.tool_choice !== undefined && body.tools === undefined)
    bad("tool_choice", "tool_choice is only allowed when tools are provided");
  else validateToolChoice(body.tool_choice, toolNames, bad);
  return issues;
}

type Bad = (param: string, message: string, code?: string, status?: 400 | 422) => void;

function validateMessages(
  messages: unknown,
  opts: ValidateOptions,
  bad: Bad,
  unsupported: (p: string) => void,
) {
  if (!Array.isArray(messages) || messages.length === 0) {
    bad("messages", "body.messages: Field required (a non-empty list)", "", 422);
    return;
  }
  let pending: string[] = []; // tool_call ids still waiting for their tool message, in order
  const seenCallIds = new Set<string>(); // API version 2: ids are unique across the whole request
  let prevRole = "";
  messages.forEach((m, i) => {
    const at = `messages.${i}`;
    if (!isJsonObject(m)) return bad(at, `body.${at}: Input should be a valid dictionary`, "", 422);
    const role = m.role;
    const keys: Record<string, string[]> = {
      system: ["role", "content", "name"],
      developer: ["role", "content", "name"],
      user: ["role", "content", "name"],
      assistant: ["role", "content", "tool_calls", "reasoning", "name"],
      tool: ["role", "content", "tool_call_id", "name"],
    };
    const allowedKeys = typeof role === "string" ? keys[role] : undefined;
    if (!allowedKeys)
      return bad(at, `body.${at}.role: Input should be 'system', 'user', 'assistant' or 'tool'`, "", 422);
    for (const k of Object.keys(m)) if (!allowedKeys.includes(k)) unsupported(`${at}.${role}.${k}`);

    if (role !== "tool" && pending.length) {
      bad(at, `assistant tool_calls ${pending.join(", ")} have no tool message before ${at}`);
      pending = [];
    }
    if (role === "system" || role === "developer") {
      if (typeof m.content !== "string")
        bad(at, `body.${at}.system.content: Input should be a valid string`, "", 422);
    } else if (role === "user") {
      validateUserContent(m.content, at, opts, bad, unsupported);
    } else if (role === "assistant") {
      if (prevRole === "assistant") bad(at, `two assistant messages in a row at ${at}`);
      if (m.content !== undefined && m.content !== null && typeof m.content !== "string") {
        if (
          !Array.isArray(m.content) ||
          m.content.some((p) => !isJsonObject(p) || p.type !== "text" || typeof p.text !== "string")
        )
          bad(at, `body.${at}.assistant.content: Input should be a valid string`, "", 422);
      }
      if (m.tool_calls !== undefined) {
        if (!Array.isArray(m.tool_calls) || m.tool_calls.length === 0) {
          bad(at, `body.${at}.assistant.tool_calls: Input should be a non-empty list`, "", 422);
        } else {
          m.tool_calls.forEach((tc, j) => {
            const p = `${at}.assistant.tool_calls.${j}`;
            if (!isJsonObject(tc)) return bad(p, `body.${p}: Input should be a valid dictionary`, "", 422);
            for (const k of Object.keys(tc))
              if (!["id", "type", "function", "index"].includes(k)) unsupported(`${p}.${k}`);
            const fn = tc.function;
            if (typeof tc.id !== "string" || !tc.id) bad(p, `body.${p}.id: Field required`, "", 422);
            if (tc.type !== "function") bad(p, `body.${p}.type: Input should be 'function'`, "", 422);
            if (!isJsonObject(fn) || typeof fn.name !== "string" || typeof fn.arguments !== "string") {
              bad(p, `body.${p}.function: name and arguments (a string) are required`, "", 422);
            } else {
              for (const k of Object.keys(fn))
                if (!["name", "arguments"].includes(k)) unsupported(`${p}.function.${k}`);
            }
            if (typeof tc.id === "string") {
              if (seenCallIds.has(tc.id))
                bad(p, `Duplicate tool call id '${tc.id}': tool call ids must be unique in the request`);
              seenCallIds.add(tc.id);
              pending.push(tc.id);
            }
          });
        }
      }
    } else if (role === "tool") {
      if (typeof m.content !== "string")
        bad(at, `body.${at}.tool.content: Input should be a valid string`, "", 422);
      if (typeof m.tool_call_id !== "string")
        bad(at, `body.${at}.tool.tool_call_id: Field required`, "", 422);
      else if (pending[0] !== m.tool_call_id) {
        bad(
          at,
          `tool message ${m.tool_call_id} at ${at} does not answer the next pending call (${pending[0] ?? "none"})`,
        );
      } else pending.shift();
    }
    prevRole = role as string;
  });
  if (pending.length) bad("messages", `assistant tool_calls ${pending.join(", ")} are never answered`);
}

function validateUserContent(
  content: unknown,
  at: string,
  opts: ValidateOptions,
  bad: Bad,
  unsupported: (p: string) => void,
) {
  if (typeof content === "string") return;
  if (!Array.isArray(content) || content.length === 0) {
    return bad(at, `body.${at}.user.content: Input should be a valid string or a non-empty list`, "", 422);
  }
  content.forEach((part, j) => {
    const p = `${at}.user.content.${j}`;
    if (!isJsonObject(part)) return bad(p, `body.${p}: Input should be a valid dictionary`, "", 422);
    if (part.type === "text") {
      for (const k of Object.keys(part)) if (k !== "type" && k !== "text") unsupported(`${p}.${k}`);
      if (typeof part.text !== "string") bad(p, `body.${p}.text: Input should be a valid string`, "", 422);
    } else if (part.type === "image_url") {
      for (const k of Object.keys(part)) if (k !== "type" && k !== "image_url") unsupported(`${p}.${k}`);
      const iu = part.image_url;
      if (!isJsonObject(iu) || typeof iu.url !== "string")
        bad(p, `body.${p}.image_url.url: Field required`, "", 422);
      else
        for (const k of Object.keys(iu))
          if (k !== "url" && k !== "detail") unsupported(`${p}.image_url.${k}`);
      if (opts.model && !opts.model.vision) bad(p, `Model ${opts.model.id} does not support image inputs`);
    } else {
      bad(
        p,
        `body.${p}.type: Input tag '${String(part.type)}' does not match any of the expected tags`,
        "",
        422,
      );
    }
  });
}

function validateTools(tools: unknown, bad: Bad, unsupported: (p: string) => void): Set<string> {
  const names = new Set<string>();
  if (tools === undefined) return names;
  if (!Array.isArray(tools)) {
    bad("tools", "body.tools: Input should be a valid list", "", 422);
    return names;
  }
  tools.forEach((t, i) => {
    const at = `tools.${i}`;
    if (!isJsonObject(t)) return bad(at, `body.${at}: Input should be a valid dictionary`, "", 422);
    for (const k of Object.keys(t)) if (k !== "type" && k !== "function") unsupported(`${at}.${k}`);
    const fn = t.function;
    if (t.type !== "function" || !isJsonObject(fn))
      return bad(at, `body.${at}: type 'function' with a function is required`, "", 422);
    for (const k of Object.keys(fn)) {
      if (!["name", "description", "parameters", "strict"].includes(k)) unsupported(`${at}.function.${k}`);
    }
    if (typeof fn.name !== "string" || !TOOL_NAME_RE.test(fn.name)) {
      bad(
        at,
        `Invalid function name '${String(fn.name)}': must be a-z, A-Z, 0-9, underscores or dashes, at most 64`,
      );
    } else {
      if (names.has(fn.name)) bad(at, `Duplicate function name '${fn.name}'`);
      names.add(fn.name);
    }
    if (fn.description !== undefined && typeof fn.description !== "string")
      bad(at, "description must be a string");
    if (fn.parameters !== undefined) validateSchemaRoot(fn.parameters, bad);
  });
  return names;
}

/** The JSON-Schema subset of docs/mapping.md#53-tool-schemas (2026 revision), with its limits. */
export function validateSchemaRoot(schema: unknown, bad: Bad): void {
  const fail = (m: string) => bad("response_format", m);
  if (!isJsonObject(schema)) return fail("Tool parameters must be a JSON schema object");
  if (JSON.stringify(schema).length > 5000) fail("JSON schema exceeds 5000 characters");
  if (schema.type !== "object") fail("The root of a JSON schema must be of type 'object'");
  let propertyCount = 0;
  let enumCount = 0;
  const defs = isJsonObject(schema.$defs) ? schema.$defs : {};
  const walk = (s: unknown, depth: number, path: string) => {
    if (depth > 10) return fail(`JSON schema nesting exceeds depth 10 at ${path}`);
    if (!isJsonObject(s)) return fail(`Invalid JSON schema at ${path}`);
    const keys = Object.keys(s);
    if (keys.length === 0) return fail("Unsupported JSON schema fields in schema with keys: dict_keys([])");
    const unknown = keys.filter((k) => !ALLOWED_SCHEMA_KEYS.has(k) || (k === "$defs" && path !== "#"));
    if (unknown.length) fail(`Unsupported JSON schema fields: {${unknown.map((k) => `'${k}'`).join(", ")}}`);
    if (Array.isArray(s.type)) {
      fail(
        "Lists of types are not supported in JSON schema. If you are trying to make a field Optional, use anyOf with a null type",
      );
    } else if (s.type !== undefined && !SCHEMA_TYPES.has(s.type as string))
      fail(`Unknown type '${String(s.type)}' at ${path}`);
    if (s.type === undefined && s.anyOf === undefined && s.$ref === undefined && s.enum === undefined) {
      fail(`Schema at ${path} has no type`);
    }
    if (s.$ref !== undefined) {
      const ref = String(s.$ref);
      if (!ref.startsWith("#/$defs/") || !Object.hasOwn(defs, ref.slice(8)))
        fail(`Unsupported $ref '${ref}'`);
    }
    if (s.type === "object") {
      if (s.additionalProperties !== false)
        fail("additionalProperties must be set to false for all objects in JSON schema");
      const props = s.properties ?? {};
      if (!isJsonObject(props)) fail(`properties must be an object at ${path}`);
      else {
        propertyCount += Object.keys(props).length;
        for (const [k, v] of Object.entries(props)) walk(v, depth + 1, `${path}/properties/${k}`);
      }
      if (s.required !== undefined) {
        if (!Array.isArray(s.required)) fail(`required must be a list at ${path}`);
        else
          for (const r of s.required) {
            if (!isJsonObject(props) || !Object.hasOwn(props, r as string))
              fail(`required property '${r}' is not defined at ${path}`);
          }
      }
    } else if (s.properties !== undefined || s.required !== undefined) {
      fail(`properties/required on a non-object schema at ${path}`);
    }
    if (s.type === "array") {
      if (s.items === undefined && s.prefixItems === undefined)
        fail("Array fields require at least one of 'items' or 'prefixItems'.");
      if (s.items === true) fail("items: true is not supported");
      if (isJsonObject(s.items)) walk(s.items, depth + 1, `${path}/items`);
      if (Array.isArray(s.prefixItems))
        s.prefixItems.forEach((p, j) => walk(p, depth + 1, `${path}/prefixItems/${j}`));
    }
    if (s.enum !== undefined) {
      if (!Array.isArray(s.enum) || s.enum.length === 0) fail(`enum must be a non-empty list at ${path}`);
      else enumCount += s.enum.length;
    }
    if (s.anyOf !== undefined) {
      if (!Array.isArray(s.anyOf) || s.anyOf.length === 0) fail(`anyOf must be a non-empty list at ${path}`);
      else s.anyOf.forEach((a, j) => walk(a, depth + 1, `${path}/anyOf/${j}`));
    }
    if (s.description !== undefined && typeof s.description !== "string")
      fail(`description must be a string at ${path}`);
  };
  walk(schema, 1, "#");
  for (const [k, v] of Object.entries(defs)) walk(v, 2, `#/$defs/${k}`);
  if (propertyCount > 500) fail("JSON schema has more than 500 object properties");
  if (enumCount > 500) fail("JSON schema has more than 500 enum values");
}

function validateToolChoice(choice: unknown, toolNames: Set<string>, bad: Bad) {
  if (choice === undefined) return;
  if (typeof choice === "string") {
    if (!["auto", "none", "required"].includes(choice))
      bad("tool_choice", `tool_choice '${choice}' is not supported`);
    if (choice === "required" && toolNames.size === 0)
      bad("tool_choice", "tool_choice 'required' needs tools");
    return;
  }
  if (!isJsonObject(choice) || choice.type !== "function" || !isJsonObject(choice.function)) {
    return bad("tool_choice", "tool_choice must be 'auto', 'none', 'required' or a named function", "", 422);
  }
  const name = choice.function.name;
  if (typeof name !== "string" || !toolNames.has(name))
    bad("tool_choice", `tool_choice names unknown tool '${String(name)}'`);
}

// Anthropic user-side content blocks → Cerebras user text / image parts, and tool_result content →
// the string of a `tool` message. Nothing is ever forwarded as raw JSON.

import { isJsonObject, type JsonObject } from "../json-object";
import type { CerebrasImagePart, CerebrasTextPart } from "../wire/cerebras";
import { fail, hasVisibleText, requireObj, requireString, shortJson } from "./input";

/** A piece of a user message before rendering: text, or an image part (vision models only). */
export type UserSegment = { text: string } | { image: CerebrasImagePart };

export const NO_OUTPUT = "(no output)";
export const TOOL_USE_ERROR_TAG = "<tool_use_error>";
export const IMAGE_MOVED_NOTE = "[image: shown in the next user message]";

export function imageOmittedText(what: string): string {
  return `[image omitted: ${what}, the model cannot see images]`;
}

/** An Anthropic image block → an image_url part (when the model can see it and it is addressable) or a placeholder. */
export function anthropicImageToSegment(block: JsonObject, path: string, vision: boolean): UserSegment {
  const source = requireObj(block.source, `${path}.source`, "image block needs a source object");
  if (source.type === "base64") {
    const mediaType = requireString(source.media_type, `${path}.source.media_type`);
    const data = requireString(source.data, `${path}.source.data`);
    if (!vision) return { text: imageOmittedText(mediaType) };
    return { image: { type: "image_url", image_url: { url: `data:${mediaType};base64,${data}` } } };
  }
  if (source.type === "url") {
    const url = requireString(source.url, `${path}.source.url`);
    if (!vision) return { text: imageOmittedText(`image at ${shortJson(url, 200)}`) };
    return { image: { type: "image_url", image_url: { url } } };
  }
  if (source.type === "file") {
    return { text: `[image omitted: file ${shortJson(source.file_id)}, it cannot be fetched from here]` };
  }
  return fail(`${path}.source.type`, "must be 'base64', 'url' or 'file'");
}

function textOfBlocks(blocks: unknown, path: string): string {
  if (typeof blocks === "string") return blocks;
  if (!Array.isArray(blocks)) return "";
  const texts: string[] = [];
  blocks.forEach((b, i) => {
    if (isJsonObject(b) && typeof b.text === "string") texts.push(b.text);
    else if (!isJsonObject(b)) fail(`${path}.${i}`, "must be a content block object");
  });
  return texts.join("\n\n");
}

export function anthropicDocumentToText(block: JsonObject, path: string): string {
  const source = requireObj(block.source, `${path}.source`, "document block needs a source object");
  const title = typeof block.title === "string" && block.title ? block.title : undefined;
  const label = title ? `[document: ${title}]` : "[document]";
  if (source.type === "text") return `${label}\n${requireString(source.data, `${path}.source.data`)}`;
  if (source.type === "content") return `${label}\n${textOfBlocks(source.content, `${path}.source.content`)}`;
  const what =
    title ??
    (typeof source.media_type === "string" ? source.media_type : undefined) ??
    (typeof source.url === "string" ? shortJson(source.url, 200) : "document");
  return `[document omitted: ${what}]`;
}

function searchResultToText(block: JsonObject, path: string): string {
  const title = typeof block.title === "string" ? block.title : "untitled";
  const source = typeof block.source === "string" ? ` (${block.source})` : "";
  return `[search result: ${title}${source}]\n${textOfBlocks(block.content, `${path}.content`)}`;
}

function toolReferenceToText(block: JsonObject): string {
  return `Tool loaded: ${typeof block.tool_name === "string" ? block.tool_name : "?"}`;
}

/** Blocks that only mean something to Anthropic's servers or to the assistant side; dropped in user turns. */
const DROPPED_USER_BLOCKS = new Set([
  "thinking",
  "redacted_thinking",
  "tool_use",
  "server_tool_use",
  "web_search_tool_result",
  "web_fetch_tool_result",
  "code_execution_tool_result",
  "container_upload",
]);

/** One user block other than `tool_result` → segments (empty texts dropped). */
export function anthropicUserBlockToSegments(
  block: JsonObject,
  path: string,
  vision: boolean,
): UserSegment[] {
  switch (block.type) {
    case "text": {
      const text = requireString(block.text, `${path}.text`);
      return hasVisibleText(text) ? [{ text }] : [];
    }
    case "image":
      return [anthropicImageToSegment(block, path, vision)];
    case "document":
      return [{ text: anthropicDocumentToText(block, path) }];
    case "search_result":
      return [{ text: searchResultToText(block, path) }];
    case "tool_reference":
      return [{ text: toolReferenceToText(block) }];
    default:
      if (DROPPED_USER_BLOCKS.has(block.type as string)) return [];
      return typeof block.text === "string" && hasVisibleText(block.text) ? [{ text: block.text }] : [];
  }
}

/** Text of a tool_result (always a non-empty string) and the images it carried (vision models only). */
export interface ToolResultRendering {
  text: string;
  images: CerebrasImagePart[];
}

export function anthropicToolResultToCerebras(
  block: JsonObject,
  path: string,
  vision: boolean,
): ToolResultRendering {
  const content = block.content;
  const pieces: string[] = [];
  const images: CerebrasImagePart[] = [];
  if (typeof content === "string") pieces.push(content);
  else if (Array.isArray(content)) {
    content.forEach((item, i) => {
      const at = `${path}.content.${i}`;
      if (!isJsonObject(item)) fail(at, "must be a content block object");
      if (item.type === "text") pieces.push(requireString(item.text, `${at}.text`));
      else if (item.type === "image") {
        const seg = anthropicImageToSegment(item, at, vision);
        if ("image" in seg) {
          images.push(seg.image);
          pieces.push(IMAGE_MOVED_NOTE);
        } else pieces.push(seg.text);
      } else if (item.type === "tool_reference") pieces.push(toolReferenceToText(item));
      else {
        for (const seg of anthropicUserBlockToSegments(item, at, false))
          if ("text" in seg) pieces.push(seg.text);
      }
    });
  } else if (content !== undefined && content !== null) {
    fail(`${path}.content`, "must be a string or an array of content blocks");
  }
  let text = pieces.length === 1 ? pieces[0]! : pieces.filter((p) => p !== "").join("\n");
  if (!hasVisibleText(text)) text = NO_OUTPUT;
  if (block.is_error === true && !text.startsWith(TOOL_USE_ERROR_TAG)) text = `Error: ${text}`;
  return { text, images };
}

/** Text of a `role:"system"` message's content (a string or blocks; no images). */
export function anthropicSystemMessageText(content: unknown, path: string): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content))
    return fail(`${path}.content`, "must be a string or an array of content blocks");
  const texts: string[] = [];
  content.forEach((b, i) => {
    const at = `${path}.content.${i}`;
    if (!isJsonObject(b)) fail(at, "must be a content block object");
    if (typeof b.type !== "string") fail(`${at}.type`, "content block needs a type");
    for (const seg of anthropicUserBlockToSegments(b, at, false)) if ("text" in seg) texts.push(seg.text);
  });
  return texts.join("\n\n");
}

/** Segments → Cerebras user content: a string, or an array of parts when there is an image. */
export function renderUserSegments(
  segments: readonly UserSegment[],
): string | Array<CerebrasTextPart | CerebrasImagePart> {
  if (!segments.some((s) => "image" in s))
    return segments.map((s) => (s as { text: string }).text).join("\n\n");
  const parts: Array<CerebrasTextPart | CerebrasImagePart> = [];
  let texts: string[] = [];
  const flush = () => {
    if (texts.length) parts.push({ type: "text", text: texts.join("\n\n") });
    texts = [];
  };
  for (const s of segments) {
    if ("image" in s) {
      flush();
      parts.push(s.image);
    } else texts.push(s.text);
  }
  flush();
  return parts;
}

import { describe, expect, it } from "vitest";
import { conversation, expect400, expectValid, translate } from "../../test/request/helpers";
import { renderUserSegments } from "./content";

const png = { type: "image", source: { type: "base64", media_type: "image/png", data: "iVBORw0KGgo=" } };
const jpegUrl = { type: "image", source: { type: "url", url: "https://example.com/cat.jpg" } };

function userContent(model: string, content: unknown[]) {
  const t = translate({ model, messages: [{ role: "user", content }] });
  expectValid(t);
  return conversation(t)[0]!.content;
}

describe("images", () => {
  it("become image_url parts (data URI or URL) next to text parts for vision models", () => {
    expect(userContent("qwen-3.8-27b", [{ type: "text", text: "Look:" }, png, jpegUrl])).toEqual([
      { type: "text", text: "Look:" },
      { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=" } },
      { type: "image_url", image_url: { url: "https://example.com/cat.jpg" } },
    ]);
  });

  it("become a short placeholder for text-only models, never base64 inside text", () => {
    const content = userContent("zai-glm-4.7", [{ type: "text", text: "Look:" }, png]);
    expect(content).toBe("Look:\n\n[image omitted: image/png, the model cannot see images]");
    expect(String(content)).not.toContain("iVBORw0KGgo");
  });

  it("name the URL in the placeholder for text-only models", () => {
    expect(userContent("gpt-oss-120b", [jpegUrl])).toBe(
      "[image omitted: image at https://example.com/cat.jpg, the model cannot see images]",
    );
  });

  it("from the Files API cannot be fetched and become a placeholder even for vision models", () => {
    const content = userContent("gemma-4-31b", [
      { type: "image", source: { type: "file", file_id: "file_123" } },
    ]);
    expect(content).toMatch(/^\[image omitted: file file_123/);
  });

  it("without a usable source are a 400", () => {
    expect400(
      () => translate({ messages: [{ role: "user", content: [{ type: "image" }] }] }),
      "messages.0.content.0.source",
    );
    expect400(
      () =>
        translate({ messages: [{ role: "user", content: [{ type: "image", source: { type: "base64" } }] }] }),
      "messages.0.content.0.source.media_type",
    );
  });
});

describe("documents", () => {
  it("with a text source are inlined and labelled with their title", () => {
    const content = userContent("zai-glm-4.7", [
      {
        type: "document",
        title: "notes.md",
        source: { type: "text", media_type: "text/plain", data: "# Notes" },
      },
    ]);
    expect(content).toBe("[document: notes.md]\n# Notes");
  });

  it("with a content source are inlined from their text blocks", () => {
    const content = userContent("zai-glm-4.7", [
      { type: "document", source: { type: "content", content: [{ type: "text", text: "para" }] } },
    ]);
    expect(content).toBe("[document]\npara");
  });

  it("that are PDFs or URLs become [document omitted: …]", () => {
    expect(
      userContent("zai-glm-4.7", [
        { type: "document", source: { type: "base64", media_type: "application/pdf", data: "JVBERi0x" } },
      ]),
    ).toBe("[document omitted: application/pdf]");
    expect(
      userContent("zai-glm-4.7", [
        { type: "document", title: "Spec", source: { type: "url", url: "https://x.test/spec.pdf" } },
      ]),
    ).toBe("[document omitted: Spec]");
  });
});

describe("other user blocks", () => {
  it("render search results as short text and drop unknown blocks without leaking JSON", () => {
    const content = userContent("zai-glm-4.7", [
      {
        type: "search_result",
        title: "Docs",
        source: "https://docs.test",
        content: [{ type: "text", text: "result body" }],
      },
      { type: "container_upload", file_id: "file_9" },
      { type: "mystery_block", payload: { deep: true } },
      { type: "future_text_block", text: "visible" },
      { type: "text", text: "end" },
    ]);
    expect(content).toBe("[search result: Docs (https://docs.test)]\nresult body\n\nvisible\n\nend");
    expect(String(content)).not.toContain("{");
  });
});

describe("renderUserSegments", () => {
  it("returns a string when there is no image and merges adjacent texts around images", () => {
    expect(renderUserSegments([{ text: "a" }, { text: "b" }])).toBe("a\n\nb");
    const image = { type: "image_url" as const, image_url: { url: "u" } };
    expect(renderUserSegments([{ text: "a" }, { text: "b" }, { image }, { text: "c" }])).toEqual([
      { type: "text", text: "a\n\nb" },
      image,
      { type: "text", text: "c" },
    ]);
  });
});

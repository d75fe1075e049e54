// A ccr transformer plugin used by ccr-contract.test.ts to observe how ccr 1.0.73 / 2.0.0 treat a
// provider plugin. It records what it sees into options.recordFile and reacts to trigger prompts.
const fs = require("node:fs");

function lastUserText(body) {
  const m = [...(body.messages || [])].reverse().find((x) => x.role === "user");
  if (!m) return "";
  return typeof m.content === "string" ? m.content : m.content.map((p) => p.text || "").join("");
}

/** Paths under `root` whose key or string value contains `needle` (breadth-first, bounded). */
function findPaths(root, needle) {
  const seen = new WeakSet();
  const found = [];
  const queue = [[root, "req", 0]];
  let visited = 0;
  while (queue.length && visited < 100000) {
    const [v, path, depth] = queue.shift();
    visited++;
    if (typeof v === "string") {
      if (v.includes(needle)) found.push(path);
      continue;
    }
    if (v === null || typeof v !== "object" || seen.has(v) || depth > 8) continue;
    seen.add(v);
    let keys = [];
    try {
      keys = Object.keys(v);
    } catch {
      continue;
    }
    for (const k of keys) {
      if (k.includes(needle)) found.push(`${path}.${k}`);
      try {
        queue.push([v[k], `${path}.${k}`, depth + 1]);
      } catch {}
    }
  }
  return { found, visited };
}

class ProbeTransformer {
  constructor(options) {
    this.name = "probe";
    this.options = options || {};
  }

  async transformRequestIn(request, _provider, context) {
    const req = context.req;
    const text = lastUserText(req.body);
    const record = {
      text,
      reqKeys: Object.keys(req),
      bodyModel: req.body.model,
      requestModel: request.model,
      provider: req.provider,
      scenarioType: req.scenarioType,
      reqModel: req.model,
      originalModel: findPaths(req, this.options.needle),
    };
    fs.appendFileSync(this.options.recordFile, `${JSON.stringify(record)}\n`);
    if (text === "THROW400") {
      const e = new Error("probe refuses this request");
      e.statusCode = 400;
      throw e;
    }
    if (text === "REDIRECT") {
      return {
        body: request,
        config: {
          url: new URL(this.options.redirectUrl),
          headers: { Authorization: `Bearer ${this.options.redirectKey}` },
        },
      };
    }
    return request;
  }

  async transformResponseOut(response) {
    if (!(response.headers.get("content-type") || "").includes("text/event-stream")) return response;
    // Re-slice the upstream bytes into 7-byte pieces: ccr must not depend on chunk boundaries.
    const reader = response.body.getReader();
    const sliced = new ReadableStream({
      async pull(controller) {
        const { done, value } = await reader.read();
        if (done) return controller.close();
        for (let i = 0; i < value.length; i += 7) controller.enqueue(value.slice(i, i + 7));
      },
    });
    return new Response(sliced, { status: response.status, headers: response.headers });
  }
}

module.exports = ProbeTransformer;

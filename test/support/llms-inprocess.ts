// ccr's engine (@musistudio/llms, the same transformer pipeline and Anthropic converter that ccr 1.0.73
// bundles) running in this process: fast integration tests of the plugin against the real converter,
// without spawning ccr. The real ccr processes are exercised in test/ccr/.

import { createRequire } from "node:module";
import { freePort } from "./ccr-harness";

const require = createRequire(import.meta.url);

export interface LlmsServer {
  url: string;
  close(): Promise<void>;
}

export async function startLlmsServer(config: {
  providers: object[];
  transformers?: Array<{ path: string; options?: object }>;
}): Promise<LlmsServer> {
  const Server = require("@musistudio/llms").default;
  const port = await freePort();
  const server = new Server({
    initialConfig: { ...config, PORT: port, HOST: "127.0.0.1", LOG: false },
    logger: false,
  });
  // The engine registers transformers and providers asynchronously after construction.
  for (let i = 0; i < 200 && !server.providerService; i++) await new Promise((r) => setTimeout(r, 10));
  if (!server.providerService) throw new Error("llms server did not initialise");
  const signals = ["SIGINT", "SIGTERM"] as const;
  const before = signals.map((sig) => process.listeners(sig));
  await server.start();
  // start() installs SIGINT/SIGTERM handlers that exit the process; keep only the test runner's own.
  signals.forEach((sig, i) => {
    for (const l of process.listeners(sig)) if (!before[i]?.includes(l)) process.off(sig, l);
  });
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => server.app.close(),
  };
}

// Bundles the ccr adapter into one CommonJS file that ccr loads with `new (require(path))(options)`, and
// the installer's helper CLI (json5 included) that install.sh and bin/ccr-cerebras run with plain node.
// Deterministic: no timestamps, no absolute paths, so a fresh build equals the committed dist/.
import { build } from "esbuild";

await build({
  entryPoints: ["src/ccr/entry.ts"],
  outfile: "dist/cerebras-transformer.cjs",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  legalComments: "inline",
  sourcemap: false,
  minify: false,
  logLevel: "warning",
  banner: {
    js: "/* ccr-cerebras: Claude Code Router transformer for Cerebras. Built from src/ by scripts/build.mjs; do not edit. */",
  },
});

await build({
  entryPoints: ["src/install/main.ts"],
  outfile: "dist/install-config.cjs",
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  legalComments: "inline",
  sourcemap: false,
  minify: false,
  logLevel: "warning",
  banner: {
    js: "/* ccr-cerebras installer helper (config merge, model discovery, Claude Code limits). Built from src/install/ by scripts/build.mjs; do not edit. */",
  },
});

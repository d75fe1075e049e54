// `npm run build`: the plugin ccr loads with `new (require(path))(options)`, and the installer's helper CLI
// (json5 included) that install.sh and bin/ccr-cerebras run with plain node. Both are committed in dist/.
import { bundleCjs, INSTALL_HELPER_ENTRY, PLUGIN_ENTRY } from "./bundle";

async function main(): Promise<void> {
  await bundleCjs({
    entry: PLUGIN_ENTRY,
    outfile: "dist/cerebras-transformer.cjs",
    banner:
      "/* ccr-cerebras: Claude Code Router transformer for Cerebras. Built from src/ by scripts/build.ts; do not edit. */",
  });
  await bundleCjs({
    entry: INSTALL_HELPER_ENTRY,
    outfile: "dist/install-config.cjs",
    banner:
      "/* ccr-cerebras installer helper (config merge, model discovery, Claude Code limits). Built from src/install/ by scripts/build.ts; do not edit. */",
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

// Preloaded into the ccr child by bench/soak.ts (NODE_OPTIONS=--require): on SIGUSR2 it collects garbage
// (twice, so objects freed by finalizers go too) and writes the live heap size to $SOAK_HEAP_FILE.<n>.
const { writeFileSync } = require("node:fs");
const v8 = require("node:v8");
const vm = require("node:vm");

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc");
let n = 0;
process.on("SIGUSR2", () => {
  gc();
  gc();
  n++;
  writeFileSync(`${process.env.SOAK_HEAP_FILE}.${n}`, String(process.memoryUsage().heapUsed));
});

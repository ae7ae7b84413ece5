// Section: the language server (bench/lsp.mjs, run as its own process): edit to published
// diagnostics on a 10k-line file, alone and with its backup node open; hover and completion
// latency; memory with a 100k-line file open. Targets from issue 7.
import { runScript } from "./measure.mjs";

export const lsp = {
  title: "language server (edit → diagnostics, hover, completion, memory; bench/lsp.mjs)",
  run(ctx) {
    runScript(ctx, "bench/lsp.mjs");
  },
};

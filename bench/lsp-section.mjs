// Section: the language server (bench/lsp.mjs, run as its own process): edit to published
// diagnostics on a 10k-line file, alone and with its backup node open; hover and completion
// latency; memory with a 100k-line file open. Targets from issue 7.
import { spawnSync } from "node:child_process";
import { join } from "node:path";

export const lsp = {
  title: "language server (edit → diagnostics, hover, completion, memory; bench/lsp.mjs)",
  run(ctx) {
    const r = spawnSync(process.execPath, [join(ctx.root, "bench/lsp.mjs")], { cwd: ctx.root, encoding: "utf8", maxBuffer: 16 << 20 });
    if (r.status !== 0) return console.log(`NOTICE: bench/lsp.mjs exited ${r.status}: ${(r.stderr || r.stdout).slice(0, 300)}`);
    process.stdout.write(r.stdout);
  },
};

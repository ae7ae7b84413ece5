// Section: the language server (bench/lsp.mjs, run as its own process with --json): edit to
// published diagnostics on a 10k-line file, alone and with its backup node open; hover and
// completion latency; memory with a 100k-line file open. Targets from issue 7.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { table } from "./measure.mjs";

const ms = (x) => (x === undefined ? "-" : `${x.toFixed(1)} ms`);

export const lsp = {
  title: "language server (edit → diagnostics, hover, completion, memory; bench/lsp.mjs)",
  run(ctx) {
    const r = spawnSync(process.execPath, [join(ctx.root, "bench/lsp.mjs"), "--json"], { cwd: ctx.root, encoding: "utf8", maxBuffer: 16 << 20 });
    if (r.status !== 0) return console.log(`NOTICE: bench/lsp.mjs exited ${r.status}: ${(r.stderr || r.stdout).slice(0, 300)}`);
    const out = JSON.parse(r.stdout);
    ctx.results.lsp = out;
    const t = out.targets;
    const row = (figure, s, target) => ({ figure, p50: ms(s.p50), p95: ms(s.p95), max: ms(s.max), target: `p95 <= ${target} ms`, met: s.p95 <= target ? "yes" : "NO" });
    table([
      row(`edit → diagnostics, ${out.tenK.lines} lines`, out.tenK.editToDiagnosticsMs, t.editP95Ms),
      row("  the same, backup node open", out.tenKWithPeer.editToDiagnosticsMs, t.editP95Ms),
      row("hover", out.tenK.hoverMs, t.hoverP95Ms),
      row("completion", out.tenK.completionMs, t.completionP95Ms),
    ]);
    const m = out.hundredK;
    console.log(`${m.lines}-line file (${(m.bytes / 1e6).toFixed(1)} MB): open to diagnostics ${ms(m.openMs)}, first hover ${ms(m.hoverMs)}, RSS ${m.rssMB.toFixed(0)} MB (idle ${m.idleMB.toFixed(0)} MB, peak ${m.peakMB.toFixed(0)} MB)`);
  },
};

// Section: render mode, whole process. `kalint diff TEMPLATE --node lb1=... --node lb2=...` on a
// 1,000-line Jinja2 template (bench/template-input.mjs): the engine's start, rendering two
// nodes, linting both and comparing them as a cluster. Wanted: under 0.5 s.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { table, timeCommand, timingRow } from "./measure.mjs";
import { templateText, templateVars } from "./template-input.mjs";

export const render = {
  title: "render mode (whole process: kalint diff TEMPLATE --node lb1 --node lb2)",
  run(ctx) {
    const kalint = process.env.KALINT_BIN ?? join(ctx.root, "dist/kalint.js");
    if (!existsSync(kalint)) return console.log(`NOTICE: ${kalint} is missing (run npm run build); skipped`);
    const dir = join(ctx.dir, "render");
    mkdirSync(dir, { recursive: true });
    const text = templateText(1000);
    writeFileSync(join(dir, "keepalived.conf.j2"), text);
    for (const node of ["lb1", "lb2"]) writeFileSync(join(dir, `${node}.yml`), templateVars(node, text, ["192.0.2", "198.51.100"]));
    const args = [
      kalint,
      "diff",
      "--no-config",
      join(dir, "keepalived.conf.j2"),
      "--node",
      `lb1=${join(dir, "lb1.yml")}`,
      "--node",
      `lb2=${join(dir, "lb2.yml")}`,
    ];
    const r = timeCommand(process.execPath, args, { runs: 7, expectExit: [0, 1] });
    if (r.error) return console.log(`NOTICE: ${r.error}`);
    ctx.results["render:diff-1k"] = r;
    table([timingRow("1,000-line template, 2 nodes rendered + checked + compared", r, Buffer.byteLength(text))]);
  },
};

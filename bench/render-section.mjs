// Section: render mode, whole process. `kalint diff TEMPLATE --node lb1=... --node lb2=...` on a
// 1,000-line Jinja2 template (bench/template-input.mjs): the engine's start, rendering two
// nodes, linting both and comparing them as a cluster. Wanted: under 0.5 s.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { table, timeCommand, timingRow } from "./measure.mjs";
import { templateText } from "./template-input.mjs";

/** Variables for a node of the bench template: the loops' address lists, the master's name. */
function nodeVars(name, instances) {
  const lines = [`keepalived_master: lb1`, `keepalived_interface: eth0`, `keepalived_auth_pass: s3cret`, `keepalived_scripts:`];
  for (let i = 0; i < 7; i++) lines.push(`  chk_${i}: { command: /usr/local/bin/check_${i}, interval: 2 }`);
  for (let i = 1; i <= instances; i++) lines.push(`keepalived_vips_${i}: [192.0.2.${i % 250}/24, 198.51.100.${i % 250}/24]`);
  return `# ${name}\n${lines.join("\n")}\n`;
}

export const render = {
  title: "render mode (whole process: kalint diff TEMPLATE --node lb1 --node lb2)",
  run(ctx) {
    const kalint = process.env.KALINT_BIN ?? join(ctx.root, "dist/kalint.js");
    if (!existsSync(kalint)) return console.log(`NOTICE: ${kalint} is missing (run npm run build); skipped`);
    const dir = join(ctx.dir, "render");
    mkdirSync(dir, { recursive: true });
    const text = templateText(1000);
    const instances = (text.match(/^vrrp_instance /gm) ?? []).length;
    writeFileSync(join(dir, "keepalived.conf.j2"), text);
    writeFileSync(join(dir, "lb1.yml"), nodeVars("lb1", instances));
    writeFileSync(join(dir, "lb2.yml"), nodeVars("lb2", instances));
    const args = [kalint, "diff", "--no-config", join(dir, "keepalived.conf.j2"), "--node", `lb1=${join(dir, "lb1.yml")}`, "--node", `lb2=${join(dir, "lb2.yml")}`];
    const r = timeCommand(process.execPath, args, { runs: 7, expectExit: [0, 1] });
    if (r.error) return console.log(`NOTICE: ${r.error}`);
    ctx.results["render:diff-1k"] = r;
    table([timingRow("1,000-line template, 2 nodes rendered + checked + compared", r, Buffer.byteLength(text))]);
  },
};

// Section: the benchmark inputs, written by the shared generator into .bench/.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { templateText } from "./template-input.mjs";

const GENERATOR = "/work/shared/tools/gen-config.mjs";

const wanted = [
  { name: "vs-1k", args: ["--virtual-servers", "1000"] },
  { name: "vs-10k", args: ["--virtual-servers", "10000"] },
  { name: "vrrp-1k", args: ["--instances", "1000"] },
];

export const inputs = {
  title: "inputs",
  run(ctx) {
    if (!existsSync(GENERATOR)) {
      console.log(`NOTICE: ${GENERATOR} is missing; the generated-file sections are skipped`);
      return;
    }
    mkdirSync(ctx.dir, { recursive: true });
    for (const w of wanted) {
      const path = join(ctx.dir, `${w.name}.conf`);
      const r = spawnSync(process.execPath, [GENERATOR, ...w.args], { encoding: "utf8", maxBuffer: 256 << 20 });
      if (r.status !== 0) {
        console.log(`NOTICE: gen-config ${w.args.join(" ")} failed: ${r.stderr.slice(0, 200)}`);
        continue;
      }
      writeFileSync(path, r.stdout);
      ctx.files.push({ name: w.name, path, bytes: statSync(path).size });
    }
    // A template is no input for keepalived -t: it has a list of its own, read by the CLI section.
    const template = join(ctx.dir, "tmpl-5k.conf.j2");
    writeFileSync(template, templateText(5000));
    ctx.templates = [{ name: "tmpl-5k", path: template, bytes: statSync(template).size }];
    for (const f of [...ctx.files, ...ctx.templates]) console.log(`${f.name.padEnd(8)} ${(f.bytes / 1e6).toFixed(2)} MB  ${f.path}`);
  },
};

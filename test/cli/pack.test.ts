/**
 * The published package: `npm pack` gives a tarball holding only the two bundles, the docs and
 * the README, and once installed globally `kalint` runs with nothing but node beside it.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, describe, expect, test } from "vitest";

const root = resolve(__dirname, "../..");
const built = existsSync(join(root, "dist/kalint.js"));
if (!built) console.warn("notice: dist/kalint.js is missing (run npm run build); the package test is skipped");

describe.runIf(built)("npm pack", () => {
  const work = mkdtempSync(join(tmpdir(), "kalint-pack-"));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  test("the tarball installs globally and kalint runs from it", () => {
    const out = execFileSync("npm", ["pack", "--json", "--pack-destination", work], { cwd: root, encoding: "utf8" });
    const [info] = JSON.parse(out) as { filename: string; files: { path: string }[] }[];
    const paths = info!.files.map((f) => f.path);
    expect(paths).toContain("dist/kalint.js");
    expect(paths).toContain("dist/server.js");
    expect(paths).toContain("dist/minijinja.wasm");
    expect(paths.every((p) => /^(dist\/(kalint|server)\.js|dist\/minijinja\.wasm|docs\/|README\.md|package\.json)/.test(p))).toBe(true);

    const prefix = join(work, "prefix");
    execFileSync("npm", ["install", "-g", "--offline", "--no-audit", "--no-fund", "--prefix", prefix, join(work, info!.filename)], {
      encoding: "utf8",
    });
    const installed = join(prefix, "lib/node_modules/kalint");
    expect(readdirSync(installed)).not.toContain("node_modules");

    const kalint = join(prefix, "bin/kalint");
    const version = spawnSync(kalint, ["--version"], { encoding: "utf8" });
    expect(version.stdout.trim()).toMatch(/^kalint \d+\.\d+\.\d+$/);
    const run = spawnSync(kalint, ["check", "--format", "json", "-"], {
      input: "vrrp_instance VI_1 {\n  priorty 100\n}\n",
      encoding: "utf8",
    });
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).diagnostics.map((d: { code: string }) => d.code)).toContain("unknown-keyword");

    // Render mode from the installed package: the Jinja2 engine is found beside the bundle, no node_modules.
    writeFileSync(join(work, "t.conf.j2"), "vrrp_instance VI_1 {\n    priority {{ prio }}\n}\n");
    writeFileSync(join(work, "n.yml"), "prio: 120\n");
    const rendered = spawnSync(kalint, ["render", join(work, "t.conf.j2"), "--vars", join(work, "n.yml")], { encoding: "utf8" });
    expect(rendered.stderr).toBe("");
    expect(rendered.stdout).toBe("vrrp_instance VI_1 {\n    priority 120\n}\n");
  });
});

/** `kalint explain` shows a rule's page, or a keyword's documentation in every block that takes it. */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, test } from "vitest";

const bundle = resolve(__dirname, "../../dist/kalint.js");
const built = existsSync(bundle);
if (!built) console.warn("notice: dist/kalint.js is missing (run npm run build); explain tests are skipped");
const explain = (...args: string[]) => spawnSync(process.execPath, [bundle, "explain", ...args], { encoding: "utf8" });

describe.runIf(built)("kalint explain", () => {
  test("a keyword: syntax, range, version and prose", () => {
    const r = explain("priority");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("priority NUMBER (1..255)");
    expect(r.stdout).toContain("first in keepalived 0.5.3");
    expect(r.stdout).toMatch(/address owner/i);
  });

  test("a keyword in several blocks lists each block, and BLOCK/KEYWORD picks one", () => {
    expect(explain("retry").stdout).toContain("`virtual_server > real_server > MISC_CHECK`");
    const one = explain("vrrp_script/weight").stdout;
    expect(one).toContain("in `vrrp_script`");
    expect(one).not.toContain("real_server");
  });

  test("a keyword whose arguments changed says what each release accepts", () => {
    const out = explain("advert_int").stdout;
    expect(out).toContain("keepalived 2.2.3 and later: `advert_int SECONDS (0.01..255)`");
    expect(out).toContain("keepalived before 2.2.3: `advert_int SECONDS (0.01..255)` (SECONDS: number in any form C's strtod reads");
  });

  test("a deprecated keyword names its replacement", () => {
    expect(explain("nb_get_retry").stdout).toContain("**deprecated**: use `retry`");
  });

  test("a removed keyword", () => {
    const r = explain("lvs_id");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("removed in keepalived 1.1.8; use `router_id`");
  });

  test("an unknown name is a usage error with a suggestion", () => {
    const r = explain("priorty");
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("did you mean priority?");
  });
});

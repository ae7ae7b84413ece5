/** `kalint` on templates (docs/templates.md): detection, --template, folders, fmt and --fix, fragments, partials, fleet. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { built, kalint, removeTrees, tempTree } from "./run-kalint.js";

afterAll(removeTrees);

const TEMPLATE = `vrrp_instance {{ name }} {
    state {{ state }}
    interface eth0
    virtual_router_id {{ vrid }}
    priority {{ priority }}
    advert_intt 1
    virtual_ipaddress {
        {{ vip }}
    }
}
`;

interface Out {
  files: string[];
  diagnostics: { file: string; line: number; code: string; message: string }[];
}
const json = (stdout: string) => JSON.parse(stdout) as Out;
const codes = (o: Out) => o.diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`);

describe.skipIf(!built)("kalint on templates", () => {
  test("a template is linted as it is: only the typo'd literal keyword, no error from template syntax", () => {
    const dir = tempTree({ "keepalived.conf.j2": TEMPLATE });
    const r = kalint(["check", "--format", "json", "keepalived.conf.j2"], { cwd: dir });
    expect(codes(json(r.stdout))).toEqual(["keepalived.conf.j2:6 unknown-keyword"]);
    expect(r.code).toBe(1);
  });

  test("--template none reads it as a plain file, as kalint did before templates", () => {
    const dir = tempTree({ "keepalived.conf.j2": TEMPLATE });
    const r = kalint(["check", "--format", "json", "--template", "none", "keepalived.conf.j2"], { cwd: dir });
    expect(json(r.stdout).diagnostics.length).toBeGreaterThan(1);
    expect(kalint(["check", "--template", "liquid", "keepalived.conf.j2"], { cwd: dir })).toMatchObject({
      code: 2,
      stderr: "kalint: --template must be auto, jinja, go, erb or none, not 'liquid'\n",
    });
  });

  test("a folder includes keepalived templates (not other templates); with --template none it skips them all", () => {
    const dir = tempTree({
      "roles/lb/templates/keepalived.conf.j2": TEMPLATE,
      "roles/lb/templates/keepalived.service.j2": "[Service]\nExecStart=/usr/sbin/keepalived {{ opts }}\n",
      "roles/lb/templates/haproxy.cfg.j2": "frontend {{ name }}\n",
      "plain/keepalived.conf": "global_defs {\n    router_id a\n}\n",
    });
    expect(json(kalint(["check", "--format", "json", "."], { cwd: dir }).stdout).files).toEqual([
      "plain/keepalived.conf",
      "roles/lb/templates/keepalived.conf.j2",
    ]);
    expect(json(kalint(["check", "--format", "json", "--template", "none", "."], { cwd: dir }).stdout).files).toEqual([
      "plain/keepalived.conf",
    ]);
  });

  test("fmt refuses a template with one line and exit 2, and leaves the templates of a folder alone", () => {
    const dir = tempTree({
      "keepalived.conf.j2": TEMPLATE,
      "sub/keepalived.conf.j2": TEMPLATE,
      "sub/a.conf": "global_defs {\nrouter_id a\n}\n",
    });
    const r = kalint(["fmt", "--write", "keepalived.conf.j2"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      "kalint: keepalived.conf.j2 is a template (jinja); fmt formats plain keepalived files only and never rewrites a template (--template none formats it as a plain file)\n",
    );
    expect(kalint(["fmt", "--write", "sub"], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, "sub/keepalived.conf.j2"), "utf8")).toBe(TEMPLATE);
    expect(readFileSync(join(dir, "sub/a.conf"), "utf8")).toBe("global_defs {\n    router_id a\n}\n");
  });

  test("--fix never touches a template", () => {
    const text =
      "vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    lvs_sync_daemon_interface {{ i }}\n    authentication {\n        auth_type PASS\n        auth_pass averylongpassword\n    }\n}\n";
    const dir = tempTree({ "keepalived.conf.j2": text });
    const r = kalint(["check", "--fix", "--format", "json", "keepalived.conf.j2"], { cwd: dir });
    expect(codes(json(r.stdout))).toContain("keepalived.conf.j2:7 auth-pass-truncated");
    expect(readFileSync(join(dir, "keepalived.conf.j2"), "utf8")).toBe(text);
  });

  test("a partial is checked in the block that includes it, found in the folder or on --template-path", () => {
    const dir = tempTree({
      "role/templates/keepalived.conf.j2": "virtual_server {{ vip }} 80 {\n    lvs_method NAT\n{% include 'real.j2' %}\n}\n",
      "role/templates/real.j2": "    real_server {{ rs }} 80 {\n        weight 1\n        bogus_key 1\n    }\n",
      "elsewhere/keepalived.conf.j2": "virtual_server {{ vip }} 80 {\n    lvs_method NAT\n{% include 'shared.j2' %}\n}\n",
      "lib/shared.j2": "    real_server {{ rs }} 80 {\n    }\n    delay_loop 6\n    lvs_schedd rr\n",
    });
    expect(codes(json(kalint(["check", "--format", "json", "role"], { cwd: dir }).stdout))).toEqual([
      "role/templates/real.j2:3 unknown-keyword",
    ]);
    expect(json(kalint(["check", "--format", "json", "role"], { cwd: dir }).stdout).files).toEqual(["role/templates/keepalived.conf.j2"]);
    expect(codes(json(kalint(["check", "--format", "json", "elsewhere/keepalived.conf.j2"], { cwd: dir }).stdout))).toEqual([
      "elsewhere/keepalived.conf.j2:3 include-not-found",
    ]);
    const found = json(
      kalint(["check", "--format", "json", "--template-path", "lib", "elsewhere/keepalived.conf.j2"], { cwd: dir }).stdout,
    );
    expect(found.diagnostics.map((d) => `${d.line} ${d.code}`)).toEqual(["4 unknown-keyword"]);
    expect(found.diagnostics[0]!.file).toMatch(/lib\/shared\.j2$/);
  });

  test("--fragment and the rc file's templates.fragments: no finding for blocks open at a fragment's ends", () => {
    const header = "vrrp_instance {{ name }} {\n    interface eth0\n";
    const dir = tempTree({
      "parts/header.conf.j2": header,
      "other/header.conf.j2": header,
      "parts/.kalintrc.json": JSON.stringify({ templates: { fragments: ["*.conf.j2"] } }),
    });
    expect(codes(json(kalint(["check", "--format", "json", "other/header.conf.j2"], { cwd: dir }).stdout))).toEqual([
      "other/header.conf.j2:1 syntax-error",
      "other/header.conf.j2:1 missing-required",
    ]);
    expect(codes(json(kalint(["check", "--format", "json", "--fragment", "other/header.conf.j2"], { cwd: dir }).stdout))).toEqual([]);
    expect(codes(json(kalint(["check", "--format", "json", "parts/header.conf.j2"], { cwd: dir }).stdout))).toEqual([]);
    const bad = tempTree({ ".kalintrc.json": JSON.stringify({ templates: { fragments: "x" } }), "a.conf.j2": header });
    expect(kalint(["check", "a.conf.j2"], { cwd: bad })).toMatchObject({ code: 2 });
  });

  test("fleet of templates pairs nothing it cannot see literally: no tie between two priorities written by expressions", () => {
    const dir = tempTree({
      "a/keepalived.conf.j2": TEMPLATE.replace("advert_intt", "advert_int"),
      "b/keepalived.conf.j2": TEMPLATE.replace("advert_intt", "advert_int"),
    });
    const r = kalint(["fleet", "--format", "json", "a", "b"], { cwd: dir });
    expect(json(r.stdout).diagnostics).toEqual([]);
    expect(r.code).toBe(0);
  });
});

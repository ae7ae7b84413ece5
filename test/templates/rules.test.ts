/**
 * Every rule reviewed for what it may conclude about a template (docs/templates.md): for each, a
 * template where the literal text proves the finding, and one where template output or a
 * condition leaves it unproven and the rule must stay silent.
 */
import { describe, expect, test } from "vitest";
import { analyze } from "../../server/src/analysis/analyze.js";
import type { Version } from "../../server/src/schema/types.js";
import { memoryHost } from "../support/memory-host.js";

const PATH = "/role/templates/keepalived.conf.j2";

/** `code@line` of every finding of `code` in the template. */
function at(code: string, text: string, targetVersion?: Version): string[] {
  const a = analyze(PATH, { host: memoryHost({ [PATH]: text }), ...(targetVersion ? { targetVersion } : {}) });
  return a.diagnostics.filter((d) => d.code === code).map((d) => `${d.code}@${d.file.positionAt(d.start).line + 1}`);
}

const instance = (body: string, name = "VI_1") =>
  `vrrp_instance ${name} {\n    interface eth0\n    virtual_router_id 51\n${body}\n    virtual_ipaddress {\n        192.0.2.10/24\n    }\n}\n`;

describe("schema checks", () => {
  test("unknown-keyword: a literal keyword is checked; a keyword an expression writes never is", () => {
    expect(at("unknown-keyword", instance("    advert_intt 1\n    {{ extra }} 2\n    notify_{{ kind }} /bin/true"))).toEqual([
      "unknown-keyword@4",
    ]);
  });

  test("invalid-value and out-of-range: literal values and every literal alternative; expressions never", () => {
    expect(at("invalid-value", instance("    state {{ 'MASTR' if m else 'BACKUP' }}\n    advert_int {{ x }}"))).toEqual([
      "invalid-value@4",
    ]);
    expect(at("out-of-range", instance("    priority {% if m %}256{% else %}100{% endif %}\n    priority {{ p | default(300) }}"))).toEqual(
      ["out-of-range@4"],
    );
  });

  test("missing-argument and extra-argument: not where an expression may write any number of words", () => {
    expect(at("missing-argument", instance("    priority {{ p }}\n    advert_int"))).toEqual(["missing-argument@5"]);
    expect(at("extra-argument", instance("    priority {{ p }} {{ q }}\n    advert_int 1 2"))).toEqual(["extra-argument@5"]);
  });

  test("duplicate-keyword: two unconditional copies only; branches and separate ifs are no duplicates; an open block none", () => {
    expect(
      at(
        "duplicate-keyword",
        instance(
          "{% if a %}\n    priority 1\n{% else %}\n    priority 2\n{% endif %}\n{% if b %}\n    advert_int 1\n{% endif %}\n    advert_int 2",
        ),
      ),
    ).toEqual([]);
    expect(at("duplicate-keyword", instance("    advert_int 1\n    advert_int 2"))).toEqual(["duplicate-keyword@5"]);
    expect(at("duplicate-keyword", instance("    advert_int 1\n    advert_int 2\n    {{ more }}"))).toEqual([]);
  });

  test("deprecated-, removed- and too-new keywords are literal facts", () => {
    expect(at("deprecated-keyword", instance("    lvs_sync_daemon_interface {{ iface }}"))).toEqual(["deprecated-keyword@4"]);
    expect(at("removed-keyword", "global_defs {\n    lvs_id {{ id }}\n}\n")).toEqual(["removed-keyword@2"]);
    expect(at("keyword-too-new", "global_defs {\n    max_auto_priority {{ p }}\n}\n", [2, 0, 0])).toEqual(["keyword-too-new@2"]);
  });

  test("syntax-error: braces the template writes as literals count; a fragment's open ends do not", () => {
    expect(at("syntax-error", "global_defs {{ '{' }}\n    router_id x\n}\n")).toEqual([]);
    expect(at("syntax-error", "global_defs {\n    router_id {{ x }}\n")).toEqual(["syntax-error@1"]);
  });

  test("undefined-variable and include-not-found: a template is not preprocessed (its $VARs and includes are the target host's)", () => {
    expect(at("undefined-variable", "global_defs {\n    router_id $HOST\n}\ninclude /etc/keepalived/conf.d/*.conf\n{{ x }}\n")).toEqual([]);
    expect(at("include-not-found", "global_defs {\n}\ninclude /etc/keepalived/conf.d/*.conf\n{{ x }}\n")).toEqual([]);
  });
});

describe("single-file rules", () => {
  test("missing-required: literal blocks only; a block holding a line an expression writes is open", () => {
    expect(
      at("missing-required", "vrrp_instance A {\n    interface eth0\n    {{ rest }}\n}\nvrrp_instance B {\n    interface eth0\n}\n"),
    ).toEqual(["missing-required@5"]);
    expect(
      at("missing-required", "vrrp_instance A {\n    interface eth0\n{% if id %}\n    virtual_router_id {{ id }}\n{% endif %}\n}\n"),
    ).toEqual([]);
  });

  test("duplicate-definition: two literal names under the same conditions; not one per branch", () => {
    expect(at("duplicate-definition", `{% if a %}\n${instance("")}{% else %}\n${instance("")}{% endif %}\n`)).toEqual([]);
    expect(at("duplicate-definition", instance("") + instance(""))).toEqual(["duplicate-definition@9"]);
    expect(at("duplicate-definition", instance("", "VI_{{ n }}") + instance("", "VI_{{ n }}"))).toEqual([]);
  });

  test("undefined-reference: a literal name with no definition, unless the template may write definitions", () => {
    expect(at("undefined-reference", instance("    track_script {\n        chk_web\n    }"))).toEqual(["undefined-reference@5"]);
    expect(at("undefined-reference", `{{ scripts }}\n${instance("    track_script {\n        chk_web\n    }")}`)).toEqual([]);
    expect(at("undefined-reference", instance("    track_script {\n        {{ name }}\n    }"))).toEqual([]);
  });

  test("unused-definition: only when no expression can name it", () => {
    expect(at("unused-definition", `vrrp_script chk {\n    script "/bin/true"\n}\n${instance("")}`)).toEqual(["unused-definition@1"]);
    expect(
      at("unused-definition", `vrrp_script chk {\n    script "/bin/true"\n}\n${instance("    track_script {\n        {{ s }}\n    }")}`),
    ).toEqual([]);
  });

  test("empty-block: only a literally empty block", () => {
    expect(at("empty-block", "global_defs {\n    notification_email {\n    }\n}\n")).toEqual(["empty-block@2"]);
    expect(
      at("empty-block", "global_defs {\n    notification_email {\n{% for e in mails %}\n        {{ e }}\n{% endfor %}\n    }\n}\n"),
    ).toEqual([]);
  });

  test("vrid-collision: literal VRIDs and interfaces, in instances rendered together", () => {
    expect(at("vrid-collision", instance("", "A") + instance("", "B"))).toEqual(["vrid-collision@11"]);
    expect(at("vrid-collision", `{% if a %}\n${instance("", "A")}{% else %}\n${instance("", "B")}{% endif %}\n`)).toEqual([]);
    expect(at("vrid-collision", instance("", "A").replace("eth0", "{{ i }}") + instance("", "B").replace("eth0", "{{ i }}"))).toEqual([]);
  });

  test("auth-pass-truncated: the literal part alone over 8 characters, or a literal alternative over 8", () => {
    const auth = (pass: string) => instance(`    authentication {\n        auth_type PASS\n        auth_pass ${pass}\n    }`);
    expect(at("auth-pass-truncated", auth("{{ cluster }}_ingress_vip"))).toEqual(["auth-pass-truncated@6"]);
    expect(at("auth-pass-truncated", auth("{{ cluster }}_api"))).toEqual([]);
    expect(at("auth-pass-truncated", auth("{{ 'longpassword' if a else 'short' }}"))).toEqual(["auth-pass-truncated@6"]);
  });

  test("nopreempt-with-master: state MASTER and nopreempt rendered together, not one per branch", () => {
    expect(at("nopreempt-with-master", instance("    state MASTER\n{% if np %}\n    nopreempt\n{% endif %}"))).toEqual([
      "nopreempt-with-master@6",
    ]);
    expect(
      at("nopreempt-with-master", instance("{% if m %}\n    state MASTER\n{% else %}\n    state BACKUP\n    nopreempt\n{% endif %}")),
    ).toEqual([]);
  });

  test("implicit-owner-priority: not where the block is open", () => {
    expect(at("implicit-owner-priority", instance("    state MASTER"))).toEqual(["implicit-owner-priority@4"]);
    expect(at("implicit-owner-priority", instance("    state MASTER\n    {{ priority_line }}"))).toEqual([]);
  });

  test("mixed-address-family: addresses rendered together; expressions have no family", () => {
    const vips = (lines: string) =>
      `vrrp_instance A {\n    interface eth0\n    virtual_router_id 1\n    virtual_ipaddress {\n${lines}\n    }\n}\n`;
    expect(at("mixed-address-family", vips("        192.0.2.1\n        2001:db8::1"))).toEqual(["mixed-address-family@6"]);
    expect(at("mixed-address-family", vips("{% if v6 %}\n        2001:db8::1\n{% else %}\n        192.0.2.1\n{% endif %}"))).toEqual([]);
    expect(at("mixed-address-family", vips("        192.0.2.1\n        {{ v6 }}"))).toEqual([]);
  });

  test("strict-mode-conflict: only with what is rendered together with the strict setting", () => {
    const auth = "    authentication {\n        auth_type PASS\n        auth_pass x\n    }";
    expect(at("strict-mode-conflict", `global_defs {\n    vrrp_strict\n}\n${instance(auth)}`)).toEqual(["strict-mode-conflict@7"]);
    expect(
      at(
        "strict-mode-conflict",
        `global_defs {\n{% if strict %}\n    vrrp_strict\n{% endif %}\n}\n${instance(`{% if not strict %}\n${auth}\n{% endif %}`)}`,
      ),
    ).toEqual([]);
  });

  test("script-security: literal scripts against the literal global_defs; an open global_defs may enable it", () => {
    const scripted = `vrrp_script chk {\n    script "/usr/bin/check"\n}\n${instance("    track_script {\n        chk\n    }")}`;
    expect(at("script-security", scripted)).toEqual(["script-security@2"]);
    expect(at("script-security", `global_defs {\n    {{ global_settings }}\n}\n${scripted}`)).toEqual([]);
    expect(at("script-security", `global_defs {\n{% if secure %}\n    enable_script_security\n{% endif %}\n}\n${scripted}`)).toEqual([]);
    expect(at("script-security", scripted.replace("/usr/bin/check", "{{ check }}"))).toEqual([]);
  });

  test("relative-script-path: a literal program only", () => {
    expect(at("relative-script-path", instance('    notify_master "check.sh"\n    notify_backup "{{ dir }}/backup.sh"'))).toEqual([
      "relative-script-path@4",
    ]);
  });

  test("config-test-terminates: not when the user is template output", () => {
    const script = (user: string) =>
      `vrrp_script chk {\n    script "/bin/true"\n    user ${user}\n}\n${instance("    track_script {\n        chk\n    }")}`;
    expect(at("config-test-terminates", script("nobody"), [2, 2, 7])).toEqual(["config-test-terminates@2"]);
    expect(at("config-test-terminates", script("{{ user }}"), [2, 2, 7])).toEqual([]);
  });

  test("vip-label-too-long: a literal label only", () => {
    const label = (l: string) =>
      `vrrp_instance A {\n    interface eth0\n    virtual_router_id 1\n    virtual_ipaddress {\n        192.0.2.1/24 dev eth0 label ${l}\n    }\n}\n`;
    expect(at("vip-label-too-long", label("eth0:averyveryverylong"))).toEqual(["vip-label-too-long@5"]);
    expect(at("vip-label-too-long", label("eth0:{{ name }}"))).toEqual([]);
  });

  test("weighted-track-in-sync-group: a literal track name in a literal group", () => {
    const body = (track: string) =>
      `vrrp_script chk {\n    script "/bin/true"\n    weight 10\n}\nvrrp_sync_group G {\n    group {\n        VI_1\n    }\n}\n${instance(`    track_script {\n        ${track}\n    }`)}`;
    expect(at("weighted-track-in-sync-group", body("chk"))).toEqual(["weighted-track-in-sync-group@14"]);
    expect(at("weighted-track-in-sync-group", body("{{ t }}"))).toEqual([]);
  });

  test("missing-real-server and quorum-unreachable: not where real servers are written by a loop, an expression or a partial", () => {
    const vs = (body: string) => `virtual_server 192.0.2.1 80 {\n    lvs_method NAT\n${body}\n}\n`;
    expect(at("missing-real-server", vs("    quorum 1"))).toEqual(["missing-real-server@1"]);
    expect(at("missing-real-server", vs("{% include 'real-servers.j2' %}"))).toEqual([]);
    expect(at("quorum-unreachable", vs("    quorum 3\n    real_server 192.0.2.2 80 {\n        weight 1\n    }"))).toEqual([
      "quorum-unreachable@3",
    ]);
    expect(
      at(
        "quorum-unreachable",
        vs("    quorum 3\n{% for rs in servers %}\n    real_server {{ rs }} 80 {\n        weight 1\n    }\n{% endfor %}"),
      ),
    ).toEqual([]);
  });

  test("duplicate-real-server and real-server-port-mismatch: literal addresses and ports", () => {
    const vs = (a: string, b: string) =>
      `virtual_server 192.0.2.1 80 {\n    lvs_method DR\n    real_server ${a} {\n    }\n    real_server ${b} {\n    }\n}\n`;
    expect(at("duplicate-real-server", vs("192.0.2.2 80", "192.0.2.2 80"))).toEqual(["duplicate-real-server@5"]);
    expect(at("duplicate-real-server", vs("{{ a }} 80", "{{ a }} 80"))).toEqual([]);
    expect(at("real-server-port-mismatch", vs("192.0.2.2 8080", "192.0.2.3 {{ port }}"))).toEqual(["real-server-port-mismatch@3"]);
  });
});

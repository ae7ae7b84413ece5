import { expect, test } from "vitest";
import { findings, example, onlyFor } from "./helpers.js";

const code = "config-test-terminates";
const run = (text: string, version: readonly [number, number, number] = [2, 2, 7]) => findings(code, text, {}, { targetVersion: version });

const instance = (extra = "") =>
  `vrrp_instance VI_1 {\n    interface eth0\n    virtual_router_id 51\n    priority 100\n${extra}    virtual_ipaddress {\n        192.0.2.10/24\n    }\n}\n`;

test("a tracked script run as a non-root user is reported for 2.2.5 to 2.2.7, at the script line; other versions are silent, the default (newest) included", () => {
  for (const found of onlyFor(
    code,
    example(code, "wrong"),
    [
      [2, 2, 5],
      [2, 2, 6],
      [2, 2, 7],
    ],
    [[2, 2, 4], [2, 2, 8], undefined],
  )) {
    expect([found.line, found.text, found.severity]).toEqual([7, "script", "info"]);
    expect(found.message).toContain("user 'keepalived_script'");
    expect(found.message).toContain("exit status 143");
  }
});

test("root, uid 0 and no script_user at all are fine; a non-root group is not", () => {
  const notify = instance("    notify_master /usr/local/bin/became-master\n");
  expect(run(notify)).toEqual([]);
  expect(run(`global_defs {\n    script_user 0\n}\n${notify}`)).toEqual([]);
  const [found] = run(`global_defs {\n    script_user root nogroup\n}\n${notify}`);
  expect(found!.message).toContain("group 'nogroup'");
});

test("a script's own user counts, and so do notify and MISC_CHECK commands", () => {
  const own = `vrrp_script chk {\n    script /usr/bin/true\n    user nobody\n}\n${instance("    track_script {\n        chk\n    }\n")}`;
  expect(run(own)).toHaveLength(1);
  const misc = `global_defs {\n    script_user nobody\n}\nvirtual_server 10.0.0.1 80 {\n    real_server 10.0.0.2 80 {\n        MISC_CHECK {\n            misc_path /usr/bin/true\n        }\n    }\n}\n`;
  expect(run(misc).map((f) => f.text)).toEqual(["misc_path"]);
  const two = `global_defs {\n    script_user nobody\n}\n${instance("    notify_master /a\n    notify_backup /b\n")}`;
  expect(run(two)[0]!.message).toContain("(and 1 more)");
});

test("a vrrp_script nothing tracks is dropped before the check, so it does not count", () => {
  const untracked = `global_defs {\n    script_user nobody\n}\nvrrp_script chk {\n    script /usr/bin/true\n}\n${instance()}`;
  expect(run(untracked)).toEqual([]);
});

test("a script whose own user is root is fine even with a non-root default", () => {
  const text = `global_defs {\n    script_user nobody\n}\nvrrp_script chk {\n    script /usr/bin/true\n    user root\n}\n${instance("    track_script {\n        chk\n    }\n")}`;
  expect(run(text)).toEqual([]);
});

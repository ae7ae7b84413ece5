import { expect, test } from "vitest";
import { example, findings, onlyFor } from "./helpers.js";

const code = "misc-check-user-crash";
const run = (text: string, version: readonly [number, number, number] = [2, 1, 5]) => findings(code, text, {}, { targetVersion: version });

const check = (user: string, global = "    enable_script_security\n") =>
  `global_defs {\n${global}}\nvirtual_server 192.0.2.80 80 {\n    real_server 192.0.2.81 80 {\n        MISC_CHECK {\n            misc_path /bin/true\n${user}        }\n    }\n}\n`;

test("a MISC_CHECK with its own user is reported at the user line, for 2.0 to 2.2.2; 2.2.3 and later, and the default version, are silent", () => {
  for (const found of onlyFor(
    code,
    example(code, "wrong"),
    [
      [2, 0, 0],
      [2, 0, 19],
      [2, 1, 5],
      [2, 2, 2],
    ],
    [[2, 2, 3], undefined],
  )) {
    expect([found.line, found.text, found.severity]).toEqual([13, "user", "info"]);
    expect(found.message).toContain("user 'healthcheck'");
    expect(found.message).toContain("fixed in keepalived 2.2.3");
  }
});

test("a global script_user counts, reported at the MISC_CHECK; root and uid 0 do not", () => {
  const [found] = run(check("", "    script_user nobody\n"));
  expect(found!.text).toBe("MISC_CHECK");
  expect(found!.message).toContain("user 'nobody' (global_defs script_user)");
  expect(run(check("", "    script_user root\n"))).toEqual([]);
  expect(run(check("            user 0\n"))).toEqual([]);
  expect(run(check("            user root nogroup\n"))[0]!.message).toContain("group 'nogroup'");
});

test("no user anywhere: the default keepalived_script counts only with script security", () => {
  expect(run(check(""))[0]!.message).toContain("'keepalived_script'");
  expect(run(check("", ""))).toEqual([]);
});

test("a user line without a word is ignored (keepalived reports it and keeps the default): script_user still counts", () => {
  const [found, ...rest] = run(check("            user\n", "    script_user nobody\n"));
  expect(rest).toEqual([]);
  expect(found!.text).toBe("MISC_CHECK");
  expect(found!.message).toContain("user 'nobody' (global_defs script_user)");
});

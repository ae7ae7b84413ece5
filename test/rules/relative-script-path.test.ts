import { expect, test } from "vitest";
import { findings, example } from "./helpers.js";

const code = "relative-script-path";

test("a quoted command and a bare notify path that are not absolute", () => {
  const found = findings(code, example("relative-script-path", "wrong"));
  expect(found.map((f) => [f.line, f.text])).toEqual([
    [6, '"pgrep haproxy"'],
    [21, "notify.sh"],
  ]);
  expect(found[0]!.message).toContain("script runs 'pgrep', not an absolute path");
});

test("absolute paths with arguments are fine", () => {
  expect(findings(code, example("relative-script-path", "right"))).toEqual([]);
});

test("a program quoted inside the command is read without its quotes; MISC_CHECK and quorum scripts count", () => {
  const text = `virtual_server 192.0.2.1 80 {
    quorum_up "'/opt/my tools/up.sh' now"
    quorum_down "down.sh now"
    real_server 198.51.100.1 80 {
        MISC_CHECK {
            misc_path "check.sh -q"
        }
    }
}
`;
  expect(findings(code, text).map((f) => f.message.split(",")[0])).toEqual(["quorum_down runs 'down.sh'", "misc_path runs 'check.sh'"]);
});

test("a command that starts with shell syntax is not taken for a program name", () => {
  const text = 'vrrp_script web {\n    script "</dev/tcp/127.0.0.1/80"\n}\n';
  expect(findings(code, text)).toEqual([]);
});

import { expect, test } from "vitest";
import { applyFix, findings, example } from "./helpers.js";

const code = "real-server-port-mismatch";

test("a DR real server on 8080 behind port 80, with a safe fix to 80", () => {
  const text = example("real-server-port-mismatch", "wrong");
  const found = findings(code, text);
  expect(found.map((f) => [f.line, f.text])).toEqual([[7, "8080"]]);
  expect(found[0]!.message).toBe("real_server 198.51.100.1 port 8080 differs from virtual_server port 80; DR forwarding keeps the destination port, so keepalived resets the real server to port 80");
  expect(found[0]!.fix!.safe).toBe(true);
  expect(applyFix(text, found[0]!.fix!)).toBe(text.replace("198.51.100.1 8080", "198.51.100.1 80"));
});

test("NAT may map ports; the old lb_kind spelling and TUN are checked too", () => {
  expect(findings(code, example("real-server-port-mismatch", "right"))).toEqual([]);
  const tun = example("real-server-port-mismatch", "wrong").replace("lvs_method DR", "lb_kind TUN");
  expect(findings(code, tun).map((f) => f.text)).toEqual(["8080"]);
});

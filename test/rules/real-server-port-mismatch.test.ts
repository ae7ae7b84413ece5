import { expect, test } from "vitest";
import { applyFix, findings, example } from "./helpers.js";

const code = "real-server-port-mismatch";

test("a DR real server on 8080 behind port 80, with a safe fix to 80", () => {
  const text = example("real-server-port-mismatch", "wrong");
  const found = findings(code, text);
  expect(found.map((f) => [f.line, f.text])).toEqual([[7, "8080"]]);
  expect(found[0]!.message).toBe(
    "real_server 198.51.100.1 port 8080 differs from virtual_server port 80; DR forwarding keeps the destination port, so keepalived resets the real server to port 80",
  );
  expect(found[0]!.fix!.safe).toBe(true);
  expect(applyFix(text, found[0]!.fix!)).toBe(text.replace("198.51.100.1 8080", "198.51.100.1 80"));
});

test("NAT may map ports; the old lb_kind spelling and TUN are checked too", () => {
  expect(findings(code, example("real-server-port-mismatch", "right"))).toEqual([]);
  const tun = example("real-server-port-mismatch", "wrong").replace("lvs_method DR", "lb_kind TUN");
  expect(findings(code, tun).map((f) => f.text)).toEqual(["8080"]);
});

test("a virtual_server group takes its ports from the group's entries (as keepalived -t 2.2.7 checks them)", () => {
  const text = `virtual_server_group WEB {
    192.0.2.10 80
    192.0.2.11 443
}

virtual_server group WEB {
    lvs_sched rr
    lvs_method DR
    protocol TCP
    real_server 198.51.100.1 80 {
        TCP_CHECK {
            connect_timeout 3
        }
    }
}
`;
  const found = findings(code, text);
  expect(found.map((f) => [f.line, f.text])).toEqual([[10, "80"]]);
  expect(found[0]!.message).toContain("virtual_server_group WEB entry 192.0.2.11 443");
  // No single right port: no fix. With one port for every entry, the fix offers it, for review.
  expect(found[0]!.fix).toBeUndefined();
  const onePort = findings(code, text.replace("192.0.2.10 80", "192.0.2.10 443"));
  expect(onePort[0]!.fix).toMatchObject({ description: "use port 443, the port of virtual_server_group WEB", safe: false });
  expect(findings(code, text.replace("192.0.2.11 443", "192.0.2.11 80"))).toEqual([]);
  expect(findings(code, text.replace("lvs_method DR", "lvs_method NAT"))).toEqual([]);
});

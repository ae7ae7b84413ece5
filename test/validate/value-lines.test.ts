/** Value blocks are read line by line, each line one entry with its options. */
import { describe, expect, test } from "vitest";
import { findings } from "./helpers.js";

const inInstance = (block: string, lines: string) => `vrrp_instance VI_1 {\n  ${block} {\n${lines}\n  }\n}\n`;
const errors = (text: string) => findings(text).filter((f) => f.severity === "error");

describe("virtual_ipaddress entries", () => {
  test("clean entries with options", () => {
    expect(
      errors(
        inInstance(
          "virtual_ipaddress",
          "    10.0.0.1/24 dev eth0 label eth0:1 scope link\n    10.0.0.2/24 brd +\n    fe80::1/64 dev eth0\n    10.0.0.3 peer 10.0.0.4 no_track",
        ),
      ),
    ).toEqual([]);
  });

  test("bad addresses and prefixes", () => {
    expect(errors(inInstance("virtual_ipaddress", "    10.0.0.300/24"))).toEqual([
      expect.objectContaining({ code: "invalid-value", word: "10.0.0.300/24" }),
    ]);
    expect(errors(inInstance("virtual_ipaddress", "    10.0.0.1/33"))).toEqual([
      expect.objectContaining({ code: "out-of-range", word: "10.0.0.1/33" }),
    ]);
  });

  test("two addresses on one line are one address with an unknown option", () => {
    expect(errors(inInstance("virtual_ipaddress", "    10.0.0.1 10.0.0.2"))).toEqual([
      expect.objectContaining({ code: "invalid-value", word: "10.0.0.2" }),
    ]);
  });

  test("options need their values, and some do not fit IPv6", () => {
    expect(errors(inInstance("virtual_ipaddress", "    10.0.0.1 dev"))).toEqual([
      expect.objectContaining({ code: "missing-argument", word: "dev" }),
    ]);
    expect(errors(inInstance("virtual_ipaddress", "    fe80::1 label x"))).toEqual([
      expect.objectContaining({ code: "invalid-value", word: "label" }),
    ]);
    expect(errors(inInstance("virtual_ipaddress", "    fe80::1 brd +"))).toEqual([
      expect.objectContaining({ code: "invalid-value", word: "brd" }),
    ]);
    // A long label is the vip-label-too-long rule's to report, not the line reader's.
    expect(errors(inInstance("virtual_ipaddress", "    10.0.0.1 label averyveryverylonglabel"))).toEqual([]);
    expect(errors(inInstance("virtual_ipaddress", "    10.0.0.1 scope everywhere"))).toEqual([
      expect.objectContaining({ code: "invalid-value", word: "everywhere" }),
    ]);
  });
});

describe("static_ipaddress entries", () => {
  const statics = (lines: string) => `static_ipaddress {\n${lines}\n}\n`;
  test("the same options as VRRP addresses, plus track_group with its group", () => {
    expect(errors(statics("  10.3.0.1/24 dev eth0 scope global track_group TG"))).toEqual([]);
  });
  test("an unknown option word is refused here too", () => {
    expect(errors(statics("  10.3.0.1/24 dev eth0 scope global bogus_option"))).toEqual([
      expect.objectContaining({ code: "invalid-value", word: "bogus_option" }),
    ]);
    expect(errors(statics("  10.3.0.1/24 weight 300"))).toContainEqual(expect.objectContaining({ code: "invalid-value", word: "weight" }));
  });
  test("use_vmac belongs to VRRP addresses; track_group needs a name", () => {
    expect(errors(statics("  10.3.0.1/24 use_vmac"))).toEqual([
      expect.objectContaining({ word: "use_vmac", message: expect.stringContaining("VRRP addresses only") }),
    ]);
    expect(errors(statics("  10.3.0.1/24 track_group"))).toEqual([
      expect.objectContaining({ code: "missing-argument", word: "track_group" }),
    ]);
  });
});

describe("track lines", () => {
  test("weights and their range per kind", () => {
    expect(errors(inInstance("track_script", "    chk weight 253 reverse"))).toEqual([]);
    expect(errors(inInstance("track_script", "    chk weight 254"))).toEqual([
      expect.objectContaining({ code: "out-of-range", word: "254" }),
    ]);
    expect(errors(inInstance("track_file", "    tf weight -254 noreverse"))).toEqual([]);
    expect(errors(inInstance("track_interface", "    eth1 weight 10 noreverse"))).toEqual([
      expect.objectContaining({ code: "invalid-value", word: "noreverse" }),
    ]);
  });

  test("only weight may follow the name, and it needs a number", () => {
    expect(errors(inInstance("track_script", "    chk heavy 10"))).toEqual([
      expect.objectContaining({ code: "invalid-value", word: "heavy" }),
    ]);
    expect(errors(inInstance("track_process", "    proc weight"))).toEqual([
      expect.objectContaining({ code: "missing-argument", word: "weight" }),
    ]);
  });
});

describe("unicast_peer lines", () => {
  test("addresses and ttl options", () => {
    expect(errors(inInstance("unicast_peer", "    10.0.0.2\n    10.0.0.3 min_ttl 1 max_ttl 64"))).toEqual([]);
    expect(errors(inInstance("unicast_peer", "    10.0.0.300"))).toEqual([expect.objectContaining({ code: "invalid-value" })]);
    expect(errors(inInstance("unicast_peer", "    10.0.0.2 max_ttl 256"))).toEqual([
      expect.objectContaining({ code: "out-of-range", word: "256" }),
    ]);
    expect(errors(inInstance("unicast_peer", "    10.0.0.2 ttl 5"))).toEqual([
      expect.objectContaining({ code: "invalid-value", word: "ttl" }),
    ]);
    expect(errors(inInstance("unicast_peer", "    10.0.0.2 min_ttl 100 max_ttl 10"))).toEqual([
      expect.objectContaining({ code: "invalid-value" }),
    ]);
  });
});

describe("routes and rules", () => {
  test("a route without its interface loads but is not tracked (a warning)", () => {
    expect(
      findings(
        inInstance(
          "virtual_routes",
          "    10.1.0.0/16 via 10.0.0.1 dev eth0\n    10.2.0.0/16 via 10.0.0.1 no_track\n    blackhole 10.3.0.0/16 dev eth0",
        ),
      ),
    ).toEqual([]);
    expect(findings(inInstance("virtual_routes", "    10.1.0.0/16 via 10.0.0.1"))).toEqual([
      expect.objectContaining({ code: "route-not-tracked", severity: "warning", word: "10.1.0.0/16" }),
    ]);
  });

  test("bad route words and addresses", () => {
    expect(errors(inInstance("virtual_routes", "    10.1.0.0/16 via 10.0.0.300 dev eth0"))).toEqual([
      expect.objectContaining({ code: "invalid-value", word: "10.0.0.300" }),
    ]);
    expect(errors(inInstance("virtual_routes", "    10.1.0.0/16 dev eth0 metrik 5"))).toEqual([
      expect.objectContaining({ code: "invalid-value", word: "metrik" }),
    ]);
    expect(errors(inInstance("virtual_routes", "    10.1.0.0/16 dev"))).toEqual([
      expect.objectContaining({ code: "missing-argument", word: "dev" }),
    ]);
  });

  test("gw is a deprecated spelling of via, with a fix", () => {
    expect(findings(inInstance("virtual_routes", "    10.1.0.0/16 gw 10.0.0.1 dev eth0"))).toEqual([
      expect.objectContaining({ code: "deprecated-keyword", word: "gw" }),
    ]);
  });

  test("rules need an action and a preference", () => {
    expect(
      errors(inInstance("virtual_rules", "    from 10.0.0.0/24 table 100 preference 10\n    to 10.1.0.0/16 priority 20 goto 30")),
    ).toEqual([]);
    expect(errors(inInstance("virtual_rules", "    from 10.0.0.0/24 preference 10"))).toEqual([
      expect.objectContaining({ code: "missing-argument" }),
    ]);
    expect(errors(inInstance("virtual_rules", "    from 10.0.0.0/24 table 100"))).toEqual([
      expect.objectContaining({ code: "missing-argument" }),
    ]);
    expect(errors(inInstance("virtual_rules", "    from 10.0.0.0/24 tabel 100 preference 1"))).toEqual([
      expect.objectContaining({ code: "invalid-value", word: "tabel" }),
    ]);
  });
});

describe("virtual_server_group entries", () => {
  const vsg = (lines: string) => `virtual_server_group G {\n${lines}\n}\n`;
  test("addresses, ranges, networks and fwmarks", () => {
    expect(errors(vsg("  10.0.0.1 80\n  10.0.0.10-20 80\n  10.0.1.0/29 80\n  fwmark 5 inet\n  2001:db8::1-ff 443"))).toEqual([]);
  });
  test("bad entries", () => {
    expect(errors(vsg("  10.0.0.20-10 80"))).toEqual([expect.objectContaining({ code: "invalid-value" })]);
    expect(errors(vsg("  10.0.0.1/29 80"))).toEqual([expect.objectContaining({ code: "invalid-value" })]);
    expect(errors(vsg("  10.0.0.1 70000"))).toEqual([expect.objectContaining({ code: "out-of-range", word: "70000" })]);
    expect(errors(vsg("  fwmark 5 ipv4"))).toEqual([expect.objectContaining({ code: "invalid-value", word: "ipv4" })]);
  });
});

test("name lists take any words", () => {
  expect(findings("vrrp_sync_group VG {\n  group {\n    VI_1 VI_2\n  }\n}\n").filter((f) => f.severity === "error")).toEqual([]);
});

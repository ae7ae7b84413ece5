/** The table of facts that differ between keepalived releases (schema/dated.ts), as the checks and hover use it. */
import { describe, expect, test } from "vitest";
import { describeKeyword } from "../../server/src/schema/describe.js";
import { DATED_ARGUMENTS, DATED_CHECKS } from "../../server/src/schema/dated.js";
import { allKeywords, keywordAt, keywordsNamed } from "../../server/src/schema/lookup.js";
import { readReal } from "../../server/src/schema/values.js";
import { findings } from "./helpers.js";
import { findings as ruleFindings } from "../rules/helpers.js";

const global = (line: string) => `global_defs {\n    ${line}\n}\n`;
const instance = (line: string) => `vrrp_instance VI_1 {\n    ${line}\n}\n`;

describe("the table", () => {
  test("every keyword path names a schema position that predates the change, and every entry covers one", () => {
    for (const d of DATED_ARGUMENTS) {
      const covered = allKeywords().filter((k) => k.earlierArgs?.some((e) => e.why === d.why));
      expect(covered.length, d.why).toBeGreaterThan(0);
      if (typeof d.keywords === "function") continue;
      for (const path of d.keywords) {
        const parts = path.split(" > ");
        expect(keywordAt(parts.slice(0, -1), parts.at(-1)!), path).toBeDefined();
      }
    }
  });

  test("every check fact names blocks of the schema; the facts of lines name value blocks", () => {
    // instanceInterface is a fact of a whole block (missing-required reads it); the others are of a value block's lines.
    for (const [id, f] of Object.entries(DATED_CHECKS)) {
      for (const b of f.blocks)
        expect(
          keywordsNamed(b).some((k) => (id === "instanceInterface" ? k.block !== undefined : k.block === "values")),
          b,
        ).toBe(true);
    }
  });

  test("the microsecond timers read as strtod numbers before 2.2.3 (advert_int, delay_loop, garp_group garp_interval, ...)", () => {
    const timers = allKeywords().filter((k) => k.earlierArgs?.some((e) => e.before.join(".") === "2.2.3"));
    expect(timers.map((k) => k.name)).toEqual(
      expect.arrayContaining(["advert_int", "preempt_delay", "delay_loop", "connect_timeout", "garp_interval", "vrrp_garp_interval"]),
    );
    // A timer keyword that arrived with or after the change has no older reading.
    expect(keywordAt(["global_defs"], "vrrp_delay_after_boot")!.earlierArgs).toBeUndefined();
  });
});

describe("strtod numbers (seconds before 2.2.3)", () => {
  test.each([
    ["1e3", 1000],
    ["0x10", 16],
    [".5", 0.5],
    ["1.1234567", 1.1234567],
    [" +2", 2],
    ["0x1p-2", 0.25],
  ])("%s reads as %d", (text, value) => {
    expect(readReal(text, {})).toEqual({ ok: true, value });
  });
  test.each(["abc", "12x", "inf", "nan", "1e", "0x", ""])("%s is not a number", (text) => {
    expect(readReal(text, {})).toMatchObject({ ok: false, problem: { code: "invalid-value" } });
  });
  test.each(["1e999", "1e-400", "-1"])("%s is out of range", (text) => {
    expect(readReal(text, { min: 0 })).toMatchObject({ ok: false, problem: { code: "out-of-range" } });
  });

  test("advert_int 1e3 is out of range for 2.2.2, 0x10 fine; 2.2.3 refuses both forms, saying when they went", () => {
    expect(findings(instance("advert_int 0x10"), [2, 2, 2])).toEqual([]);
    expect(findings(instance("advert_int 1e3"), [2, 2, 2])).toEqual([expect.objectContaining({ code: "out-of-range" })]);
    const [found] = findings(instance("advert_int 0x10"), [2, 2, 3]);
    expect(found).toMatchObject({ code: "invalid-value", word: "0x10" });
  });
});

describe("mistakes older releases let through are warnings for them, saying what they do", () => {
  test("a multicast group that is no multicast address: warning before 2.2.5, error from 2.2.5", () => {
    const [old] = findings(global("vrrp_mcast_group4 10.9.9.9"), [2, 2, 4]);
    expect(old).toMatchObject({ code: "invalid-value", severity: "warning", word: "10.9.9.9" });
    expect(old!.message).toContain("keepalived 2.2.4 takes any address as the group without checking it");
    expect(old!.message).toContain("(2.2.5 and later refuse it)");
    expect(findings(global("vrrp_mcast_group4 10.9.9.9"), [2, 2, 5])).toEqual([expect.objectContaining({ severity: "error" })]);
    // 2.0.19 does not even check that it is an address; a unicast one is refused from 2.2.5 on.
    const [older] = findings(global("vrrp_mcast_group4 10.9.9.9"), [2, 0, 19]);
    expect(older).toMatchObject({ severity: "warning" });
    expect(older!.message).toContain("keepalived 2.0.19 takes the word without checking it");
    expect(older!.message).toContain("(2.2.5 and later refuse it)");
    expect(findings(global("vrrp_mcast_group4 10.9.9.300"), [2, 0, 19])[0]!.message).toContain("(2.0.20 and later refuse it)");
    // What no release takes stays an error.
    expect(findings(global("vrrp_mcast_group4 10.9.9.300"), [2, 2, 4])).toEqual([expect.objectContaining({ severity: "error" })]);
  });

  test("a virtual_server_group network: warning before 2.2.2 (the prefix is dropped), checked from 2.2.2", () => {
    const group = (entry: string) => `virtual_server_group G {\n    ${entry}\n}\n`;
    const [old] = findings(group("10.1.1.0/29 80"), [2, 1, 5]);
    expect(old).toMatchObject({ code: "invalid-value", severity: "warning", word: "10.1.1.0/29" });
    expect(old!.message).toContain("keepalived 2.1.5 drops the /prefix and reads the entry as that one address, 10.1.1.0");
    expect(findings(group("10.1.1.0/29 80"), [2, 2, 2])).toEqual([]);
    expect(findings(group("10.1.1.0/33 80"), [2, 2, 2])).toEqual([expect.objectContaining({ severity: "error" })]);
  });

  test("a label over 15 characters: warning before 2.2.3, error from 2.2.3", () => {
    const text = `vrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    virtual_ipaddress {\n        192.0.2.10/24 dev eth0 label eth0:frontend-vip-1\n    }\n}\n`;
    const [old] = ruleFindings("vip-label-too-long", text, {}, { targetVersion: [2, 1, 5] });
    expect(old).toMatchObject({ severity: "warning", text: "eth0:frontend-vip-1" });
    expect(old!.message).toContain("keepalived 2.1.5 keeps the first 16 bytes of the label in a 16-byte field");
    expect(ruleFindings("vip-label-too-long", text, {}, { targetVersion: [2, 2, 3] })).toEqual([
      expect.objectContaining({ severity: "error" }),
    ]);
  });
});

describe("argument lists of older releases", () => {
  test("BFD min_rx takes whole milliseconds before 2.2.0", () => {
    const bfd = (line: string) => `bfd_instance B {\n    neighbor_ip 10.0.0.1\n    ${line}\n}\n`;
    expect(findings(bfd("min_rx 1.5"), [2, 1, 5])).toEqual([expect.objectContaining({ code: "invalid-value", word: "1.5" })]);
    expect(findings(bfd("min_rx 1.5"), [2, 2, 0])).toEqual([]);
  });

  test("lvs_sync_daemon needs the VRRP instance before 2.1.0", () => {
    expect(findings(global("lvs_sync_daemon eth0"), [2, 0, 19])).toEqual([expect.objectContaining({ code: "missing-argument" })]);
    expect(findings(global("lvs_sync_daemon eth0"), [2, 1, 0])).toEqual([]);
  });

  test("UDP_CHECK require_reply ignores its words before 2.2.0, reads them as hex bytes from 2.2.0", () => {
    const udp = (line: string) =>
      `virtual_server 10.0.0.1 53 {\n  real_server 10.0.0.2 53 {\n    UDP_CHECK {\n      ${line}\n    }\n  }\n}\n`;
    expect(findings(udp("require_reply 0a0b surplus"), [2, 1, 5])).toEqual([
      expect.objectContaining({ code: "extra-argument", severity: "warning" }),
    ]);
    expect(findings(udp("require_reply 0a0b surplus"), [2, 2, 0])).toEqual([
      expect.objectContaining({ code: "invalid-value", severity: "error" }),
    ]);
  });

  test("vrrp_skip_check_adv_addr takes any word before 2.3.0, a boolean from 2.3.0", () => {
    expect(findings(global("vrrp_skip_check_adv_addr surplus words"), [2, 2, 8])).toEqual([]);
    expect(findings(global("vrrp_skip_check_adv_addr surplus"), [2, 3, 0])).toEqual([expect.objectContaining({ code: "invalid-value" })]);
  });
});

describe("explain and hover say what each release accepts", () => {
  test("advert_int: the current form, and the strtod form before 2.2.3 with why", () => {
    const text = describeKeyword(keywordAt(["vrrp_instance"], "advert_int")!);
    expect(text).toContain("keepalived 2.2.3 and later: `advert_int SECONDS (0.01..255)`");
    expect(text).toContain(
      "keepalived before 2.2.3: `advert_int SECONDS (0.01..255)` (SECONDS: number in any form C's strtod reads (1.5, 1e3, 0x10), 0.01..255;",
    );
  });

  test("vrrp_mcast_group4: what 2.2.4 and earlier do with a unicast address", () => {
    expect(describeKeyword(keywordAt(["global_defs"], "vrrp_mcast_group4")!)).toContain(
      "keepalived 2.0.20 to before 2.2.5: `vrrp_mcast_group4 ADDRESS` (ADDRESS: an IPv4 or IPv6 address; a value later releases refuse: it takes any address as the group",
    );
  });

  test("a value block whose lines changed: virtual_server_group and the address blocks", () => {
    expect(describeKeyword(keywordsNamed("virtual_server_group").find((k) => k.parents.length === 0)!)).toContain(
      "an entry written as a network (10.0.0.0/29): keepalived before 2.2.2 drops the /prefix",
    );
    expect(describeKeyword(keywordAt(["vrrp_instance"], "virtual_ipaddress")!)).toContain(
      "an address label over 15 characters: keepalived before 2.2.3",
    );
  });
});

/** Argument lists that depend on the target version (schema `earlierArgs`), and counts where 0 is refused. */
import { describe, expect, test } from "vitest";
import { keywordAt } from "../../server/src/schema/lookup.js";
import { argsFor } from "../../server/src/validate/arguments.js";
import { describeKeyword } from "../../server/src/schema/describe.js";
import { findings } from "./helpers.js";

const script = (line: string) => `vrrp_script chk {\n    script "/bin/true"\n    ${line}\n}\n`;

describe("vrrp_script interval and timeout: whole seconds before 2.3.2, milliseconds since", () => {
  test.each(["interval", "timeout"])("%s 1.5 is fine for 2.3.2 and later", (kw) => {
    expect(findings(script(`${kw} 1.5`), [2, 3, 2])).toEqual([]);
    expect(findings(script(`${kw} .2`))).toEqual([]);
  });

  test.each(["interval", "timeout"])("%s 1.5 is refused for 2.2.7, saying when fractions arrived", (kw) => {
    const [found, ...rest] = findings(script(`${kw} 1.5`), [2, 2, 7]);
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ code: "invalid-value", word: "1.5", line: 3 });
    expect(found!.message).toContain("keepalived 2.2.7 reads");
    expect(found!.message).toContain("keepalived 2.3.2 and later take a number with up to 3 decimal places");
  });

  test("a value no release takes gets the plain message of the older reading", () => {
    const [found] = findings(script("interval 4295"), [2, 2, 7]);
    expect(found).toMatchObject({ code: "out-of-range", word: "4295" });
    expect(found!.message).not.toContain("2.3.2");
    expect(findings(script("interval 4295"))[0]).toMatchObject({ code: "out-of-range" });
  });

  test("whole seconds are fine for every version", () => {
    expect(findings(script("interval 2"), [2, 2, 7])).toEqual([]);
    expect(findings(script("interval 2"))).toEqual([]);
  });

  test("0, which keepalived reports and replaces by 1, is out of range in either reading", () => {
    expect(findings(script("interval 0"), [2, 2, 7]).map((f) => f.code)).toEqual(["out-of-range"]);
    expect(findings(script("timeout 0")).map((f) => f.code)).toEqual(["out-of-range"]);
  });

  test("argsFor picks the earlier list only below its version, and hover shows it", () => {
    const spec = keywordAt(["vrrp_script"], "interval")!;
    expect(argsFor(spec, [2, 3, 1]).changedIn).toEqual([2, 3, 2]);
    expect(argsFor(spec, [2, 3, 1]).args![0]!.kind).toMatchObject({ type: "integer", min: 1 });
    expect(argsFor(spec, [2, 3, 2])).toEqual({ args: spec.args });
    expect(describeKeyword(spec)).toContain("keepalived before 2.3.2: `interval SECONDS (1..4294)`");
    expect(describeKeyword(spec)).toContain("keepalived 2.3.2 and later: `interval SECONDS (0.001..4294)`");
  });

  test("of several earlier lists, the one with the lowest version above the target applies", () => {
    const spec = {
      ...keywordAt(["vrrp_script"], "interval")!,
      earlierArgs: [
        { before: [2, 3, 2] as const, args: [{ name: "B", kind: { type: "integer" as const } }] },
        { before: [2, 0, 0] as const, args: [{ name: "A", kind: { type: "string" as const } }] },
      ],
    };
    expect(argsFor(spec, [1, 4, 0]).args![0]!.name).toBe("A");
    expect(argsFor(spec, [2, 1, 0]).args![0]!.name).toBe("B");
    expect(argsFor(spec, [2, 4, 0]).args![0]!.name).toBe("SECONDS");
  });
});

test.each([
  ["global_defs", "vrrp_garp_master_repeat"],
  ["global_defs", "vrrp_garp_master_refresh_repeat"],
  ["vrrp_instance VI_1", "garp_master_repeat"],
  ["vrrp_instance VI_1", "garp_master_refresh_repeat"],
])("%s > %s 0 is out of range (keepalived reports it and uses 1)", (block, kw) => {
  const text = `${block} {\n    ${kw} 0\n}\n`;
  expect(
    findings(text)
      .filter((f) => f.word === "0")
      .map((f) => f.code),
  ).toEqual(["out-of-range"]);
  expect(findings(`${block} {\n    ${kw} 5\n}\n`).filter((f) => f.line === 2)).toEqual([]);
});

describe("arguments keepalived 2.2.7 requires or ignores, measured by the differential's keyword sweep", () => {
  const global = (line: string) => `global_defs {\n    ${line}\n}\n`;

  test.each(["startup_script", "notify_fifo", "default_interface", "vrrp_cpu_affinity", "tmp_config_directory"])(
    "%s with no value is missing-argument, not fatal",
    (kw) => {
      const [found] = findings(global(kw));
      expect(found).toMatchObject({ code: "missing-argument", word: kw });
      expect(found!.message).not.toContain("stops reading");
    },
  );

  test.each(["umask", "lvs_process_name"])("%s with no value stops keepalived (exit 2)", (kw) => {
    expect(findings(global(kw)).find((f) => f.code === "missing-argument")!.message).toContain("stops reading");
  });

  test("an empty regex line is only logged by keepalived before 2.2.8, so kalint says nothing there; 2.2.8 reports it", () => {
    const url =
      "virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    HTTP_GET {\n      url {\n        path /\n        regex\n        regex_min_offset\n      }\n    }\n  }\n}\n";
    expect(findings(url, [2, 2, 7]).filter((f) => f.code === "missing-argument")).toEqual([]);
    const [found, ...rest] = findings(url, [2, 2, 8]).filter((f) => f.code === "missing-argument");
    expect(rest).toEqual([]);
    expect(found).toMatchObject({ word: "regex" });
    expect(found!.message).not.toContain("stops reading");
  });

  test("vrrp_strict takes a boolean from 2.3.0; before, a word after it is ignored", () => {
    expect(findings(global("vrrp_strict maybe"), [2, 2, 7])).toEqual([]);
    expect(findings(global("vrrp_strict maybe"), [2, 3, 0])).toEqual([expect.objectContaining({ code: "invalid-value", word: "maybe" })]);
  });

  test("multicast groups must be multicast addresses", () => {
    expect(findings(global("vrrp_mcast_group4 224.0.0.19"))).toEqual([]);
    expect(findings(global("vrrp_mcast_group6 ff02::12"))).toEqual([]);
    expect(findings(global("vrrp_mcast_group4 10.9.9.9"))).toEqual([
      expect.objectContaining({ code: "invalid-value", word: "10.9.9.9", message: expect.stringContaining("not a multicast address") }),
    ]);
    expect(findings(global("vrrp_mcast_group6 2001:db8::1"))).toEqual([
      expect.objectContaining({ code: "invalid-value", word: "2001:db8::1" }),
    ]);
    const instance =
      "vrrp_instance V {\n    state MASTER\n    interface eth0\n    virtual_router_id 5\n    priority 100\n    mcast_dst_ip 10.1.1.1\n    virtual_ipaddress {\n        10.0.0.1\n    }\n}\n";
    expect(findings(instance)).toContainEqual(expect.objectContaining({ code: "invalid-value", word: "10.1.1.1" }));
  });

  test("a UDP_CHECK payload line needs its bytes; an empty require_reply is accepted", () => {
    const udp = (line: string) =>
      `virtual_server 10.0.0.1 53 {\n  protocol UDP\n  real_server 10.0.0.2 53 {\n    UDP_CHECK {\n      ${line}\n    }\n  }\n}\n`;
    expect(findings(udp("payload"))).toContainEqual(expect.objectContaining({ code: "missing-argument", word: "payload" }));
    expect(findings(udp("require_reply")).filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("a single address written with a /prefix or -range (keepalived drops it without a word)", () => {
  const inInstance = (line: string) => `vrrp_instance VI_1 {\n    ${line}\n}\n`;
  test.each(["unicast_src_ip 192.0.2.1/24", "mcast_src_ip 192.0.2.1/24", "unicast_src_ip 192.0.2.1-5"])(
    "%s: misread-value, with a safe fix that removes it",
    (line) => {
      const [found] = findings(inInstance(line));
      expect(found).toMatchObject({ code: "misread-value", severity: "warning", word: line.split(" ")[1] });
      expect(found!.fix).toMatchObject({ safe: true, edits: [{ newText: "192.0.2.1" }] });
    },
  );

  test("an address alone is fine; one that is no address is still invalid", () => {
    expect(findings(inInstance("unicast_src_ip 192.0.2.1"))).toEqual([]);
    expect(findings(inInstance("unicast_src_ip 192.0.2.300/24")).map((f) => f.code)).toEqual(["invalid-value"]);
  });
});

describe("include", () => {
  test("a bare include (no pattern) is an unknown keyword, as keepalived reads it", () => {
    expect(findings("include\n")).toEqual([expect.objectContaining({ code: "unknown-keyword", word: "include", line: 1 })]);
  });
});

describe("keywords keepalived reads one word of (their handlers take the first word and say nothing of the rest)", () => {
  test.each([
    ["global_defs {\n    router_id lb1 lb2\n}\n", "lb2"],
    ["vrrp_instance VI_1 {\n    interface eth0 eth1\n}\n", "eth1"],
    ["vrrp_instance VI_1 {\n    authentication {\n        auth_pass abc def\n    }\n}\n", "def"],
    ["global_defs {\n    process_name keepalived main\n}\n", "main"],
  ])("extra words are extra-argument: %s", (text, word) => {
    expect(findings(text)).toContainEqual(expect.objectContaining({ code: "extra-argument", word }));
  });

  test("keywords whose handler reads every word still take them (a notify command, a track_process pattern)", () => {
    expect(findings("vrrp_instance VI_1 {\n    notify /usr/local/bin/notify.sh --all\n}\n").map((f) => f.code)).not.toContain(
      "extra-argument",
    );
  });
});

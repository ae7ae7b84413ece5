/** Keywords with an argument language of their own: what keepalived refuses, kalint refuses too. */
import { describe, expect, test } from "vitest";
import { codes, findings } from "./helpers.js";

const inGlobal = (line: string) => `global_defs {\n  ${line}\n}\n`;
const inVs = (line: string) => `virtual_server 10.0.0.1 80 {\n  ${line}\n  real_server 10.0.0.2 80 {\n  }\n}\n`;
const inUrl = (line: string) =>
  `virtual_server 10.0.0.1 80 {\n  real_server 10.0.0.2 80 {\n    HTTP_GET {\n      url {\n        path /\n        ${line}\n      }\n    }\n  }\n}\n`;

describe("lvs_timeouts", () => {
  test("accepts option/seconds pairs in any order", () => {
    expect(codes(inGlobal("lvs_timeouts udp 300 tcp 900 tcpfin 120"))).toEqual([]);
  });
  test.each([
    ["lvs_timeouts TCP 900", "invalid-value", "TCP"],
    ["lvs_timeouts tcp -1", "out-of-range", "-1"],
    ["lvs_timeouts tcp 2678401", "out-of-range", "2678401"],
    ["lvs_timeouts tcp 1e3", "invalid-value", "1e3"],
    ["lvs_timeouts tcp", "missing-argument", "tcp"],
  ])("%s", (line, code, word) => {
    expect(findings(inGlobal(line))).toContainEqual(expect.objectContaining({ code, word }));
  });
});

describe("status_code", () => {
  test("codes and ranges", () => expect(codes(inUrl("status_code 200 301-308"))).toEqual([]));
  test.each(["0", "65536", "600", "abc", "300-200", "+5"])("refuses %s", (value) => {
    expect(findings(inUrl(`status_code 200 ${value}`))).toContainEqual(expect.objectContaining({ code: "invalid-value", word: value }));
  });
});

describe("forwarding method", () => {
  test("TUN with tunnel options", () => expect(codes(inVs("lvs_method TUN type gue port 6080 nocsum"))).toEqual([]));
  test("a word after DR is refused", () => {
    expect(findings(inVs("lb_kind DR surplus"))).toContainEqual(expect.objectContaining({ code: "invalid-value", word: "surplus" }));
  });
  test("an unknown tunnel type", () => {
    expect(findings(inVs("lvs_method TUN type vxlan"))).toContainEqual(expect.objectContaining({ code: "invalid-value", word: "vxlan" }));
  });
  test("methods are case-sensitive", () => {
    expect(findings(inVs("lb_kind dr"))).toContainEqual(expect.objectContaining({ code: "invalid-value", word: "dr" }));
  });
});

describe("weights of tracked objects", () => {
  test("vrrp_script weight with reverse", () =>
    expect(codes("vrrp_script chk {\n  script /bin/true\n  weight -20 reverse\n}\n")).toEqual([]));
  test("an unknown weight option", () => {
    expect(findings("vrrp_script chk {\n  script /bin/true\n  weight 20 surplus\n}\n")).toContainEqual(
      expect.objectContaining({ code: "invalid-value", word: "surplus" }),
    );
  });
  test("vrrp_script weight beyond 253", () => {
    expect(findings("vrrp_script chk {\n  script /bin/true\n  weight 254\n}\n")).toContainEqual(
      expect.objectContaining({ code: "out-of-range", word: "254" }),
    );
  });
  test("track_file allows 254", () => expect(codes("track_file tf {\n  file /tmp/x\n  weight 254\n}\n")).toEqual([]));
});

describe("init_file", () => {
  test("value and overwrite in either order", () => {
    expect(codes("track_file tf {\n  file /tmp/x\n  init_file overwrite 5\n}\n")).toEqual([]);
  });
  test.each(["abc", "12x", "OVERWRITE", "+5"])("refuses %s", (word) => {
    expect(findings(`track_file tf {\n  file /tmp/x\n  init_file ${word}\n}\n`)).toContainEqual(
      expect.objectContaining({ code: "invalid-value", word }),
    );
  });
  test("a value beyond ±254 is out of range (it becomes a priority offset); ±254 is fine", () => {
    for (const word of ["255", "-255", "65536"]) {
      expect(findings(`track_file tf {\n  file /tmp/x\n  init_file ${word}\n}\n`)).toContainEqual(
        expect.objectContaining({ code: "out-of-range", word }),
      );
    }
    expect(codes("track_file tf {\n  file /tmp/x\n  init_file -254 overwrite\n}\n")).toEqual([]);
    expect(codes("vrrp_track_file tf {\n  file /tmp/x\n  init_file 254\n}\n")).toEqual(["deprecated-keyword"]);
  });
});

describe("smtp_server", () => {
  test.each(["127.0.0.1 25", "mail.example.com", "::1 587", "127.1"])("accepts %s", (args) =>
    expect(codes(inGlobal(`smtp_server ${args}`))).toEqual([]),
  );
  test.each(["127.0.0.300", "127.0.0.1/33", "fe80:::1", "127.0.0.1\u00a0", "mail.example.com\u3000"])("refuses %s", (host) => {
    expect(findings(inGlobal(`smtp_server ${host} 25`))).toContainEqual(expect.objectContaining({ code: "invalid-value", word: host }));
  });
});

describe("UDP_CHECK hex strings", () => {
  const udp = (line: string) =>
    `virtual_server 10.0.0.1 53 {\n  protocol UDP\n  real_server 10.0.0.2 53 {\n    UDP_CHECK {\n      ${line}\n    }\n  }\n}\n`;
  test("payload bytes may be spaced", () => expect(codes(udp("payload 0a 0b ff"))).toEqual([]));
  test("require_reply takes x wildcards", () => expect(codes(udp("require_reply 0ax0"))).toEqual([]));
  test("a non-hex word", () => expect(codes(udp("require_reply surplus"))).toContain("invalid-value"));
});

describe("digest", () => {
  test("32 hexadecimal digits, either case", () => expect(codes(inUrl("digest 9b3a0c85a887a256d6939da88aabd8cd"))).toEqual([]));
  test("a sign before one digit passes, as keepalived reads each pair with strtoul", () => {
    expect(codes(inUrl("digest +b3a0c85a887a256d6939da88aabd8cd"))).toEqual([]);
  });
  test.each([
    ["<your_value>", "32 hexadecimal digits, not 12"],
    ["9b3a0c85a887a256d6939da88aabd8c", "not 31"],
    ["9b3a0c85a887a256d6939da88aabd8cd0", "not 33"],
    ["9b3a0c85a887a256d6939da88aabd8zz", "'zz' at character 31"],
  ])("refuses %s", (value, message) => {
    expect(findings(inUrl(`digest ${value}`))).toContainEqual(
      expect.objectContaining({ code: "invalid-value", word: value, message: expect.stringContaining(message) }),
    );
  });
  test("missing", () => expect(codes(inUrl("digest"))).toContain("missing-argument"));
});

describe("DNS_CHECK type", () => {
  const inDns = (line: string) =>
    `virtual_server 10.0.0.1 53 {\n  real_server 10.0.0.2 53 {\n    DNS_CHECK {\n      ${line}\n    }\n  }\n}\n`;
  test.each(["A", "aaaa", "MX", "DNSKEY"])("accepts %s (any case)", (type) => expect(codes(inDns(`type ${type}`))).toEqual([]));
  test.each(["<your_value>", "PTR", "A\u3000"])("refuses %s", (type) => {
    expect(findings(inDns(`type ${type}`))).toContainEqual(expect.objectContaining({ code: "invalid-value", word: type }));
  });
});

describe("persistence_granularity, by the virtual server's address family (as keepalived -t 2.2.7 reads it)", () => {
  const vs = (address: string, value: string) => `virtual_server ${address} 80 {\n    persistence_granularity ${value}\n}\n`;
  const codes = (text: string) => findings(text).map((f) => [f.code, f.word]);

  test("IPv4: a netmask passes; a bare number is read as a mask (24 is 0.0.0.24), a warning with the dotted mask as fix", () => {
    expect(codes(vs("192.0.2.1", "255.255.255.0"))).toEqual([]);
    const [found] = findings(vs("192.0.2.1", "24"));
    expect(found).toMatchObject({ code: "misread-value", severity: "warning", word: "24" });
    expect(found!.message).toContain("0.0.0.24");
    expect(found!.fix?.edits[0]!.newText).toBe("255.255.255.0");
    expect(codes(vs("192.0.2.1", "abc"))).toEqual([["invalid-value", "abc"]]);
  });

  test("IPv6: a prefix length 1..128; a dotted mask or 129 is refused", () => {
    expect(codes(vs("2001:db8::1", "64"))).toEqual([]);
    expect(codes(vs("2001:db8::1", "129"))).toEqual([["out-of-range", "129"]]);
    expect(codes(vs("2001:db8::1", "255.255.255.0"))).toEqual([["invalid-value", "255.255.255.0"]]);
  });
});

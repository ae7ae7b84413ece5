import { describe, expect, test } from "vitest";
import {
  addressPart,
  checkValue,
  isIPv4,
  isIPv6,
  readAddressPrefix,
  readBoolean,
  readDecimal,
  readEnum,
  readInteger,
  readPort,
} from "../../server/src/schema/values.js";

describe("integers, read as keepalived's base-10 readers do", () => {
  test("accepts plain, signed and blank-prefixed numbers", () => {
    expect(readInteger("42")).toEqual({ ok: true, value: 42 });
    expect(readInteger("+5", { min: 0, max: 10 })).toEqual({ ok: true, value: 5 });
    expect(readInteger(" 7", { min: 0 })).toEqual({ ok: true, value: 7 });
    expect(readInteger("-20", { min: -253, max: 253 })).toEqual({ ok: true, value: -20 });
  });
  test("rejects hex, exponents, decimals and trailing junk as invalid values", () => {
    for (const w of ["0x10", "1e3", "1.5", "12x", "abc", ""])
      expect(readInteger(w)).toMatchObject({ ok: false, problem: { code: "invalid-value" } });
  });
  test("a negative number for an unsigned setting is out of range", () => {
    expect(readInteger("-1", { min: 1, max: 255 })).toMatchObject({ ok: false, problem: { code: "out-of-range" } });
  });
  test("bounds are inclusive and huge numbers do not wrap", () => {
    expect(readInteger("255", { min: 1, max: 255 }).ok).toBe(true);
    expect(readInteger("256", { min: 1, max: 255 })).toMatchObject({ ok: false, problem: { code: "out-of-range" } });
    expect(readInteger("0", { min: 1, max: 255 })).toMatchObject({ ok: false, problem: { code: "out-of-range" } });
    expect(readInteger("99999999999999999999", { max: 4294967295 })).toMatchObject({ ok: false, problem: { code: "out-of-range" } });
  });
});

describe("decimals (timers)", () => {
  test("up to the allowed decimal places, compared exactly at the bounds", () => {
    expect(readDecimal("0.000001", { min: 0.000001, max: 4294.967295, decimals: 6 })).toEqual({ ok: true, value: 0.000001 });
    expect(readDecimal("4294.967295", { min: 0.000001, max: 4294.967295, decimals: 6 }).ok).toBe(true);
    expect(readDecimal("4294.967296", { min: 0.000001, max: 4294.967295, decimals: 6 })).toMatchObject({
      ok: false,
      problem: { code: "out-of-range" },
    });
    expect(readDecimal("0", { min: 0.000001, decimals: 6 })).toMatchObject({ ok: false, problem: { code: "out-of-range" } });
    expect(readDecimal(".5", { decimals: 6 })).toEqual({ ok: true, value: 0.5 });
  });
  test("too many decimal places, a minus sign or letters are refused", () => {
    expect(readDecimal("1.1234567", { decimals: 6 })).toMatchObject({ ok: false, problem: { code: "invalid-value" } });
    expect(readDecimal("1.2345", { decimals: 3 })).toMatchObject({ ok: false, problem: { code: "invalid-value" } });
    expect(readDecimal("-1", { min: 0, decimals: 6 })).toMatchObject({ ok: false, problem: { code: "out-of-range" } });
    expect(readDecimal("1s", { decimals: 6 })).toMatchObject({ ok: false, problem: { code: "invalid-value" } });
    expect(readDecimal("1.2.3", { decimals: 6 })).toMatchObject({ ok: false, problem: { code: "invalid-value" } });
  });
});

test("booleans are exactly true|on|yes|false|off|no, lower case", () => {
  for (const w of ["true", "on", "yes"]) expect(readBoolean(w)).toEqual({ ok: true, value: true });
  for (const w of ["false", "off", "no"]) expect(readBoolean(w)).toEqual({ ok: true, value: false });
  for (const w of ["True", "YES", "1", "0", "enabled"]) expect(readBoolean(w).ok).toBe(false);
});

test("enums are case-sensitive unless the keyword says otherwise, with a hint for the case slip", () => {
  expect(readEnum("MASTER", ["MASTER", "BACKUP"]).ok).toBe(true);
  const slip = readEnum("master", ["MASTER", "BACKUP"]);
  expect(slip).toMatchObject({ ok: false, problem: { code: "invalid-value" } });
  expect(!slip.ok && slip.problem.message).toContain("did you mean MASTER");
  expect(readEnum("tcp", ["TCP", "UDP", "SCTP"], true)).toEqual({ ok: true, value: "TCP" });
});

describe("addresses, as inet_pton reads them", () => {
  test("IPv4: four parts, 0..255, no leading zeros", () => {
    expect(isIPv4("192.168.0.1")).toBe(true);
    expect(isIPv4("0.0.0.0")).toBe(true);
    for (const w of ["192.168.0.256", "192.168.0", "010.0.0.1", "1.2.3.4.5", "1.2.3.", "a.b.c.d"]) expect(isIPv4(w)).toBe(false);
  });
  test("IPv6: one ::, at most eight groups, an IPv4 tail, no zone", () => {
    for (const w of ["::", "::1", "fe80::10", "2001:db8::10", "1:2:3:4:5:6:7:8", "::ffff:192.0.2.1", "1:2:3:4:5:6:1.2.3.4"])
      expect(isIPv6(w)).toBe(true);
    for (const w of ["2001:db8:::1", "1::2::3", "1:2:3:4:5:6:7:8:9", "fe80::1%eth0", "12345::1", ":1", "1:2:3:4:5:6:7::8:9"])
      expect(isIPv6(w)).toBe(false);
  });
  test("prefixes are bounded by the family", () => {
    expect(readAddressPrefix("10.0.0.1/32")).toMatchObject({ ok: true, value: { family: 4, prefix: 32 } });
    expect(readAddressPrefix("10.0.0.1/33")).toMatchObject({ ok: false, problem: { code: "out-of-range" } });
    expect(readAddressPrefix("fe80::1/128").ok).toBe(true);
    expect(readAddressPrefix("fe80::1/129")).toMatchObject({ ok: false, problem: { code: "out-of-range" } });
    expect(readAddressPrefix("10.0.0.1/x")).toMatchObject({ ok: false, problem: { code: "invalid-value" } });
  });
  test("the address part of a range or network is cut at '-' first, then '/'", () => {
    expect(addressPart("10.0.0.1-10")).toBe("10.0.0.1");
    expect(addressPart("10.0.0.0/24")).toBe("10.0.0.0");
    expect(addressPart("10.0.0.1/-1")).toBe("10.0.0.1/");
  });
});

test("ports and the generic kind dispatcher", () => {
  expect(readPort("0").ok).toBe(true);
  expect(readPort("0", 1).ok).toBe(false);
  expect(readPort("65536")).toMatchObject({ ok: false, problem: { code: "out-of-range" } });
  expect(checkValue({ type: "integer", min: 1, max: 255 }, "300")?.code).toBe("out-of-range");
  expect(checkValue({ type: "boolean" }, "yes")).toBeUndefined();
  expect(checkValue({ type: "ip" }, "10.0.0.300")?.code).toBe("invalid-value");
  expect(checkValue({ type: "path" }, "relative/ok")).toBeUndefined();
});

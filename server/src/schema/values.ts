/**
 * Pure readers for the argument kinds of keepalived.conf. Each one reads a word the way
 * keepalived's own readers do (so a value keepalived rejects is rejected here) and returns
 * either the value or a problem: `invalid-value` when the word is not of the kind at all,
 * `out-of-range` when it is a number of the right shape outside the accepted bounds.
 *
 * The one reader of each kind of value: the validator reports the problems, the model takes
 * the values (so both read `priority +100` as 100, as keepalived does).
 */
import type { ArgKind } from "./types.js";

export type ValueCode = "invalid-value" | "out-of-range";

export interface ValueProblem {
  readonly code: ValueCode;
  readonly message: string;
}

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: ValueProblem };

const ok = <T>(value: T): Checked<T> => ({ ok: true, value });
const bad = (code: ValueCode, message: string): Checked<never> => ({ ok: false, problem: { code, message } });

// keepalived hands numbers to strtol/strtoul, which skip leading blanks (reachable through
// quotes) and take an optional sign; the whole rest of the word must be digits.
const INTEGER = /^[ \t\n\v\f\r]*([+-]?)(\d+)$/;

export interface IntegerBounds {
  readonly min?: number;
  readonly max?: number;
}

/** A base-10 integer. Negative numbers are refused outright when `min` is not below zero, as keepalived's unsigned reader does. */
export function readInteger(text: string, bounds: IntegerBounds = {}): Checked<number> {
  const plain = plainDigits(text);
  if (plain !== -1) {
    // The common case (digits only, no sign, blanks or leading zeros to worry about): read
    // without the regular expression, which costs more than the rest of the check.
    if ((bounds.min !== undefined && plain < bounds.min) || (bounds.max !== undefined && plain > bounds.max)) {
      return bad("out-of-range", `${text} is out of range; ${describeRange(bounds)}`);
    }
    return ok(plain);
  }
  const m = INTEGER.exec(text);
  if (!m) return bad("invalid-value", `'${text}' is not a whole number`);
  const negative = m[1] === "-";
  const unsigned = bounds.min === undefined || bounds.min >= 0;
  if (negative && unsigned && !/^0+$/.test(m[2]!)) return bad("out-of-range", `'${text}' is negative; ${describeRange(bounds)}`);
  // Digits beyond 2^53 cannot be in any range keepalived uses; keep the comparison exact.
  const digits = m[2]!.replace(/^0+(?=\d)/, "");
  const value = digits.length > 15 ? Number.POSITIVE_INFINITY : Number(digits);
  const signed = negative ? -value : value;
  if ((bounds.min !== undefined && signed < bounds.min) || (bounds.max !== undefined && signed > bounds.max)) {
    return bad("out-of-range", `${text} is out of range; ${describeRange(bounds)}`);
  }
  return ok(signed);
}

/** The value of a word of 1 to 9 ASCII digits, else -1 (exact: 9 digits stay far below 2^53). */
function plainDigits(text: string): number {
  const n = text.length;
  if (n === 0 || n > 9) return -1;
  let value = 0;
  for (let i = 0; i < n; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    value = value * 10 + d;
  }
  return value;
}

export interface DecimalBounds extends IntegerBounds {
  /** Most digits keepalived accepts after the point. */
  readonly decimals: number;
}

/**
 * A non-negative decimal such as a timer in seconds (`1.5`). keepalived refuses a minus sign
 * and more decimal places than the keyword's precision, and compares the value scaled to
 * that precision; so do we, with integers, to stay exact at the bounds.
 */
export function readDecimal(text: string, bounds: DecimalBounds): Checked<number> {
  const plain = plainDigits(text);
  if (plain !== -1) {
    // Digits only: the same scaled comparison as below, without the regular expressions.
    const scale = 10 ** bounds.decimals;
    const scaled = plain * scale;
    const inRange =
      (bounds.min === undefined || scaled >= Math.round(bounds.min * scale)) &&
      (bounds.max === undefined || scaled <= Math.round(bounds.max * scale));
    if (!inRange) return bad("out-of-range", `${text} is out of range; ${describeRange(bounds)}`);
    return ok(scaled / scale);
  }
  const body = text.replace(/^[ \t\n\v\f\r]*/, "");
  if (body.startsWith("-")) return bad("out-of-range", `'${text}' is negative; ${describeRange(bounds)}`);
  const m = /^\+?(\d*)(?:\.(\d*))?$/.exec(body);
  if (!m || (m[1] === "" && (m[2] ?? "") === "")) return bad("invalid-value", `'${text}' is not a number`);
  const fraction = m[2] ?? "";
  if (fraction.length > bounds.decimals) {
    return bad("invalid-value", `'${text}' has ${fraction.length} decimal places; at most ${bounds.decimals} are allowed`);
  }
  const scale = 10 ** bounds.decimals;
  const whole = m[1] === "" ? 0 : Number(m[1]);
  if (m[1]!.replace(/^0+/, "").length > 15) return bad("out-of-range", `${text} is out of range; ${describeRange(bounds)}`);
  const scaled = whole * scale + Number(fraction.padEnd(bounds.decimals, "0") || "0");
  const inRange =
    (bounds.min === undefined || scaled >= Math.round(bounds.min * scale)) &&
    (bounds.max === undefined || scaled <= Math.round(bounds.max * scale));
  if (!inRange) return bad("out-of-range", `${text} is out of range; ${describeRange(bounds)}`);
  return ok(scaled / scale);
}

// strtod's forms: decimal with an optional exponent, or hexadecimal with an optional binary exponent.
const REAL_DECIMAL = /^[ \t\n\v\f\r]*([+-]?)(\d+\.?\d*|\.\d+)(?:[eE]([+-]?\d+))?$/;
const REAL_HEX = /^[ \t\n\v\f\r]*([+-]?)0[xX]([0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP]([+-]?\d+))?$/;
const SMALLEST_NORMAL = 2.2250738585072014e-308;

/**
 * A number as C's strtod reads it, as releases before 2.2.3 read seconds: `1.5`, `.5`, `1e3`,
 * `0x10`, any number of decimal places. keepalived refuses what strtod does not read whole,
 * infinity and NaN, and what overflows or underflows a double (strtod's ERANGE), then compares
 * the value with the bounds.
 */
export function readReal(text: string, bounds: IntegerBounds): Checked<number> {
  let value: number;
  let digitsNonZero: boolean;
  const dec = REAL_DECIMAL.exec(text);
  if (dec) {
    value = Number(`${dec[1]}${dec[2]}e${dec[3] ?? "0"}`);
    digitsNonZero = /[1-9]/.test(dec[2]!);
  } else {
    const hex = REAL_HEX.exec(text);
    if (!hex) return bad("invalid-value", `'${text}' is not a number`);
    const [whole = "", fraction = ""] = hex[2]!.split(".");
    const mantissa = [...(whole + fraction)].reduce((v, c) => v * 16 + parseInt(c, 16), 0);
    value = (hex[1] === "-" ? -1 : 1) * mantissa * 2 ** (Number(hex[3] ?? "0") - 4 * fraction.length);
    digitsNonZero = mantissa !== 0;
  }
  const magnitude = Math.abs(value);
  if (!Number.isFinite(value) || (digitsNonZero && magnitude < SMALLEST_NORMAL))
    return bad("out-of-range", `${text} is out of range of a floating-point number`);
  if ((bounds.min !== undefined && value < bounds.min) || (bounds.max !== undefined && value > bounds.max)) {
    return bad("out-of-range", `${text} is out of range; ${describeRange(bounds)}`);
  }
  return ok(value);
}

export function describeRange(bounds: IntegerBounds): string {
  const { min, max } = bounds;
  if (min !== undefined && max !== undefined) return `allowed: ${min}..${max}`;
  if (min !== undefined) return `allowed: ${min} or more`;
  if (max !== undefined) return `allowed: up to ${max}`;
  return "allowed: any number";
}

const TRUE_WORDS: ReadonlySet<string> = new Set(["true", "on", "yes"]);
const FALSE_WORDS: ReadonlySet<string> = new Set(["false", "off", "no"]);

/** keepalived compares booleans exactly: `Yes` and `1` are not booleans. */
export function readBoolean(text: string): Checked<boolean> {
  if (TRUE_WORDS.has(text)) return ok(true);
  if (FALSE_WORDS.has(text)) return ok(false);
  return bad("invalid-value", `'${text}' is not a boolean; use true, on, yes, false, off or no (lower case)`);
}

export function readEnum(text: string, values: readonly string[], caseInsensitive = false): Checked<string> {
  if (caseInsensitive) {
    const lower = text.toLowerCase();
    const found = values.find((v) => v.toLowerCase() === lower);
    if (found !== undefined) return ok(found);
  } else if (values.includes(text)) return ok(text);
  const near = caseInsensitive ? undefined : values.find((v) => v.toLowerCase() === text.toLowerCase());
  const hint = near !== undefined ? ` (values are case-sensitive: did you mean ${near}?)` : "";
  return bad("invalid-value", `'${text}' is not one of ${values.join(", ")}${hint}`);
}

/**
 * IPv4 in the only form inet_pton accepts: four decimal parts 0..255 with no leading zeros
 * (so `010.0.0.1`, `10.1` and `10.0.0.256` are all refused).
 */
export function isIPv4(text: string): boolean {
  // One pass over the characters: this runs for every address of a file.
  let dots = 0;
  let digits = 0;
  let value = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46 /* . */) {
      if (digits === 0 || ++dots > 3) return false;
      digits = 0;
      value = 0;
      continue;
    }
    if (c < 48 || c > 57) return false;
    if (digits === 1 && value === 0) return false; // a leading zero
    digits++;
    value = value * 10 + (c - 48);
    if (value > 255) return false;
  }
  return dots === 3 && digits > 0;
}

/** A 32-bit number as a dotted IPv4 address (0xffffff00 → 255.255.255.0). */
export function ipv4Text(n: number): string {
  return [24, 16, 8, 0].map((s) => (n >>> s) & 255).join(".");
}

/** The IPv4 netmask of a prefix length 0..32, as a 32-bit number (24 → 0xffffff00). */
export function ipv4Mask(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** IPv6 as inet_pton reads it: up to eight hex groups, one `::`, an optional dotted IPv4 tail, no zone. */
export function isIPv6(text: string): boolean {
  if (text.length < 2 || text.length > 45) return false;
  let head = text;
  let groupsForV4 = 0;
  const lastColon = text.lastIndexOf(":");
  if (text.indexOf(".", lastColon) !== -1) {
    if (!isIPv4(text.slice(lastColon + 1))) return false;
    head = text.slice(0, lastColon + 1) + "0";
    groupsForV4 = 1;
  }
  const halves = head.split("::");
  if (halves.length > 2) return false;
  const groups = (s: string): string[] | undefined => {
    if (s === "") return [];
    const g = s.split(":");
    return g.every((x) => /^[0-9a-fA-F]{1,4}$/.test(x)) ? g : undefined;
  };
  const left = groups(halves[0]!);
  if (!left) return false;
  if (halves.length === 1) return left.length + groupsForV4 === 8;
  const right = groups(halves[1]!);
  if (!right) return false;
  return left.length + right.length + groupsForV4 <= 7;
}

export type Family = 4 | 6;

export interface Address {
  readonly family: Family;
  readonly address: string;
  readonly prefix?: number;
}

/** Either family; like keepalived, a colon anywhere means IPv6. */
export function readAddress(text: string): Checked<Address> {
  if (text.includes(":")) {
    return isIPv6(text) ? ok({ family: 6 as const, address: text }) : bad("invalid-value", `'${text}' is not a valid IPv6 address`);
  }
  return isIPv4(text) ? ok({ family: 4 as const, address: text }) : bad("invalid-value", `'${text}' is not a valid IP address`);
}

/** `ADDRESS[/PREFIX]` with the prefix bounded by the family (32 or 128). */
export function readAddressPrefix(text: string): Checked<Address> {
  const slash = text.indexOf("/");
  const base = readAddress(slash === -1 ? text : text.slice(0, slash));
  if (!base.ok || slash === -1) return base;
  const max = base.value.family === 4 ? 32 : 128;
  const prefix = readInteger(text.slice(slash + 1), { min: 0, max });
  if (!prefix.ok) {
    return bad(
      prefix.problem.code === "out-of-range" ? "out-of-range" : "invalid-value",
      `'${text.slice(slash + 1)}' is not a prefix length for ${text.slice(0, slash)} (0..${max})`,
    );
  }
  return ok({ ...base.value, prefix: prefix.value });
}

export function readPort(text: string, min = 0): Checked<number> {
  const r = readInteger(text, { min, max: 65535 });
  if (r.ok) return r;
  return bad(r.problem.code, `'${text}' is not a port number (${min}..65535)`);
}

/**
 * Checks one word against an argument kind from the schema. Free-form kinds (`name`, `path`,
 * `string`, `any`) accept any non-empty word: keepalived does not look inside them at parse time.
 */
export function checkValue(kind: ArgKind, text: string): ValueProblem | undefined {
  const result = readValue(kind, text);
  return result.ok ? undefined : result.problem;
}

export function readValue(kind: ArgKind, text: string): Checked<unknown> {
  switch (kind.type) {
    // The kind itself carries min, max (and decimals): no bounds object per value.
    case "integer":
      return readInteger(text, kind);
    case "decimal":
      return readDecimal(text, kind);
    case "real":
      return readReal(text, kind);
    case "boolean":
      return readBoolean(text);
    case "enum":
      return readEnum(text, kind.values, kind.caseInsensitive === true);
    case "ipv4":
      return isIPv4(text) ? ok(text) : bad("invalid-value", `'${text}' is not a valid IPv4 address`);
    case "ipv6":
      return isIPv6(text) ? ok(text) : bad("invalid-value", `'${text}' is not a valid IPv6 address`);
    case "ip":
      // keepalived's socket-address reader drops a trailing /prefix or -range without a word.
      return readAddress(addressPart(text));
    case "ip-prefix":
      return readAddressPrefix(text);
    case "port":
      return readPort(text);
    case "host":
      return readHost(text);
    case "multicast":
      return readMulticast(text, kind.family);
    case "name":
    case "path":
    case "string":
    case "any":
      return text === "" && kind.type === "name" ? bad("invalid-value", "a name cannot be empty") : ok(text);
  }
}

/**
 * A multicast group address (224.0.0.0/4, ff00::/8). Of either family it is read as the "ip"
 * kind is (a trailing /prefix or -range dropped); keepalived ignores a line outside the ranges.
 */
export function readMulticast(text: string, family?: 4 | 6): Checked<string> {
  const read =
    family === 4 ? readValue({ type: "ipv4" }, text) : family === 6 ? readValue({ type: "ipv6" }, text) : readAddress(addressPart(text));
  if (!read.ok) return read;
  const address = family === undefined ? addressPart(text) : text;
  const v6 = address.includes(":");
  const firstByte = Number(address.split(".")[0]);
  const multicast = v6 ? /^ff[0-9a-f]{2}:/i.test(address) : firstByte >= 224 && firstByte <= 239;
  return multicast
    ? ok(address)
    : bad("invalid-value", `${address} is not a multicast address (${v6 ? "ff00::/8" : "224.0.0.0 to 239.255.255.255"})`);
}

/**
 * An address or a host name. keepalived tries the word as an address, then hands it to the
 * resolver, which takes short and octal forms such as `127.1`; so only a dotted number with a
 * part over 255, a `/`, or a malformed IPv6 address is certainly wrong.
 */
export function readHost(text: string): Checked<string> {
  const badDotted = /^[\d.]+$/.test(text) && text.split(".").some((p) => p !== "" && Number(p) > 255 && !p.startsWith("0"));
  // A name the resolver can look up is letters, digits, dots, hyphens (and underscores, which
  // hosts files allow; colons for IPv6); a no-break or full-width space glued on makes it none.
  const badName = !/^[A-Za-z0-9._:-]+$/.test(text) || (text.includes(":") && !isIPv6(text));
  return badDotted || badName ? bad("invalid-value", `'${text}' is not a valid address or host name`) : ok(text);
}

/**
 * The address part of `ADDRESS-RANGE` or `ADDRESS/MASK` as keepalived's socket-address reader
 * takes it: cut at the first `-` if there is one, else at the first `/` (so `10.0.0.1/-1`
 * keeps `10.0.0.1/`, which is not an address).
 */
export function addressPart(text: string): string {
  const dash = text.indexOf("-");
  if (dash !== -1) return text.slice(0, dash);
  const slash = text.indexOf("/");
  return slash === -1 ? text : text.slice(0, slash);
}

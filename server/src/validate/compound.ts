/**
 * Keywords whose arguments are a small language of their own (option words with values, lists
 * of ranges, tunnel options), which one argument list cannot describe. Each checker reads the
 * words as keepalived's handler does and reports what that handler would refuse.
 */
import type { Block, Word } from "../../../grammar/index.js";
import type { Reporter } from "./report.js";
import { ipv4Mask, ipv4Text, readAddress, readEnum, readInteger, readPort } from "../schema/values.js";

/** `parent` is the block the keyword stands in, for checks that depend on it (a virtual server's address family). */
type Checker = (keyword: Word, words: readonly Word[], reporter: Reporter, parent?: Block) => void;

/** `lvs_timeouts tcp N tcpfin N udp N`: option words in any order, each with seconds up to 31 days. */
const lvsTimeouts: Checker = (keyword, words, reporter) => {
  if (words.length === 0)
    return reporter.report(keyword, "missing-argument", "lvs_timeouts needs at least one of tcp, tcpfin or udp with a number of seconds");
  for (let i = 0; i < words.length; i++) {
    const option = words[i]!;
    if (!["tcp", "tcpfin", "udp"].includes(option.text)) {
      reporter.report(option, "invalid-value", `lvs_timeouts: '${option.text}' is not one of tcp, tcpfin, udp`);
      continue;
    }
    const value = words[i + 1];
    if (!value) return reporter.report(option, "missing-argument", `lvs_timeouts ${option.text} needs a number of seconds`);
    i++;
    const n = readInteger(value.text, { min: 0, max: 2678400 });
    if (!n.ok) reporter.problem(value, n.problem, `lvs_timeouts ${option.text}`);
  }
};

/** `status_code 200 300-399 ...`: codes or ranges of HTTP statuses. */
const statusCode: Checker = (_keyword, words, reporter) => {
  // With no codes keepalived keeps its default (200-299), so an empty line is harmless.
  for (const w of words) {
    const m = /^(\d{1,3})(?:-(\d{1,3}))?$/.exec(w.text);
    const low = m ? Number(m[1]) : NaN;
    const high = m?.[2] !== undefined ? Number(m[2]) : low;
    if (!m || low < 100 || high > 599 || high < low)
      reporter.report(
        w,
        "invalid-value",
        `status_code: '${w.text}' is not an HTTP status code (100..599) or a range of them (e.g. 200-299)`,
      );
  }
};

const TUNNEL_TYPES = ["ipip", "gue", "gre"];
const CHECKSUM_OPTIONS = ["nocsum", "csum", "remcsum"];

/** `lvs_method TUN type gue port 6080 csum`: the method, then tunnel options for TUN. */
const forwardingMethod: Checker = (keyword, words, reporter) => {
  const method = words[0];
  if (!method) return reporter.report(keyword, "missing-argument", `${keyword.text} needs a forwarding method (NAT, DR or TUN)`);
  const m = readEnum(method.text, ["NAT", "DR", "TUN"]);
  if (!m.ok) return reporter.problem(method, m.problem, keyword.text);
  for (let i = 1; i < words.length; i++) {
    const w = words[i]!;
    if (method.text !== "TUN") {
      reporter.report(w, "invalid-value", `${keyword.text}: '${w.text}' is not a ${method.text} option (only TUN takes options)`);
      continue;
    }
    if (w.text === "type" || w.text === "port") {
      const value = words[++i];
      if (!value) {
        reporter.report(w, "missing-argument", `${keyword.text}: '${w.text}' needs a value`);
        break;
      }
      if (w.text === "type" && !TUNNEL_TYPES.includes(value.text))
        reporter.report(value, "invalid-value", `${keyword.text}: tunnel type '${value.text}' is not one of ${TUNNEL_TYPES.join(", ")}`);
      if (w.text === "port") {
        const p = readPort(value.text, 1);
        if (!p.ok) reporter.problem(value, p.problem, `${keyword.text} tunnel port`);
      }
    } else if (!CHECKSUM_OPTIONS.includes(w.text)) {
      reporter.report(
        w,
        "invalid-value",
        `${keyword.text}: '${w.text}' is not a tunnel option (type, port, ${CHECKSUM_OPTIONS.join(", ")})`,
      );
    }
  }
};

/** A tracked file's value becomes a priority offset, so keepalived reports one beyond ±254. */
const INIT_VALUE = { min: -254, max: 254 };

/**
 * `init_file [VALUE] [overwrite]`, in either order. keepalived takes a word as the value only
 * when it starts with a digit or `-` (so `+5` is an unknown option, not a number).
 */
const initFile: Checker = (_keyword, words, reporter) => {
  for (const w of words) {
    if (w.text === "overwrite") continue;
    const first = w.text.replace(/^[ \t\n\v\f\r]+/, "").charCodeAt(0);
    if (!(first >= 48 && first <= 57) && first !== 45 /* - */) {
      reporter.report(w, "invalid-value", `init_file: '${w.text}' is neither a number nor 'overwrite'`);
      continue;
    }
    const n = readInteger(w.text, INIT_VALUE);
    if (n.ok) continue;
    const outOfRange = n.problem.code === "out-of-range";
    reporter.report(
      w,
      n.problem.code,
      outOfRange
        ? `init_file: ${w.text} is out of range; allowed: ${INIT_VALUE.min}..${INIT_VALUE.max} (the value is added to the priority of the instances tracking the file)`
        : `init_file: '${w.text}' is not a whole number`,
    );
  }
};

/** `payload` / `require_reply`: hexadecimal bytes, with x/X wildcards allowed in a reply pattern. */
function hexString(wildcards: boolean): Checker {
  const digit = wildcards ? /^[0-9a-fA-FxX]+$/ : /^[0-9a-fA-F]+$/;
  return (keyword, words, reporter) => {
    // keepalived refuses a payload line with nothing on it; an empty reply pattern it takes.
    if (words.length === 0 && !wildcards)
      return reporter.report(keyword, "missing-argument", `${keyword.text} needs the bytes to send, in hexadecimal`);
    const joined = words.map((w) => w.text).join("");
    if (words.length > 0 && !digit.test(joined)) {
      reporter.report(
        { file: words[0]!.file, start: words[0]!.start, end: words[words.length - 1]!.end },
        "invalid-value",
        `${keyword.text}: not a string of hexadecimal digits${wildcards ? " (x marks a wildcard digit)" : ""}`,
      );
    }
  };
}

/**
 * `digest HEX`: an MD5 sum, 32 characters read two at a time as hexadecimal. Each pair goes
 * through strtoul, so a sign before one digit (`+f`, `-0`) passes too; anything else is
 * refused and the url keeps no digest.
 */
const digest: Checker = (keyword, words, reporter) => {
  const value = words[0];
  if (!value)
    return reporter.report(
      keyword,
      "missing-argument",
      "digest needs the MD5 sum of the page (keepalived stops reading the configuration here)",
    );
  if (value.text.length !== 32)
    return reporter.report(value, "invalid-value", `digest: an MD5 sum is 32 hexadecimal digits, not ${value.text.length} characters`);
  for (let i = 0; i < 32; i += 2) {
    if (!/^(?:[0-9a-fA-F]{2}|[+-][0-9a-fA-F])$/.test(value.text.slice(i, i + 2))) {
      return reporter.report(
        value,
        "invalid-value",
        `digest: '${value.text.slice(i, i + 2)}' at character ${i + 1} is not a hexadecimal byte`,
      );
    }
  }
};

/**
 * `persistence_granularity MASK`: keepalived reads it by the virtual server's address family
 * (when the address does not say, by whether the word holds a dot): for IPv6 a prefix length
 * 1..128, for IPv4 a netmask through the resolver, which also takes a bare number, so `24` is
 * the mask 0.0.0.24, not /24.
 */
const persistenceGranularity: Checker = (keyword, words, reporter, parent) => {
  const value = words[0];
  if (!value)
    return reporter.report(keyword, "missing-argument", "persistence_granularity needs a netmask (IPv4) or a prefix length (IPv6)");
  const address = parent?.args[0] ? readAddress(parent.args[0].text) : undefined;
  const v6 = address?.ok ? address.value.family === 6 : !value.text.includes(".");
  if (v6) {
    const n = readInteger(value.text, { min: 1, max: 128 });
    if (!n.ok) reporter.problem(value, n.problem, "IPv6 persistence_granularity (a prefix length)");
    return;
  }
  if (/^\d+$/.test(value.text)) {
    const bits = Number(value.text);
    const mask = bits >= 1 && bits <= 32 ? prefixMask(bits) : undefined;
    reporter.report(
      value,
      "misread-value",
      `keepalived reads persistence_granularity ${value.text} as the netmask ${numberAsAddress(value.text)}, not a prefix length${mask ? `; write ${mask} for /${bits}` : ""}`,
      mask ? { fix: { description: `use ${mask}`, edits: [{ file: value.file, start: value.start, end: value.end, newText: mask }] } } : {},
    );
    return;
  }
  if (!isResolverAddress(value.text))
    reporter.report(value, "invalid-value", `persistence_granularity: '${value.text}' is not an IPv4 netmask`);
};

/** The dotted netmask of a prefix length (24 → 255.255.255.0). */
const prefixMask = (bits: number): string => ipv4Text(ipv4Mask(bits));

/** How the resolver reads a bare number: a 32-bit address, the number in its last bytes (24 → 0.0.0.24). */
const numberAsAddress = (text: string): string => ipv4Text(Number(text) >>> 0);

/** An IPv4 address as inet_aton reads one: one to four parts, each decimal, octal (0...) or hex (0x...), the last filling the remaining bytes. */
function isResolverAddress(text: string): boolean {
  const parts = text.split(".");
  if (parts.length > 4) return false;
  const values = parts.map((p) =>
    /^0x[0-9a-f]+$/i.test(p) ? parseInt(p, 16) : /^0[0-7]*$/.test(p) ? parseInt(p, 8) : /^[1-9]\d*$/.test(p) ? Number(p) : NaN,
  );
  if (values.some((v) => Number.isNaN(v))) return false;
  const last = values.pop()!;
  return values.every((v) => v <= 255) && last < 2 ** (8 * (4 - values.length));
}

/** Checkers by the enclosing block's keyword and the keyword ("a > name"), or by bare name. */
const CHECKERS: ReadonlyMap<string, Checker> = new Map<string, Checker>([
  ["lvs_timeouts", lvsTimeouts],
  ["status_code", statusCode],
  ["lb_kind", forwardingMethod],
  ["lvs_method", forwardingMethod],
  ["sorry_server_lvs_method", forwardingMethod],
  ["init_file", initFile],
  ["payload", hexString(false)],
  ["require_reply", hexString(true)],
  ["url > digest", digest],
  ["virtual_server > persistence_granularity", persistenceGranularity],
]);

/**
 * The same table split by keyword, then by parent ("" for a bare name), so the lookup made for
 * every statement of a file is a probe by the keyword alone, with no key string built.
 */
const BY_KEYWORD = new Map<string, Map<string, Checker>>();
for (const [key, checker] of CHECKERS) {
  const [parent, name] = key.includes(" > ") ? (key.split(" > ") as [string, string]) : ["", key];
  (BY_KEYWORD.get(name) ?? BY_KEYWORD.set(name, new Map()).get(name)!).set(parent, checker);
}

/** The checker for a keyword at a position, if its arguments need one. */
export function compoundChecker(parents: readonly string[], name: string): Checker | undefined {
  const byParent = BY_KEYWORD.get(name);
  if (byParent === undefined) return undefined;
  const parent = parents[parents.length - 1];
  return (parent !== undefined ? byParent.get(parent) : undefined) ?? byParent.get("");
}

/**
 * Include patterns match as glibc's glob(3) matches them for keepalived (GLOB_BRACE, FNM_PERIOD,
 * backslash escapes), in time linear in the name, within budgets, and a malformed pattern is a
 * problem to report, never an exception.
 */
import { describe, expect, test } from "vitest";
import { Budget, limitsOf, type FileStat, type GlobHost } from "../../grammar/index.js";
import { compileSegment, countAlternatives, expandBraces, glob, matches, parseBraces } from "../../grammar/glob.js";
import { memoryHost } from "../support/memory-host.js";

// [pattern, name, whether glibc's fnmatch(pattern, name, FNM_PERIOD) matches]: each answer was
// taken from glibc 2.36 (Debian 12) through ctypes, and is written here so the test needs no C.
const FNMATCH: readonly [string, string, boolean][] = [
  ["*.conf", "a.conf", true],
  ["*.conf", ".a.conf", false],
  [".*.conf", ".a.conf", true],
  ["?.conf", "a.conf", true],
  ["?.conf", "ab.conf", false],
  ["[a-c].conf", "b.conf", true],
  ["[a-c].conf", "d.conf", false],
  ["[!a-c].conf", "d.conf", true],
  ["[^a-c].conf", "d.conf", true],
  ["[^a-c].conf", "a.conf", false],
  ["[]a].conf", "].conf", true],
  ["[!]a].conf", "].conf", false],
  ["[a-].conf", "-.conf", true],
  ["[[:alpha:]]*", "x1", true],
  ["[[:alpha:]]*", "1x", false],
  ["[[:digit:]][[:digit:]]", "42", true],
  ["[[:upper:]]", "a", false],
  ["[[:upper:][:digit:]]", "7", true],
  ["[[:foo:]]", "a", false],
  ["[z-a]", "b", false],
  ["[z-a]", "z", false],
  ["a\\*b", "a*b", true],
  ["a\\*b", "axb", false],
  ["[\\]]", "]", true],
  ["[a\\-z]", "-", true],
  ["[a\\-z]", "b", false],
  ["*a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaab", true],
  ["*a*a*a*a*a*b", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", false],
  ["[.a.]", "a", true],
  ["[=a=]", "a", true],
  ["[[.-.]]", "-", true],
  ["a[", "a[", true],
  ["a[b", "a[b", true],
  ["*[", "x[", true],
  ["[*]", "*", true],
  ["[?]", "x", false],
  ["[!.]*", ".x", false],
  ["[.]*", ".x", false],
  ["\\.x", ".x", true],
  ["*", ".", false],
  ["?*", "ab", true],
  ["[[:space:]]", " ", true],
  ["[[:punct:]]", "!", true],
  ["[[:xdigit:]]", "G", false],
  ["[[:alnum:]_]*", "foo_1", true],
  ["[a-z]*[0-9]", "abc9", true],
  ["**.conf", "x.conf", true],
  ["[", "[", true],
  ["[]", "[]", true],
  ["[]]", "]", true],
  ["[!]", "!", false],
  ["[!]]", "a", true],
];

describe("one path component", () => {
  test.each(FNMATCH)("%s against %s: %s, as glibc", (pattern, name, expected) => {
    expect(matches(compileSegment(pattern), name)).toBe(expected);
  });

  test("a malformed bracket is a problem, not an exception", () => {
    expect(compileSegment("[z-a].conf")).toEqual({ kind: "error", message: expect.stringContaining("the range 'z-a' is empty") });
    expect(compileSegment("[[:foo:]]")).toEqual({ kind: "error", message: expect.stringContaining("[:foo:] is not a character class") });
    expect(compileSegment("[[=ab=]]")).toEqual({ kind: "error", message: expect.stringContaining("is not a single character") });
  });

  test("matching is linear: many stars against a long name that fails at the end", () => {
    const pattern = compileSegment(`${"*a".repeat(200)}b`);
    const name = "a".repeat(100_000);
    const started = performance.now();
    expect(matches(pattern, name)).toBe(false);
    // A backtracking matcher takes exponential time here; ours one pass per star at most.
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe("braces", () => {
  test("alternatives in glibc's order; {x} is x; an unmatched first { leaves every brace literal", () => {
    expect(expandBraces("{z,a}.conf")).toEqual(["z.conf", "a.conf"]);
    expect(expandBraces("a{b,c{d,e}}f")).toEqual(["abf", "acdf", "acef"]);
    expect(expandBraces("{x}.conf")).toEqual(["x.conf"]);
    expect(expandBraces("{a,b")).toEqual(["{a,b"]);
    expect(expandBraces("{a{b,c}")).toEqual(["{a{b,c}"]);
    expect(expandBraces("{a,b}{c")).toEqual(["a{c", "b{c"]);
    expect(expandBraces("\\{a,b}")).toEqual(["\\{a,b}"]);
  });

  test("they are counted before they are expanded", () => {
    const tree = parseBraces("{a,b}".repeat(64));
    const started = performance.now();
    expect(countAlternatives(tree, 1025)).toBe(1025);
    expect(expandBraces("{a,b}".repeat(64), 1024)).toBeUndefined();
    expect(performance.now() - started).toBeLessThan(100);
  });
});

describe("glob over a host", () => {
  const budget = (limits = {}) => new Budget(limitsOf(limits));
  const tree = memoryHost({
    "/k/conf.d/b.conf": "",
    "/k/conf.d/a.conf": "",
    "/k/conf.d/.hidden.conf": "",
    "/k/conf.d/notes.txt": "",
    "/k/a.b/x.conf": "",
    "/k/a/x.conf": "",
  });

  test("whole paths are sorted per alternative, in byte order", () => {
    expect(glob("*/x.conf", "/k", tree, budget()).files).toEqual(["/k/a.b/x.conf", "/k/a/x.conf"]);
    expect(glob("conf.d/{b,a}.conf", "/k", tree, budget()).files).toEqual(["/k/conf.d/b.conf", "/k/conf.d/a.conf"]);
    expect(glob("conf.d/*.conf", "/k", tree, budget()).files).toEqual(["/k/conf.d/a.conf", "/k/conf.d/b.conf"]);
    expect(glob("conf.d/../a/x.conf", "/k", tree, budget()).files).toEqual(["/k/a/x.conf"]);
  });

  test("a malformed range is reported and matches nothing", () => {
    expect(glob("conf.d/[z-a].conf", "/k", tree, budget())).toEqual({
      files: [],
      problems: [{ code: "invalid-value", message: expect.stringContaining("the range 'z-a' is empty") }],
    });
  });

  test("too many brace alternatives: refused before anything is expanded", () => {
    const r = glob(`/k/${"{a,b}".repeat(24)}`, "/", tree, budget());
    expect(r.files).toEqual([]);
    expect(r.problems).toEqual([{ code: "resource-limit", message: expect.stringContaining("more than 1,024 patterns") }]);
  });

  test("/ and the system directories are never listed", () => {
    const host: GlobHost = {
      readDirectory: () => {
        throw new Error("listed");
      },
      stat: () => undefined,
    };
    expect(glob("/*/*/*", "/", host, budget()).problems).toEqual([
      { code: "resource-limit", message: expect.stringContaining("searches the whole file system from /") },
    ]);
    expect(glob("/proc/*", "/", host, budget()).problems).toEqual([
      { code: "resource-limit", message: expect.stringContaining("/proc, a system directory") },
    ]);
  });

  test("directories listed, entries seen and matches are bounded", () => {
    // A tree 4 levels deep, 10 wide: 1,111 directories below /t.
    const wide: GlobHost = {
      readDirectory: (dir) =>
        dir.split("/").length > 5
          ? [{ name: "f.conf", kind: "file" }]
          : Array.from({ length: 10 }, (_, i) => ({ name: `d${i}`, kind: "dir" })),
      stat: (path) => ({ kind: path.endsWith(".conf") ? "file" : "dir", size: 0, realPath: path }),
    };
    const dirs = glob("/t/*/*/*/*/*.conf", "/", wide, budget({ globDirectories: 100 }));
    expect(dirs.problems).toEqual([{ code: "resource-limit", message: expect.stringContaining("listed 100 directories") }]);
    const entries = glob("/t/*/*/*", "/", wide, budget({ globEntries: 50 }));
    expect(entries.problems).toEqual([{ code: "resource-limit", message: expect.stringContaining("looked at 50 directory entries") }]);
    const many = glob("/t/*/*/*/*/*.conf", "/", wide, budget({ includeMatches: 25 }));
    expect(many.files).toHaveLength(25);
    expect(many.problems).toEqual([{ code: "resource-limit", message: expect.stringContaining("matches more than 25 files") }]);
  });

  test("a named path that is not a regular file says what it is", () => {
    const stats: Record<string, FileStat> = {
      "/dev/zero": { kind: "other", size: 0, realPath: "/dev/zero", system: true },
      "/run/fifo": { kind: "other", size: 0, realPath: "/run/fifo" },
      "/k/x.sh": { kind: "file", size: 0, realPath: "/k/x.sh", executable: true },
    };
    const host: GlobHost = { readDirectory: () => [], stat: (p) => stats[p] };
    expect(glob("/dev/zero", "/", host, budget()).problems[0]!.message).toContain("/dev/zero is a system pseudo-file");
    expect(glob("/run/fifo", "/", host, budget()).problems[0]!.message).toContain("/run/fifo is not a regular file");
    expect(glob("/k/x.sh", "/", host, budget()).problems[0]!.message).toContain("/k/x.sh is executable");
  });
});

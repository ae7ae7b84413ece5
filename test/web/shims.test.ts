/**
 * The browser build's stand-ins for node:path, node:url, node:net and the global Buffer (web/shims/)
 * answer as Node does for the inputs the analysis gives them: absolute POSIX paths, file URLs,
 * addresses, the UTF-8 length of text.
 */
import fc from "fast-check";
import { isIPv6 as nodeIsIPv6 } from "node:net";
import { posix } from "node:path";
import { fileURLToPath as nodeFileURLToPath, pathToFileURL as nodePathToFileURL } from "node:url";
import { expect, test } from "vitest";
import { Buffer as BrowserBuffer } from "../../web/shims/buffer-global.js";
import { isIPv6 } from "../../web/shims/net.js";
import * as path from "../../web/shims/path.js";
import { fileURLToPath, pathToFileURL } from "../../web/shims/url.js";

const segment = fc.constantFrom("a", "b", "..", ".", "", "x.conf", "conf.d", "sp ace", "%41", "#1", "q?");
const relativePath = fc.array(segment, { maxLength: 6 }).map((s) => s.join("/"));
const absolutePath = relativePath.map((p) => `/${p}`);

test("path: resolve, join, dirname, basename, normalize, relative and extname agree with node:path (posix)", () => {
  fc.assert(
    fc.property(absolutePath, relativePath, relativePath, (a, b, c) => {
      expect(path.resolve(a, b)).toBe(posix.resolve(a, b));
      expect(path.resolve(a, b, c)).toBe(posix.resolve(a, b, c));
      expect(path.join(a, b)).toBe(posix.join(a, b));
      expect(path.join(b, c)).toBe(posix.join(b, c));
      expect(path.normalize(a)).toBe(posix.normalize(a));
      expect(path.dirname(a)).toBe(posix.dirname(a));
      expect(path.dirname(b)).toBe(posix.dirname(b));
      expect(path.basename(a)).toBe(posix.basename(a));
      expect(path.extname(a)).toBe(posix.extname(a));
      expect(path.relative(a, path.resolve(a, b))).toBe(posix.relative(a, posix.resolve(a, b)));
      expect(path.isAbsolute(b)).toBe(posix.isAbsolute(b));
    }),
    { numRuns: 2000 },
  );
});

test("url: file URLs of paths and back, as Node writes them", () => {
  fc.assert(
    fc.property(absolutePath, (p) => {
      const normal = posix.resolve(p);
      expect(pathToFileURL(normal).href).toBe(nodePathToFileURL(normal).href);
      expect(fileURLToPath(nodePathToFileURL(normal).href)).toBe(nodeFileURLToPath(nodePathToFileURL(normal).href));
    }),
  );
});

test("net: isIPv6 as Node reads it, zones included", () => {
  const samples = [
    "::1",
    "2001:db8::1",
    "2001:DB8:0:0:0:0:0:1",
    "fe80::1%eth0",
    "::ffff:192.0.2.1",
    "1::2::3",
    "2001:db8::g",
    "192.0.2.1",
    "",
    ":",
    "fe80::1%",
    "1:2:3:4:5:6:7:8",
    "1:2:3:4:5:6:7:8:9",
  ];
  for (const s of samples) expect(isIPv6(s), s).toBe(nodeIsIPv6(s));
});

test("Buffer.byteLength: UTF-8 bytes as Node counts them, lone surrogates included (keepalived's limits are in bytes)", () => {
  for (const s of ["abc", "é", "€", "😀", "a\ud800b", "\udc00", "\ud800\ud800", ""])
    expect(BrowserBuffer.byteLength(s), JSON.stringify(s)).toBe(Buffer.byteLength(s));
  const halves = fc.constantFrom("\ud800", "\udbff", "\udc00", "\udfff");
  const text = fc.array(fc.oneof(fc.string({ unit: "binary", maxLength: 4 }), halves), { maxLength: 20 }).map((parts) => parts.join(""));
  fc.assert(
    fc.property(text, (s) => BrowserBuffer.byteLength(s) === Buffer.byteLength(s)),
    { numRuns: 2000 },
  );
});

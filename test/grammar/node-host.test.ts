/** Reading the disk (grammar/node-host.ts): regular files only, bounded, decided on the opened descriptor. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, symlinkSync, writeFileSync, chmodSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { nodeFileHost, pathKind, readRegularFile } from "../../grammar/node.js";

const dir = mkdtempSync(join(tmpdir(), "kalint-node-host-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("a FIFO, a device, /proc and a link to them are refused without reading (or waiting)", () => {
  execFileSync("mkfifo", [join(dir, "fifo")]);
  symlinkSync("/proc/self/environ", join(dir, "env-link"));
  symlinkSync("/dev/zero", join(dir, "zero-link"));
  const reasons = ["fifo", "env-link", "zero-link"]
    .map((f) => readRegularFile(join(dir, f), 1 << 20))
    .map((r) => ("refused" in r ? r.refused.reason : "read"));
  expect(reasons).toEqual(["special", "system", "system"]);
  expect(readRegularFile("/dev/zero", 1 << 20)).toMatchObject({
    refused: { reason: "system", message: expect.stringContaining("/dev/zero") },
  });
  expect(readRegularFile("/proc/self/status", 1 << 20)).toMatchObject({ refused: { reason: "system" } });
  expect(readRegularFile(dir, 1 << 20)).toMatchObject({ refused: { reason: "directory" } });
  expect(readRegularFile(join(dir, "none"), 1 << 20)).toMatchObject({ refused: { reason: "missing" } });
});

test("a file over the size is refused by its size, the message naming both", () => {
  writeFileSync(join(dir, "big"), Buffer.alloc(3000, 97));
  expect(readRegularFile(join(dir, "big"), 2048)).toEqual({
    refused: { reason: "too-large", message: `cannot read ${join(dir, "big")}: it is 3 KB; kalint reads files of up to 2 KB` },
  });
  const ok = readRegularFile(join(dir, "big"), 4096);
  expect("bytes" in ok && ok.bytes.length).toBe(3000);
});

test("kinds, and listings that never reach into the system directories", () => {
  mkdirSync(join(dir, "d"));
  writeFileSync(join(dir, "d", "x.conf"), "");
  writeFileSync(join(dir, "d", "run.sh"), "");
  chmodSync(join(dir, "d", "run.sh"), 0o755);
  expect(["d", "d/x.conf", "d/run.sh", "fifo", "zero-link", "none"].map((p) => pathKind(nodeFileHost.stat(join(dir, p))))).toEqual([
    "directory",
    "file",
    "executable",
    "special",
    "system",
    undefined,
  ]);
  expect(nodeFileHost.readDirectory("/proc")).toMatchObject({ system: true });
  expect(nodeFileHost.readDirectory("/proc/self")).toMatchObject({ system: true });
  const listed = nodeFileHost.readDirectory(join(dir, "d"));
  expect("error" in listed ? listed : [...listed].sort((a, b) => (a.name < b.name ? -1 : 1))).toEqual([
    { name: "run.sh", kind: "file" },
    { name: "x.conf", kind: "file" },
  ]);
});

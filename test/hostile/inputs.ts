/**
 * Hostile and broken inputs, one per class the resource model (grammar/limits.ts) must bound:
 * each writes its files into a fresh folder and says what kalint must answer. The CLI table
 * (cli.test.ts) and the language server table (lsp.test.ts) run the same classes. Big inputs are
 * made on the fly and removed with the folder.
 */
import { execFileSync } from "node:child_process";
import { closeSync, ftruncateSync, mkdirSync, openSync, writeFileSync, writeSync } from "node:fs";
import { join } from "node:path";

export interface HostileInput {
  readonly name: string;
  /** Writes the input below `dir`; returns the file to check, relative to `dir`. */
  make(dir: string): string;
  readonly cli: {
    readonly exit: 0 | 1 | 2;
    /** A code the JSON output must hold (exit 0/1), or a pattern stderr must match (exit 2). */
    readonly code?: string;
    readonly stderr?: RegExp;
    readonly env?: Readonly<Record<string, string>>;
  };
  /**
   * The code the language server must publish for the document (undefined: not a document;
   * "*": any publication, when the finding lies in another file than the document).
   */
  readonly lsp?: string;
  /**
   * For inputs over the per-file limit: the document is `unit` repeated `count` times. The
   * language server gets it as a message written in pieces (never built whole); the CLI gets a
   * sparse file of that size, which it refuses by its size before reading a byte of it.
   */
  readonly huge?: { readonly unit: string; readonly count: number };
  /** Text no output may contain (secrets the input tries to copy out). */
  readonly secret?: string;
}

/** Writes `count` copies of `unit` without building the whole text in memory. */
function writeRepeated(path: string, unit: string, count: number, head = "", tail = ""): void {
  const fd = openSync(path, "w");
  try {
    writeSync(fd, head);
    const block = unit.repeat(Math.max(1, Math.floor((1 << 20) / unit.length)));
    const perBlock = block.length / unit.length;
    let left = count;
    for (; left >= perBlock; left -= perBlock) writeSync(fd, block);
    writeSync(fd, unit.repeat(left));
    writeSync(fd, tail);
  } finally {
    closeSync(fd);
  }
}

/** A file of `size` bytes that takes no disk space (see `huge`). */
function sparse(dir: string, size: number): string {
  const fd = openSync(join(dir, "k.conf"), "w");
  try {
    ftruncateSync(fd, size);
  } finally {
    closeSync(fd);
  }
  return "k.conf";
}

const file = (dir: string, name: string, text: string | Buffer): string => {
  mkdirSync(join(dir, name, ".."), { recursive: true });
  writeFileSync(join(dir, name), text);
  return name;
};

export const SECRET = "hunter2-ghp_4f9Qx7TkLm2Zp8Rv";
const PEM = `-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj\nMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT8jNbvJZHtCSuYEvu\n-----END PRIVATE KEY-----\n`;
const SHADOW =
  "root:$6$Zq8v1c2b$7yq0Kx3mB1nQwErTyUiOpAsDfGhJkLzXcVbNm1234567890abcdefghijk:19700:0:99999:7:::\ndaemon:*:19700:0:99999:7:::\n";

export const INPUTS: readonly HostileInput[] = [
  {
    name: "include glob of 40 stars against 200-character names",
    make: (dir) => {
      for (let i = 0; i < 20; i++) file(dir, `g/${"a".repeat(200)}${i}`, "");
      return file(dir, "k.conf", `include g/${"*a".repeat(40)}b\n`);
    },
    cli: { exit: 0, code: "include-not-found" },
    lsp: "include-not-found",
  },
  {
    name: "include pattern of 24 {a,b} groups",
    make: (dir) => file(dir, "k.conf", `include ${"{a,b}".repeat(24)}.conf\n`),
    cli: { exit: 1, code: "resource-limit" },
    lsp: "resource-limit",
  },
  {
    name: "include /*/*/*/*/*/*",
    make: (dir) => file(dir, "k.conf", "include /*/*/*/*/*/*\n"),
    cli: { exit: 1, code: "resource-limit" },
    lsp: "resource-limit",
  },
  {
    name: "include /proc/*",
    make: (dir) => file(dir, "k.conf", "include /proc/*\n"),
    cli: { exit: 1, code: "resource-limit" },
    lsp: "resource-limit",
  },
  {
    name: "include /proc/self/environ, /dev/zero and a FIFO",
    make: (dir) => {
      execFileSync("mkfifo", [join(dir, "fifo.conf")]);
      return file(dir, "k.conf", "include /proc/self/environ\ninclude /dev/zero\ninclude fifo.conf\n");
    },
    cli: { exit: 0, code: "include-not-found" },
    lsp: "include-not-found",
  },
  {
    name: "$NAME definitions that double at each of 40 levels",
    make: (dir) =>
      file(
        dir,
        "k.conf",
        ["$A0=xx", ...Array.from({ length: 39 }, (_, i) => `$A${i + 1}=$A${i} $A${i}`), "global_defs {", "    router_id $A39", "}"].join(
          "\n",
        ) + "\n",
      ),
    cli: { exit: 1, code: "line-too-long" },
    lsp: "line-too-long",
  },
  {
    name: "multi-line $NAME definitions that double at each of 30 levels",
    make: (dir) =>
      file(dir, "k.conf", ["$A0=x", ...Array.from({ length: 30 }, (_, i) => `$A${i + 1}=$A${i} \\\n$A${i}`), "$A30"].join("\n") + "\n"),
    cli: { exit: 1, code: "resource-limit" },
    lsp: "resource-limit",
  },
  {
    name: "~SEQ headers nested three deep, 1,000 each",
    make: (dir) => file(dir, "k.conf", "~SEQ(i,1,1000) ~SEQ(j,1,1000) ~SEQ(k,1,1000) router_id r$i\n"),
    cli: { exit: 1, code: "resource-limit" },
    lsp: "resource-limit",
  },
  {
    name: "the device /dev/zero named as the file",
    make: () => "/dev/zero",
    cli: { exit: 2, stderr: /^kalint: cannot read \/dev\/zero: a system pseudo-file/ },
  },
  {
    name: "a FIFO named as the file",
    make: (dir) => {
      execFileSync("mkfifo", [join(dir, "fifo.conf")]);
      return "fifo.conf";
    },
    cli: { exit: 2, stderr: /^kalint: cannot read fifo\.conf: not a regular file/ },
  },
  {
    name: "a .kalintrc.json whose peers are /dev/zero and a FIFO",
    make: (dir) => {
      execFileSync("mkfifo", [join(dir, "fifo.conf")]);
      file(dir, ".kalintrc.json", JSON.stringify({ peers: [["k.conf", "/dev/zero", "fifo.conf"]] }));
      return file(
        dir,
        "k.conf",
        "vrrp_instance VI_1 {\n    state MASTER\n    interface eth0\n    virtual_router_id 51\n    virtual_ipaddress {\n        192.0.2.1/24\n    }\n}\n",
      );
    },
    cli: { exit: 0, code: "implicit-owner-priority" },
    lsp: "implicit-owner-priority",
  },
  {
    name: "a .kalintrc.json that is a FIFO",
    make: (dir) => {
      execFileSync("mkfifo", [join(dir, ".kalintrc.json")]);
      return file(dir, "k.conf", "global_defs {\n}\n");
    },
    cli: { exit: 2, stderr: /^kalint: cannot read config file .*\.kalintrc\.json: not a regular file/ },
    lsp: "*",
  },
  {
    name: "5,000,000 lines",
    make: (dir) => {
      writeRepeated(join(dir, "k.conf"), "a 1\n", 5_000_000);
      return "k.conf";
    },
    cli: { exit: 1, code: "resource-limit" },
    lsp: "resource-limit",
  },
  {
    name: "2,000,000 findings (stray braces, five to a line)",
    make: (dir) => {
      writeRepeated(join(dir, "k.conf"), "} } } } }\n", 400_000, "global_defs {\n}\n");
      return "k.conf";
    },
    cli: { exit: 1, code: "syntax-error" },
    lsp: "syntax-error",
  },
  {
    name: "a 100 MB single line",
    make: (dir) => sparse(dir, 100 * 1024 * 1024),
    huge: { unit: "a", count: 100 * 1024 * 1024 },
    cli: { exit: 2, stderr: /^kalint: cannot read k\.conf: it is 100 MB; kalint reads files of up to 64 MB/ },
    lsp: "resource-limit",
  },
  {
    name: "a 9 MB single word",
    make: (dir) => {
      writeRepeated(join(dir, "k.conf"), "x", 9_000_000, "global_defs {\n    router_id ", "\n}\n");
      return "k.conf";
    },
    cli: { exit: 1, code: "line-too-long" },
    lsp: "line-too-long",
  },
  {
    name: "120 MB of newlines",
    make: (dir) => sparse(dir, 120 * 1024 * 1024),
    huge: { unit: "\n", count: 120 * 1024 * 1024 },
    cli: { exit: 2, stderr: /^kalint: cannot read k\.conf: it is 120 MB/ },
    lsp: "resource-limit",
  },
  {
    name: "NUL bytes",
    make: (dir) => file(dir, "k.conf", "global_defs {\n    router_id a\0b\n}\n\0\0\0\n"),
    cli: { exit: 1, code: "syntax-error" },
    lsp: "syntax-error",
  },
  {
    name: "invalid UTF-8",
    make: (dir) =>
      file(
        dir,
        "k.conf",
        Buffer.concat([
          Buffer.from("global_defs {\n    router_id lb"),
          Buffer.from([0xff, 0xfe, 0xc3]),
          Buffer.from("\n    bogus_keyword 1\n}\n"),
        ]),
      ),
    cli: { exit: 1, code: "unknown-keyword" },
    lsp: "unknown-keyword",
  },
  {
    name: "an include chain 40 files deep",
    make: (dir) => {
      for (let i = 1; i < 40; i++) file(dir, `c${i}.conf`, `include c${i + 1}.conf\n`);
      file(dir, "c40.conf", "global_defs {\n}\n");
      return file(dir, "k.conf", "include c1.conf\n");
    },
    cli: { exit: 1, code: "include-cycle" },
    // The finding is in c32.conf, where the include too deep is: shown when that file is open.
    lsp: "*",
  },
  {
    name: "an include glob that matches its own file",
    make: (dir) => file(dir, "k.conf", "include *.conf\nglobal_defs {\n}\n"),
    cli: { exit: 1, code: "include-cycle" },
    lsp: "include-cycle",
  },
  {
    name: "an include glob matching 20,000 files",
    make: (dir) => {
      mkdirSync(join(dir, "d"));
      for (let i = 0; i < 20_000; i++) writeFileSync(join(dir, "d", `f${i}.conf`), `# ${i}\n`);
      return file(dir, "k.conf", "include d/*.conf\n");
    },
    cli: { exit: 1, code: "resource-limit" },
    lsp: "resource-limit",
  },
  {
    name: "a malformed glob range [z-a]",
    make: (dir) => file(dir, "k.conf", "include conf.d/[z-a].conf\n"),
    cli: { exit: 1, code: "invalid-value" },
    lsp: "invalid-value",
  },
  {
    name: "${_ENV} copying a secret into a message",
    make: (dir) =>
      file(
        dir,
        "k.conf",
        "vrrp_instance VI_1 {\n    state BACKUP\n    interface eth0\n    virtual_router_id 51\n    priority 100\n    authentication {\n        auth_type PASS\n        auth_pass ${_ENV KALINT_TEST_SECRET}\n    }\n    virtual_ipaddress {\n        192.0.2.1/24\n    }\n    ${_ENV KALINT_TEST_SECRET} 1\n}\n",
      ),
    cli: { exit: 1, code: "auth-pass-truncated", env: { KALINT_TEST_SECRET: SECRET } },
    secret: SECRET,
  },
  {
    name: "including a shadow file and a private key",
    make: (dir) => {
      file(dir, "secret/shadow", SHADOW);
      file(dir, "secret/key.pem", PEM);
      return file(dir, "k.conf", "include secret/shadow\ninclude secret/key.pem\nglobal_defs {\n}\n");
    },
    cli: { exit: 1, code: "not-keepalived-config" },
    lsp: "not-keepalived-config",
    secret: "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7VJTUt9Us8cKj",
  },
  {
    name: "terminal escapes and bidirectional overrides in a keyword",
    make: (dir) => file(dir, "k.conf", "global_defs {\n    \u001b[31mrouter_id\u001b[0m\u202e x\n}\n"),
    cli: { exit: 1, code: "unknown-keyword" },
    lsp: "unknown-keyword",
    secret: "\u001b[31m",
  },
];

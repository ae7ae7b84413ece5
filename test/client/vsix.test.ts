// The .vsix built by scripts/package-vsix.mjs: a small, self-contained extension whose manifest
// declares the language, grammar, settings and command, and whose files are the current bundles.
import { readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { buildVsix, removeVsix } from "./build-vsix.js";
import { readZip, type ZipEntry } from "./zip.js";

let vsix: string;
let entries: ZipEntry[];
const entry = (name: string) => {
  const e = entries.find((x) => x.name === name);
  if (!e) throw new Error(`${name} is not in the vsix (it has: ${entries.map((x) => x.name).join(", ")})`);
  return e;
};

beforeAll(() => {
  vsix = buildVsix();
  entries = readZip(vsix);
});
afterAll(() => {
  if (vsix) removeVsix(vsix);
});

describe("contents", () => {
  test("holds the bundled extension, server, CLI, grammar and language configuration", () => {
    const names = entries.map((e) => e.name);
    for (const name of [
      "extension.vsixmanifest",
      "extension/package.json",
      "extension/dist/extension.js",
      "extension/dist/server.js",
      "extension/dist/browser.js",
      "extension/dist/browser-server.js",
      "extension/dist/kalint.js",
      "extension/syntaxes/keepalived.tmLanguage.json",
      "extension/syntaxes/keepalived-jinja.tmLanguage.json",
      "extension/syntaxes/keepalived-go.tmLanguage.json",
      "extension/syntaxes/keepalived-erb.tmLanguage.json",
      "extension/language-configuration.json",
    ])
      expect(names).toContain(name);
  });

  test("has no node_modules tree and stays under 2 MB", () => {
    expect(entries.filter((e) => e.name.includes("node_modules/"))).toEqual([]);
    expect(statSync(vsix).size).toBeLessThan(2 * 1024 * 1024);
  });

  test("the server, CLI and grammar are the current ones, byte for byte", () => {
    expect(entry("extension/dist/server.js").read().equals(readFileSync("dist/server.js"))).toBe(true);
    expect(entry("extension/dist/kalint.js").read().equals(readFileSync("dist/kalint.js"))).toBe(true);
    for (const g of ["keepalived", "keepalived-jinja", "keepalived-go", "keepalived-erb"]) {
      expect(entry(`extension/syntaxes/${g}.tmLanguage.json`).read().toString()).toBe(
        readFileSync(`syntaxes/${g}.tmLanguage.json`, "utf8"),
      );
    }
    expect(entry("extension/dist/browser-server.js").read().equals(readFileSync("dist/web/kalint-worker.js"))).toBe(true);
  });

  test("the client bundle needs nothing but vscode and Node built-ins at run time", () => {
    const code = entry("extension/dist/extension.js").read().toString();
    const required = new Set([...code.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!));
    expect(required).toContain("vscode");
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    expect([...required].filter((m) => m !== "vscode" && !builtins.has(m))).toEqual([]);
  });

  test("the browser entry (VS Code for the Web) needs nothing but vscode, and its server no module at all", () => {
    const client = entry("extension/dist/browser.js").read().toString();
    expect(new Set([...client.matchAll(/require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!))).toEqual(new Set(["vscode"]));
    // (lodash looks for Node's util through `module.require` when a `module` exists; a worker has none)
    const server = entry("extension/dist/browser-server.js").read().toString();
    expect([...server.matchAll(/(?<![.\w$])require\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1])).toEqual([]);
  });
});

describe("manifest", () => {
  interface Manifest {
    name: string;
    publisher: string;
    version: string;
    main: string;
    browser: string;
    engines: { vscode: string };
    activationEvents: string[];
    contributes: {
      languages: { id: string; filenames?: string[]; filenamePatterns?: string[]; firstLine?: string; configuration: string }[];
      grammars: { language: string; scopeName: string; path: string }[];
      commands: { command: string; title: string; category?: string }[];
      configuration: { properties: Record<string, { type: string; enum?: string[] }> };
    };
    dependencies?: unknown;
  }
  const manifest = () => JSON.parse(entry("extension/package.json").read().toString()) as Manifest;
  const inVsix = (path: string) => `extension/${path.replace(/^\.\//, "")}`;

  test("identity, engine and entry point", () => {
    const m = manifest();
    expect(m.name).toBe("kalint-vscode");
    expect(m.publisher).toBeTruthy();
    expect(m.version).toBe(JSON.parse(readFileSync("package.json", "utf8")).version);
    expect(m.engines.vscode).toBe("^1.91.0");
    expect(entry(inVsix(m.main)).size).toBeGreaterThan(0);
    expect(entry(inVsix(m.browser)).size).toBeGreaterThan(0);
    expect(m.activationEvents).toContain("onLanguage:keepalived");
    expect(m.dependencies).toBeUndefined();
  });

  test("the keepalived language, its files, grammar and configuration", () => {
    const { languages, grammars } = manifest().contributes;
    const lang = languages.find((l) => l.id === "keepalived")!;
    expect(lang.filenames).toContain("keepalived.conf");
    expect(lang.filenamePatterns).toEqual(expect.arrayContaining(["*.keepalived.conf", "**/keepalived/**/*.conf"]));
    expect(new RegExp(lang.firstLine!).test("! Configuration File for keepalived")).toBe(true);
    expect(entry(inVsix(lang.configuration)).size).toBeGreaterThan(0);
    const grammar = grammars.find((g) => g.language === "keepalived")!;
    expect(grammar.scopeName).toBe("source.keepalived");
    expect(JSON.parse(entry(inVsix(grammar.path)).read().toString()).scopeName).toBe("source.keepalived");
  });

  test("settings and the compare command", () => {
    const { configuration, commands } = manifest().contributes;
    expect(Object.keys(configuration.properties).sort()).toEqual([
      "kalint.peers",
      "kalint.rules",
      "kalint.targetVersion",
      "kalint.trace.server",
    ]);
    expect(configuration.properties["kalint.trace.server"]!.enum).toEqual(["off", "messages", "verbose"]);
    expect(commands.map((c) => c.command)).toContain("kalint.compareWithPeer");
    expect(commands.find((c) => c.command === "kalint.compareWithPeer")!.title).toBe("Compare with peer");
  });
});

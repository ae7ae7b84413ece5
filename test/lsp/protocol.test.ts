/**
 * The built server over stdio, feature by feature, as an editor drives it: open, edit
 * incrementally, ask, and watch what it publishes. Fixtures are written to a fresh folder.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { CancellationTokenSource } from "vscode-languageserver-protocol/node";
import { serverBuilt, TestClient, type Published } from "./client.js";

const MASTER = `global_defs {
    router_id LB1
    enable_script_security
}

vrrp_script chk_web {
    script "/usr/bin/pgrep nginx"
    interval 2
}

vrrp_instance VI_1 {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 150
    advert_int 1
    track_script {
        chk_web
    }
    virtual_ipaddress {
        10.1.0.100/24
    }
}
`;
const BACKUP = MASTER.replace("LB1", "LB2")
  .replace("state MASTER", "state BACKUP")
  .replace("priority 150", "priority 100")
  .replace("virtual_router_id 51", "virtual_router_id 52");

let dir: string;
let client: TestClient;
let master: string;
let backup: string;
/** kalint's JSON report (it exits 1 when it finds something, which is not a failure here). */
function kalintJson(args: string[]): { diagnostics: { code: string; file: string; line: number }[] } {
  let out: string;
  try {
    out = execFileSync(process.execPath, ["dist/kalint.js", ...args], { encoding: "utf8" });
  } catch (e) {
    out = String((e as { stdout?: string }).stdout ?? "");
  }
  return JSON.parse(out) as { diagnostics: { code: string; file: string; line: number }[] };
}

const codes = (p: Published) => p.diagnostics.map((d) => String(d.code));
const textDocument = () => ({ uri: master });

beforeAll(async () => {
  if (!serverBuilt()) throw new Error("dist/server.js is missing: run `npm run build` first");
  dir = mkdtempSync(join(tmpdir(), "kalint-lsp-"));
  writeFileSync(join(dir, "master.conf"), MASTER);
  writeFileSync(join(dir, "backup.conf"), BACKUP);
  writeFileSync(join(dir, "scripts.conf"), 'vrrp_script chk_db {\n    script "/usr/bin/pgrep mysqld"\n}\n');
  client = new TestClient();
  const caps = await client.initialize(dir, { textDocument: { completion: { completionItem: { snippetSupport: true } } } });
  expect(Object.keys(caps)).toEqual(
    expect.arrayContaining([
      "hoverProvider",
      "completionProvider",
      "definitionProvider",
      "referencesProvider",
      "renameProvider",
      "documentSymbolProvider",
      "foldingRangeProvider",
      "documentFormattingProvider",
      "semanticTokensProvider",
      "codeActionProvider",
      "documentLinkProvider",
    ]),
  );
  master = client.open(join(dir, "master.conf"), MASTER);
});

afterAll(async () => {
  await client?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("diagnostics", () => {
  test("the same findings as kalint diff on the pair, the peer read from disk until it is opened", async () => {
    const published = await client.diagnostics(master, (p) => p.version === 1);
    const cli = kalintJson(["diff", join(dir, "master.conf"), join(dir, "backup.conf"), "--format", "json"]);
    const of = (file: string) =>
      cli.diagnostics
        .filter((d) => d.file.endsWith(file))
        .map((d) => `${d.code}@${d.line}`)
        .sort();
    expect(published.diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`).sort()).toEqual(of("master.conf"));
    backup = client.open(join(dir, "backup.conf"), BACKUP);
    const peer = await client.diagnostics(backup);
    expect(peer.diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}`).sort()).toEqual(of("backup.conf"));
    expect(codes(peer)).toContain("vrid-mismatch");
  });

  test("an incremental edit is analysed at its version", async () => {
    client.change(master, 2, [{ range: { start: { line: 14, character: 13 }, end: { line: 14, character: 16 } }, text: "300" }]);
    const p = await client.diagnostics(master, (x) => x.version === 2);
    expect(codes(p)).toContain("out-of-range");
    client.change(master, 3, [{ range: { start: { line: 14, character: 13 }, end: { line: 14, character: 16 } }, text: "150" }]);
    expect(codes(await client.diagnostics(master, (x) => x.version === 3))).not.toContain("out-of-range");
  });

  test("the first edit after opening is analysed at once, not after the quiet time for bursts of typing", async () => {
    // Opening is not typing: an edit right after the opening's diagnostics (75 ms quiet time in
    // the server) must not wait for a pause. Median of five, so one slow turn does not decide;
    // each after a pause longer than the quiet time, so only the opening precedes its edit.
    const took: number[] = [];
    for (let i = 0; i < 5; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const uri = client.open(join(dir, `first-edit-${i}.conf`), "vrrp_instance VI_1 {\n    priority 100\n}\n");
      await client.diagnostics(uri, (x) => x.version === 1);
      const start = performance.now();
      client.change(uri, 2, [{ range: { start: { line: 1, character: 13 }, end: { line: 1, character: 16 } }, text: "300" }]);
      const p = await client.diagnostics(uri, (x) => x.version === 2);
      expect(codes(p)).toContain("out-of-range");
      took.push(p.at - start);
    }
    expect(took.sort((a, b) => a - b)[2]).toBeLessThan(60);
  });

  test("editing one node refreshes the cluster findings of its peer", async () => {
    const before = client.published.get(backup)!.length;
    client.change(master, 4, [{ range: { start: { line: 13, character: 22 }, end: { line: 13, character: 24 } }, text: "52" }]);
    // Publishes already on their way may still show it; the refresh must come.
    await client.diagnostics(backup, (p) => client.published.get(backup)!.indexOf(p) >= before && !codes(p).includes("vrid-mismatch"));
  });

  test("a change to an include, unsaved in the editor, re-analyses the file that includes it", async () => {
    const mainPath = join(dir, "uses-include.conf");
    const text =
      "include scripts.conf\nvrrp_instance VI_9 {\n    interface eth0\n    virtual_router_id 9\n    track_script {\n        chk_app\n    }\n}\n";
    writeFileSync(mainPath, text);
    const uri = client.open(mainPath, text);
    expect(codes(await client.diagnostics(uri))).toContain("undefined-reference");
    const inc = client.open(join(dir, "scripts.conf"), 'vrrp_script chk_db {\n    script "/usr/bin/pgrep mysqld"\n}\n');
    const seen = client.published.get(uri)!.length;
    client.change(inc, 2, [{ range: { start: { line: 0, character: 12 }, end: { line: 0, character: 18 } }, text: "chk_app" }]);
    await client.diagnostics(uri, (p) => client.published.get(uri)!.indexOf(p) >= seen && !codes(p).includes("undefined-reference"));
  });

  test("editor settings change rule severities", async () => {
    client.change(master, 5, [{ range: { start: { line: 14, character: 13 }, end: { line: 14, character: 16 } }, text: "300" }]);
    await client.diagnostics(master, (x) => x.version === 5 && codes(x).includes("out-of-range"));
    client.settings = { rules: { "out-of-range": "off" } };
    const seen = client.published.get(master)!.length;
    void client.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
    await client.diagnostics(master, (p) => client.published.get(master)!.indexOf(p) >= seen && !codes(p).includes("out-of-range"));
    client.settings = {};
    void client.connection.sendNotification("workspace/didChangeConfiguration", { settings: null });
    client.change(master, 6, [{ range: { start: { line: 14, character: 13 }, end: { line: 14, character: 16 } }, text: "150" }]);
    await client.diagnostics(master, (x) => x.version === 6);
  });
});

describe("requests", () => {
  test("hover", async () => {
    const h = await client.request<{ contents: { value: string } }>("textDocument/hover", {
      textDocument: textDocument(),
      position: { line: 14, character: 6 },
    });
    expect(h.contents.value).toContain("**priority**");
    const ref = await client.request<{ contents: { value: string } }>("textDocument/hover", {
      textDocument: textDocument(),
      position: { line: 17, character: 10 },
    });
    expect(ref.contents.value).toContain("vrrp_script chk_web");
  });

  test("completion", async () => {
    const list = await client.request<{ items: { label: string }[] }>("textDocument/completion", {
      textDocument: textDocument(),
      position: { line: 11, character: 10 },
    });
    expect(list.items.map((i) => i.label)).toEqual(["MASTER", "BACKUP"]);
  });

  test("definition and references", async () => {
    const defs = await client.request<{ uri: string; range: { start: { line: number } } }[]>("textDocument/definition", {
      textDocument: textDocument(),
      position: { line: 17, character: 10 },
    });
    expect(defs.map((d) => d.range.start.line)).toEqual([5]);
    const refs = await client.request<unknown[]>("textDocument/references", {
      textDocument: textDocument(),
      position: { line: 5, character: 14 },
      context: { includeDeclaration: true },
    });
    expect(refs).toHaveLength(2);
  });

  test("prepareRename and rename", async () => {
    const prep = await client.request<{ placeholder: string }>("textDocument/prepareRename", {
      textDocument: textDocument(),
      position: { line: 5, character: 14 },
    });
    expect(prep.placeholder).toBe("chk_web");
    const edit = await client.request<{ changes: Record<string, { newText: string }[]> }>("textDocument/rename", {
      textDocument: textDocument(),
      position: { line: 5, character: 14 },
      newName: "chk_nginx",
    });
    expect(edit.changes[master]!.map((e) => e.newText)).toEqual(["chk_nginx", "chk_nginx"]);
    await expect(
      client.request("textDocument/rename", { textDocument: textDocument(), position: { line: 5, character: 14 }, newName: "a b" }),
    ).rejects.toMatchObject({ code: -32803 });
  });

  test("document symbols and folding ranges", async () => {
    const symbols = await client.request<{ name: string }[]>("textDocument/documentSymbol", { textDocument: textDocument() });
    expect(symbols.map((s) => s.name)).toEqual(["global_defs", "vrrp_script chk_web", "vrrp_instance VI_1"]);
    const folds = await client.request<{ startLine: number }[]>("textDocument/foldingRange", { textDocument: textDocument() });
    expect(folds.map((f) => f.startLine)).toEqual([0, 5, 10, 16, 19]);
  });

  test("formatting", async () => {
    const uri = client.open(join(dir, "messy.conf"), "vrrp_instance A {\n  state MASTER\n}\n");
    const edits = await client.request<{ newText: string }[]>("textDocument/formatting", {
      textDocument: { uri },
      options: { tabSize: 4, insertSpaces: true },
    });
    expect(edits.map((e) => e.newText)).toEqual(["  "]);
  });

  test("semantic tokens", async () => {
    const tokens = await client.request<{ data: number[] }>("textDocument/semanticTokens/full", { textDocument: textDocument() });
    expect(tokens.data.length % 5).toBe(0);
    expect(tokens.data.slice(0, 5)).toEqual([0, 0, "global_defs".length, 0, 0]);
  });

  test("code actions", async () => {
    const text =
      "virtual_server 10.0.0.1 80 {\n    real_server 10.0.0.2 80 {\n        HTTP_GET {\n            nb_get_retry 3\n        }\n    }\n}\n";
    const uri = client.open(join(dir, "old.conf"), text);
    await client.diagnostics(uri);
    const actions = await client.request<{ title: string; edit: { changes: Record<string, { newText: string }[]> } }[]>(
      "textDocument/codeAction",
      {
        textDocument: { uri },
        range: { start: { line: 3, character: 14 }, end: { line: 3, character: 14 } },
        context: { diagnostics: [] },
      },
    );
    expect(actions.map((a) => a.title)).toEqual(
      expect.arrayContaining(["Rename to retry", "Disable deprecated-keyword for this line", "Disable deprecated-keyword for this file"]),
    );
    expect(actions.find((a) => a.title === "Rename to retry")!.edit.changes[uri]![0]!.newText).toBe("retry");
  });

  test("document links", async () => {
    const uri = client.open(join(dir, "links.conf"), "include scripts.conf\n");
    const links = await client.request<{ target: string }[]>("textDocument/documentLink", { textDocument: { uri } });
    expect(links.map((l) => l.target)).toEqual([pathToFileURL(join(dir, "scripts.conf")).href]);
  });

  test("a request cancelled while the server is busy is answered RequestCancelled", async () => {
    // Opening a large file keeps the server analysing for a while; the request and its cancel
    // arrive meanwhile, so the cancel is seen before the request runs.
    const big = Array.from(
      { length: 20000 },
      (_, i) => `virtual_server 10.2.${i >> 8}.${i & 255} 80 {\n    real_server 10.3.0.1 80 {\n    }\n}`,
    ).join("\n");
    const uri = client.open(join(dir, "big.conf"), big);
    await new Promise((r) => setTimeout(r, 50));
    const source = new CancellationTokenSource();
    const pending = client.connection.sendRequest("textDocument/semanticTokens/full", { textDocument: { uri } }, source.token);
    source.cancel();
    await expect(pending).rejects.toMatchObject({ code: -32800 });
    // and the server still answers afterwards
    const after = await client.request<{ data: number[] }>("textDocument/semanticTokens/full", { textDocument: { uri } });
    expect(after.data.length).toBeGreaterThan(0);
  });
});

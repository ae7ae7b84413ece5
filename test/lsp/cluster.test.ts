/**
 * Cluster findings through the built server, on a pair kept in a sub-folder of the workspace:
 * they land on the node `kalint diff` puts them on, whichever file is open; messages name the
 * peer relative to the workspace folder, exactly as `kalint diff` run from that folder does,
 * while related information keeps the peer's URI; and edits to either node refresh both.
 */
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { serverBuilt, TestClient, type Published } from "./client.js";

const MASTER = `vrrp_instance WEB {
    state MASTER
    interface eth0
    virtual_router_id 51
    priority 150
    virtual_ipaddress {
        10.20.0.100/24
    }
}

virtual_server 10.20.0.100 80 {
    lvs_sched wrr
    lvs_method DR
    protocol TCP
    real_server 10.20.0.11 80 {
        weight 1
    }
    real_server 10.20.0.12 80 {
        weight 1
    }
}
`;
// The backup lost one real server and its VRID.
const BACKUP = MASTER.replace("state MASTER", "state BACKUP")
  .replace("priority 150", "priority 100")
  .replace("virtual_router_id 51", "virtual_router_id 52")
  .replace("    real_server 10.20.0.12 80 {\n        weight 1\n    }\n", "");

interface CliDiagnostic {
  readonly file: string;
  readonly line: number;
  readonly code: string;
  readonly message: string;
}

let dir: string;
let client: TestClient;
let masterUri: string;
let backupUri: string;

/** `kalint diff lb/master.conf lb/backup.conf` from the workspace folder (exit 1 means findings). */
function kalintDiff(): CliDiagnostic[] {
  let out: string;
  try {
    out = execFileSync(process.execPath, [resolve("dist/kalint.js"), "diff", "lb/master.conf", "lb/backup.conf", "--format", "json"], {
      cwd: dir,
      encoding: "utf8",
    });
  } catch (e) {
    out = String((e as { stdout?: string }).stdout ?? "");
  }
  return (JSON.parse(out) as { diagnostics: CliDiagnostic[] }).diagnostics;
}

const rows = (p: Published) => p.diagnostics.map((d) => `${d.code}@${d.range.start.line + 1}: ${d.message}`).sort();
const cliRows = (file: string) =>
  kalintDiff()
    .filter((d) => d.file === file)
    .map((d) => `${d.code}@${d.line}: ${d.message}`)
    .sort();
const codes = (p: Published) => p.diagnostics.map((d) => String(d.code));

beforeAll(async () => {
  if (!serverBuilt()) throw new Error("dist/server.js is missing: run `npm run build` first");
  dir = mkdtempSync(join(tmpdir(), "kalint-lsp-cluster-"));
  mkdirSync(join(dir, "lb"));
  writeFileSync(join(dir, "lb/master.conf"), MASTER);
  writeFileSync(join(dir, "lb/backup.conf"), BACKUP);
  client = new TestClient();
  await client.initialize(dir);
});

afterAll(async () => {
  await client?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("cluster diagnostics", () => {
  test("with only backup.conf open, it shows kalint diff's findings for it, messages naming the peer relative to the folder", async () => {
    backupUri = client.open(join(dir, "lb/backup.conf"), BACKUP);
    const p = await client.diagnostics(backupUri, (x) => x.version === 1);
    expect(codes(p)).toEqual(expect.arrayContaining(["vrid-mismatch", "virtual-server-mismatch"]));
    expect(rows(p)).toEqual(cliRows("lb/backup.conf"));
    const vs = p.diagnostics.find((d) => d.code === "virtual-server-mismatch")!;
    expect(vs.message).toContain("(lb/master.conf:11)");
    for (const d of p.diagnostics) expect(d.message).not.toContain(dir);
    // Related places stay URIs the editor can open.
    expect(vs.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line])).toEqual([
      [pathToFileURL(join(dir, "lb/master.conf")).href, 10],
    ]);
  });

  test("opening master.conf too: the virtual_server finding stays on the backup, the master shows what kalint diff shows for it", async () => {
    const seen = client.published.get(backupUri)!.length;
    masterUri = client.open(join(dir, "lb/master.conf"), MASTER);
    const m = await client.diagnostics(masterUri, (x) => x.version === 1);
    expect(codes(m)).not.toContain("virtual-server-mismatch");
    expect(rows(m)).toEqual(cliRows("lb/master.conf"));
    // The backup is published again (its peer is now a buffer) with the same findings.
    const b = await client.diagnostics(backupUri, (x) => client.published.get(backupUri)!.indexOf(x) >= seen);
    expect(rows(b)).toEqual(cliRows("lb/backup.conf"));
  });

  test("edits to either node refresh the findings of both", async () => {
    // Put the missing real server back on the backup, after the one it has (0-based line 16 is its `    }`).
    const seenMaster = client.published.get(masterUri)!.length;
    client.change(backupUri, 2, [
      {
        range: { start: { line: 16, character: 5 }, end: { line: 16, character: 5 } },
        text: "\n    real_server 10.20.0.12 80 {\n        weight 1\n    }",
      },
    ]);
    const b = await client.diagnostics(backupUri, (x) => x.version === 2);
    expect(codes(b)).not.toContain("virtual-server-mismatch");
    expect(codes(b)).toContain("vrid-mismatch");
    await client.diagnostics(masterUri, (x) => client.published.get(masterUri)!.indexOf(x) >= seenMaster);
    // Now the master's VRID follows the backup's: the pair agrees.
    const seenBackup = client.published.get(backupUri)!.length;
    client.change(masterUri, 2, [{ range: { start: { line: 3, character: 22 }, end: { line: 3, character: 24 } }, text: "52" }]);
    expect(codes(await client.diagnostics(masterUri, (x) => x.version === 2))).not.toContain("vrid-mismatch");
    const after = await client.diagnostics(backupUri, (x) => client.published.get(backupUri)!.indexOf(x) >= seenBackup);
    expect(codes(after)).not.toContain("vrid-mismatch");
  });
});

describe("peer search in the workspace folder", () => {
  let folder: string;
  let editor: TestClient;

  beforeAll(async () => {
    folder = mkdtempSync(join(tmpdir(), "kalint-lsp-peers-"));
    // A backup copy beside the live file, as editors and admins leave them (this one from before
    // the node was made BACKUP): `kalint fleet` skips it, and so must the search for peers.
    writeFileSync(join(folder, "keepalived.conf"), BACKUP);
    writeFileSync(join(folder, "keepalived.conf.bak"), BACKUP.replace("state BACKUP", "state MASTER"));
    editor = new TestClient();
    await editor.initialize(folder);
  });

  afterAll(async () => {
    await editor?.close();
    if (folder) rmSync(folder, { recursive: true, force: true });
  });

  test("a backup copy (keepalived.conf.bak) is no peer: no priority tie with it, as kalint fleet on the folder shows none", async () => {
    const uri = editor.open(join(folder, "keepalived.conf"), BACKUP);
    const p = await editor.diagnostics(uri, (x) => x.version === 1);
    expect(codes(p)).toEqual([]);
    const fleet = execFileSync(process.execPath, [resolve("dist/kalint.js"), "fleet", ".", "--format", "json"], {
      cwd: folder,
      encoding: "utf8",
    });
    expect(JSON.parse(fleet)).toMatchObject({ files: ["keepalived.conf"], diagnostics: [] });
  });
});

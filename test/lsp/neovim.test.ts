/**
 * End to end in a real editor: headless Neovim (through ../shared/tools/nvim-lsp-probe) starts
 * dist/server.js on the example LVS-DR pair and reports what it saw. Skips, saying so, when
 * Neovim or the probe is not installed.
 */
import { describe, expect, test } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const PROBE = resolve("../shared/tools/nvim-lsp-probe/nvim-lsp-probe");
const hasNvim = spawnSync("nvim", ["--version"]).status === 0;
const ready = hasNvim && existsSync(PROBE) && existsSync("dist/server.js");
if (!ready)
  console.warn(
    `neovim.test.ts SKIPPED: ${!hasNvim ? "nvim is not installed (apt-get install -y neovim)" : !existsSync(PROBE) ? `${PROBE} is missing` : "dist/server.js is not built"}`,
  );

interface LspDiagnostic {
  code: string;
  range: { start: { line: number } };
}
interface Report {
  initialized: boolean;
  diagnostics: Record<string, LspDiagnostic[]>;
  responses: { method: string; result: unknown; error: unknown; ms: number }[];
  edits: { ms: number; diagnostics: LspDiagnostic[] }[];
  final_diagnostics: Record<string, LspDiagnostic[]>;
  errors: string[];
}

function kalintJson(args: string[]): { diagnostics: { code: string; file: string; line: number }[] } {
  const r = spawnSync(process.execPath, ["dist/kalint.js", ...args], { encoding: "utf8" });
  return JSON.parse(r.stdout) as { diagnostics: { code: string; file: string; line: number }[] };
}

/** Runs the probe on a job (in `dir`) and reads its report. */
function runProbe(dir: string, job: object): Report {
  writeFileSync(join(dir, "job.json"), JSON.stringify({ timeout_ms: 20000, settle_ms: 500, out: join(dir, "report.json"), ...job }));
  spawnSync(PROBE, [join(dir, "job.json")], { cwd: dir, encoding: "utf8", timeout: 150_000 });
  return JSON.parse(readFileSync(join(dir, "report.json"), "utf8")) as Report;
}

function applyEdits(
  text: string,
  edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[],
): string {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  const at = (p: { line: number; character: number }) => (starts[p.line] ?? text.length) + p.character;
  let out = text;
  for (const e of [...edits].sort((a, b) => at(b.range.start) - at(a.range.start)))
    out = out.slice(0, at(e.range.start)) + e.newText + out.slice(at(e.range.end));
  return out;
}

describe.skipIf(!ready)("Neovim drives the server on the example LVS-DR pair", () => {
  test("diagnostics, hover, completion, definition, rename, formatting and a timed edit", () => {
    const dir = mkdtempSync(join(tmpdir(), "kalint-nvim-"));
    try {
      for (const f of ["master.conf", "backup.conf"]) copyFileSync(join("examples/lvs-dr", f), join(dir, f));
      const at = (method: string, line: number, character: number, params: object = {}) => ({
        file: "master.conf",
        method,
        line,
        character,
        params,
      });
      const job = {
        cmd: [process.execPath, resolve("dist/server.js"), "--stdio"],
        root: dir,
        files: ["master.conf", "backup.conf"],
        settings: { kalint: {} },
        requests: [
          at("textDocument/hover", 18, 6),
          at("textDocument/completion", 15, 10),
          at("textDocument/definition", 14, 16),
          at("textDocument/rename", 14, 16, { newName: "VI_web" }),
          at("textDocument/formatting", 0, 0, { options: { tabSize: 4, insertSpaces: true } }),
        ],
        edits: [
          { file: "master.conf", line: 18, text: "    priority 300" },
          { file: "master.conf", line: 17, text: "    virtual_router_id 67" },
        ],
      };
      const report = runProbe(dir, job);
      expect(report.errors).toEqual([]);
      expect(report.initialized).toBe(true);

      // diagnostics: what `kalint diff` says about each file
      const cli = kalintJson(["diff", join(dir, "master.conf"), join(dir, "backup.conf"), "--format", "json"]);
      for (const f of ["master.conf", "backup.conf"]) {
        const expected = cli.diagnostics
          .filter((d) => d.file.endsWith(f))
          .map((d) => `${d.code}@${d.line}`)
          .sort();
        expect(report.diagnostics[f]!.map((d) => `${d.code}@${d.range.start.line + 1}`).sort()).toEqual(expected);
      }

      const [hover, completion, definition, rename, formatting] = report.responses;
      for (const r of report.responses) expect(r.error, r.method).toBeNull();
      expect((hover!.result as { contents: { value: string } }).contents.value).toContain("**priority**");
      expect(((completion!.result as { items: { label: string }[] }).items ?? []).map((i) => i.label)).toEqual(["MASTER", "BACKUP"]);
      expect((definition!.result as { range: { start: { line: number } } }[]).map((d) => d.range.start.line)).toEqual([14]);
      const renamed = Object.values((rename!.result as { changes: Record<string, { newText: string }[]> }).changes).flat();
      expect(renamed.map((e) => e.newText)).toEqual(["VI_web"]);
      const master = readFileSync(join(dir, "master.conf"), "utf8");
      const formatted = execFileSync(process.execPath, ["dist/kalint.js", "fmt", join(dir, "master.conf")], { encoding: "utf8" });
      expect(applyEdits(master, formatting!.result as Parameters<typeof applyEdits>[1])).toBe(formatted);

      // edits in the buffer: the new problem appears; the peer learns of the VRID change
      expect(report.edits[0]!.diagnostics.map((d) => d.code)).toContain("out-of-range");
      expect(report.final_diagnostics["backup.conf"]!.map((d) => d.code)).toContain("vrid-mismatch");
      console.log(
        `neovim: open ${JSON.stringify(Object.fromEntries(Object.entries(report).filter(([k]) => k.startsWith("open_ms"))))}, edit→diagnostics ${report.edits.map((e) => e.ms.toFixed(1)).join(", ")} ms, requests ${report.responses.map((r) => `${r.method.split("/")[1]} ${r.ms.toFixed(1)}`).join(", ")} ms`,
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!ready)("Neovim drives the server on a keepalived template", () => {
  test("the brace bug and the typo'd keyword, as kalint check reports them", () => {
    const dir = mkdtempSync(join(tmpdir(), "kalint-nvim-template-"));
    try {
      const file = "templates/keepalived.conf.j2";
      mkdirSync(join(dir, "templates"));
      writeFileSync(
        join(dir, file),
        "{% for vi in instances %}\nvrrp_instance {{ vi.name }} {\n    interface eth0\n    virtual_router_id {{ vi.vrid }}\n    advert_intt 1\n{% endfor %}\n}\n",
      );
      const job = {
        cmd: [process.execPath, resolve("dist/server.js"), "--stdio"],
        root: dir,
        files: [file],
        settings: { kalint: {} },
        requests: [
          { file, method: "textDocument/hover", line: 2, character: 6, params: {} },
          { file, method: "textDocument/hover", line: 3, character: 27, params: {} },
        ],
        edits: [{ file, line: 4, text: "    advert_int 1" }],
      };
      const report = runProbe(dir, job);
      expect(report.errors).toEqual([]);
      const cli = kalintJson(["check", join(dir, file), "--format", "json"])
        .diagnostics.map((d) => `${d.code}@${d.line}`)
        .sort();
      expect(cli).toEqual(["template-brace-imbalance@1", "unknown-keyword@5"]);
      expect(report.diagnostics[file]!.map((d) => `${d.code}@${d.range.start.line + 1}`).sort()).toEqual(cli);
      const [onKeyword, inTag] = report.responses;
      expect((onKeyword!.result as { contents: { value: string } }).contents.value).toContain("**interface**");
      expect(inTag!.result).toBeNull();
      // Fixing the typo in the buffer leaves the brace bug alone.
      expect(report.final_diagnostics[file]!.map((d) => d.code)).toEqual(["template-brace-imbalance"]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/**
 * "kalint: Compare with peer": runs the cluster comparison of the current file and a peer with the
 * bundled CLI (dist/kalint.js, the same analysis the server runs) and lists the findings and
 * structural differences in a quick pick and the output channel.
 */
import { execFile } from "node:child_process";
import * as vscode from "vscode";
import { compareEntries, compareText, parseDiffReport, type CompareEntry, type DiffReport } from "./diff-report.js";
import { kalintSettings } from "./language-client.js";
import { configuredPeers, rankCandidates } from "./peers.js";

const BROWSE = "$(folder-opened) Browse…";

/** Command handler; from the explorer it gets the clicked file and, with a multi-selection, all selected files. */
export async function compareWithPeer(
  context: vscode.ExtensionContext,
  output: vscode.LogOutputChannel,
  clicked?: vscode.Uri,
  selected?: vscode.Uri[],
): Promise<void> {
  const files = selected?.length === 2 ? selected : undefined;
  const first = files?.[0] ?? (clicked instanceof vscode.Uri ? clicked : vscode.window.activeTextEditor?.document.uri);
  if (!first || first.scheme !== "file") {
    void vscode.window.showWarningMessage("kalint: open a saved keepalived configuration to compare it with a peer.");
    return;
  }
  const second = files?.[1] ?? (await pickPeer(first));
  if (!second) return;

  const dirty = vscode.workspace.textDocuments.filter((d) => d.isDirty && [first.fsPath, second.fsPath].includes(d.uri.fsPath));
  if (dirty.length)
    output.warn(
      `comparing the saved contents; unsaved changes in ${dirty.map((d) => vscode.workspace.asRelativePath(d.uri)).join(", ")} are not included`,
    );

  let report: DiffReport;
  try {
    report = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: "kalint: comparing…" }, () =>
      runDiff(context, output, first, second),
    );
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    output.error(message);
    void vscode.window.showErrorMessage(`kalint: ${message}`);
    return;
  }
  const a = vscode.workspace.asRelativePath(first);
  const b = vscode.workspace.asRelativePath(second);
  output.info(compareText(report, a, b));
  await showEntries(compareEntries(report), a, b, report);
}

async function pickPeer(file: vscode.Uri): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.getWorkspaceFolder(file);
  const configured = folder ? configuredPeers(file.fsPath, kalintSettings(file).peers, folder.uri.fsPath) : [];
  const found = (await vscode.workspace.findFiles("**/*.conf", "**/node_modules/**", 500)).map((u) => u.fsPath);
  const candidates = rankCandidates(file.fsPath, configured, found);
  const items = [
    ...candidates.map((p) => ({
      label: vscode.workspace.asRelativePath(p),
      description: configured.includes(p) ? "configured peer (kalint.peers)" : undefined,
      path: p,
    })),
    { label: BROWSE, path: "" },
  ];
  const chosen = await vscode.window.showQuickPick(items, {
    title: `Compare ${vscode.workspace.asRelativePath(file)} with…`,
    placeHolder: "the peer node's configuration",
  });
  if (!chosen) return undefined;
  if (chosen.path) return vscode.Uri.file(chosen.path);
  const picked = await vscode.window.showOpenDialog({
    canSelectMany: false,
    openLabel: "Compare",
    defaultUri: vscode.Uri.joinPath(file, ".."),
  });
  return picked?.[0];
}

function runDiff(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, a: vscode.Uri, b: vscode.Uri): Promise<DiffReport> {
  const settings = kalintSettings(a);
  const args = [context.asAbsolutePath("dist/kalint.js"), "diff", a.fsPath, b.fsPath, "--format", "json"];
  if (settings.targetVersion) args.push("--target-version", settings.targetVersion);
  const off = Object.entries(settings.rules)
    .filter(([, severity]) => severity === "off")
    .map(([code]) => code);
  if (off.length) args.push("--disable", off.join(","));
  const cwd = vscode.workspace.getWorkspaceFolder(a)?.uri.fsPath ?? vscode.Uri.joinPath(a, "..").fsPath;
  output.debug(`running ${args.join(" ")} in ${cwd}`);
  return new Promise((resolve, reject) => {
    // process.execPath is VS Code's own runtime; ELECTRON_RUN_AS_NODE makes it a plain Node there.
    execFile(
      process.execPath,
      args,
      { cwd, env: { ...process.env, ELECTRON_RUN_AS_NODE: "1" }, maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        // Exit code 1 only means "findings at or above the fail level": the report is still on stdout.
        const code = error && typeof error.code === "number" ? error.code : error ? -1 : 0;
        if (code !== 0 && code !== 1) {
          reject(new Error(stderr.trim() || error?.message || `kalint diff exited with ${code}`));
          return;
        }
        try {
          resolve(parseDiffReport(stdout));
        } catch (e) {
          reject(e instanceof Error ? e : new Error(String(e)));
        }
      },
    );
  });
}

async function showEntries(entries: readonly CompareEntry[], a: string, b: string, report: DiffReport): Promise<void> {
  const s = report.summary;
  if (entries.length === 0) {
    void vscode.window.showInformationMessage(`kalint: ${a} and ${b} agree: no findings, no differences.`);
    return;
  }
  const chosen = await vscode.window.showQuickPick(entries, {
    title: `kalint diff ${a} ${b}: ${s.errors} error(s), ${s.warnings} warning(s), ${report.differences.length} difference(s)`,
    matchOnDescription: true,
    matchOnDetail: true,
  });
  if (!chosen?.file || !chosen.line) return;
  const position = new vscode.Position(chosen.line - 1, Math.max(0, (chosen.column ?? 1) - 1));
  await vscode.window.showTextDocument(vscode.Uri.file(chosen.file), { selection: new vscode.Range(position, position) });
}

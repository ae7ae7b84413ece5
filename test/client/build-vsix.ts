/** Builds the .vsix the way `npm run package` does (from the current dist/), into a temporary folder. */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";

export function buildVsix(): string {
  const dir = mkdtempSync(join(tmpdir(), "kalint-vsix-"));
  const out = join(dir, "kalint-vscode.vsix");
  execFileSync(process.execPath, ["scripts/package-vsix.mjs", "--out", out, "--staging", join(dir, "staging")], { stdio: "pipe" });
  return out;
}

/** Removes the temporary folder of a .vsix made by buildVsix. */
export function removeVsix(vsix: string): void {
  rmSync(dirname(vsix), { recursive: true, force: true });
}

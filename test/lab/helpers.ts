/** What the lab tests share: whether the lab can run here, and whether a process still runs. */
import { readFileSync } from "node:fs";
import { spawnSync } from "node:child_process";

/** Why the lab cannot run on this machine, or undefined when it can. */
export function labUnavailable(): string | undefined {
  if (process.platform !== "linux") return "not Linux";
  if (process.getuid?.() !== 0) return "not root";
  if (spawnSync("ip", ["-V"]).error) return "no ip command";
  if (spawnSync("keepalived", ["--version"]).error) return "no keepalived";
  return undefined;
}

/** A process that exists and is not a zombie waiting to be reaped. */
export function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2)[0] !== "Z";
  } catch {
    return false;
  }
}

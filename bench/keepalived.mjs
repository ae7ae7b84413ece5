// Section: `keepalived -t -f FILE`, the reference, on the same files in the same run. keepalived
// checks interface names against the host, so it runs in a throw-away network namespace holding
// veth interfaces with the names the files use (as the differential test does).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fmt, table, timeCommand } from "./measure.mjs";

const KEEPALIVED = ["/usr/sbin/keepalived", "/sbin/keepalived", "/usr/local/sbin/keepalived"].find((p) => existsSync(p));

function interfaceNames(paths) {
  const names = new Set();
  for (const p of paths) for (const m of readFileSync(p, "utf8").matchAll(/\b(?:interface|dev)\s+([A-Za-z][\w.-]{0,14})\b/g)) if (m[1] !== "lo") names.add(m[1]);
  return [...names];
}

function sh(cmd, args) {
  const r = spawnSync(cmd, args, { encoding: "utf8" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")}: ${r.stderr.trim()}`);
}

function createNamespace(name, interfaces) {
  spawnSync("ip", ["netns", "del", name], { stdio: "ignore" });
  sh("ip", ["netns", "add", name]);
  sh("ip", ["netns", "exec", name, "ip", "link", "set", "lo", "up"]);
  interfaces.forEach((ifname, i) => {
    sh("ip", ["netns", "exec", name, "ip", "link", "add", ifname, "type", "veth", "peer", "name", `kbpeer${i}`]);
    sh("ip", ["netns", "exec", name, "ip", "link", "set", ifname, "up"]);
  });
}

export const keepalived = {
  title: "keepalived -t -f FILE (reference, run inside a network namespace)",
  run(ctx) {
    if (!KEEPALIVED) return console.log("NOTICE: keepalived is not installed; skipped");
    if (process.getuid?.() !== 0) return console.log("NOTICE: network namespaces need root; skipped");
    if (spawnSync("ip", ["-V"]).status !== 0) return console.log("NOTICE: the ip command (iproute2) is missing; skipped");
    if (ctx.files.length === 0) return console.log("NOTICE: no input files; skipped");
    const ns = `kalint-bench-${process.pid}`;
    const scratch = mkdtempSync(join(tmpdir(), "kalint-bench-"));
    try {
      createNamespace(ns, interfaceNames(ctx.files.map((f) => f.path)));
      // Entering the namespace costs a few milliseconds that are not keepalived's; measure and subtract them.
      const enter = timeCommand("ip", ["netns", "exec", ns, "/bin/true"], { runs: 5 }).min;
      console.log(`(ip netns exec overhead ${fmt.s(enter)} subtracted)`);
      const rows = [];
      for (const f of ctx.files) {
        // From a scratch directory: configs may make keepalived create directories relative to it.
        const r = timeCommand("ip", ["netns", "exec", ns, KEEPALIVED, "-t", "-f", f.path], { runs: 7, cwd: scratch });
        const best = Math.max(0, r.min - enter);
        ctx.results[`keepalived:${f.name}`] = { ...r, min: best, median: Math.max(0, r.median - enter) };
        rows.push({ file: f.name, best: fmt.s(best), median: fmt.s(r.median - enter), "MB/s": fmt.rate(f.bytes, best), "peak RSS": fmt.mb(r.peakMB), exit: r.exit });
      }
      table(rows);
    } catch (e) {
      console.log(`NOTICE: keepalived section failed: ${e.message}`);
    } finally {
      spawnSync("ip", ["netns", "del", ns], { stdio: "ignore" });
      rmSync(scratch, { recursive: true, force: true });
    }
  },
};

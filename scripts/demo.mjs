// `npm run demo`: kalint on the example LVS-DR pair, as a new user would run it.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const steps = [
  { title: "kalint check on each node of the LVS-DR pair", args: ["check", "examples/lvs-dr/master.conf", "examples/lvs-dr/backup.conf"] },
  {
    title: "kalint diff: the two nodes compared as one cluster",
    args: ["diff", "examples/lvs-dr/master.conf", "examples/lvs-dr/backup.conf"],
    optional: true,
  },
  {
    title: "kalint diff on a broken pair (wrong VRID, tied priority, a virtual_server with no real_server)",
    args: ["diff", "examples/lvs-dr-broken/master.conf", "examples/lvs-dr-broken/backup.conf"],
    optional: true,
    needs: "examples/lvs-dr-broken/master.conf",
  },
];

for (const step of steps) {
  if (step.needs && !existsSync(step.needs)) continue;
  console.log(`\n$ kalint ${step.args.join(" ")}    # ${step.title}`);
  const r = spawnSync(process.execPath, ["dist/kalint.js", ...step.args], { stdio: "inherit" });
  if (r.status === 2 && !step.optional) process.exit(2);
  console.log(`(exit code ${r.status})`);
}

// `kalint fleet` on a generated fleet: 500 two-node clusters (1,000 files) in a temp dir.
// Prints the wall time of a run (the median of three), the clusters and collisions it found, and,
// when keepalived is installed, what `keepalived -t` needs for a sample of the same files (it
// checks one file per run), each sample timed right before or after a fleet run.
//
//   npm run build && node bench/fleet.mjs [clusters]
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { paired } from "./measure.mjs";

const clusters = Number(process.argv[2] ?? 500);
/** Fleet runs, each paired with a keepalived -t sample. */
const ROUNDS = 3;
const dir = mkdtempSync(join(tmpdir(), "kalint-fleet-bench-"));

function node(c, role) {
  const master = role === "a";
  // Clusters 2k and 2k+1 share a /24; every 25th pair also shares the VRID and uses multicast, so the
  // run has collisions to find (unicast-only clusters cannot collide).
  const net = `10.${(c >> 9) & 255}.${(c >> 1) & 255}`;
  const vrid = ((c % 25 === 1 ? c - 1 : c) % 255) + 1;
  const host = (c & 1) * 100 + (master ? 2 : 3);
  return `global_defs {
    router_id lb${c}${role}
    enable_script_security
}

vrrp_script chk_service {
    script "/usr/local/bin/check-service"
    interval 2
    fall 2
    rise 2
}

vrrp_instance VI_${c} {
    state ${master ? "MASTER" : "BACKUP"}
    interface eth0
    virtual_router_id ${vrid}
    priority ${master ? 150 : 100}
    advert_int 1
    authentication {
        auth_type PASS
        auth_pass c${c}pw
    }
${
  c % 25 > 1
    ? `    unicast_src_ip ${net}.${host}
    unicast_peer {
        ${net}.${master ? host + 1 : host - 1}
    }
`
    : ""
}    virtual_ipaddress {
        ${net}.${(c & 1) * 100 + 10}/24 dev eth0
    }
    track_script {
        chk_service weight -60
    }
}

virtual_server ${net}.${(c & 1) * 100 + 10} 80 {
    delay_loop 6
    lvs_sched wrr
    lvs_method DR
    protocol TCP
    real_server ${net}.${(c & 1) * 100 + 21} 80 {
        weight 2
        TCP_CHECK {
            connect_timeout 3
        }
    }
    real_server ${net}.${(c & 1) * 100 + 22} 80 {
        weight 2
        TCP_CHECK {
            connect_timeout 3
        }
    }
}
`;
}

try {
  for (let c = 0; c < clusters; c++) {
    const sub = join(dir, `site${c % 10}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `lb${c}a.conf`), node(c, "a"));
    writeFileSync(join(sub, `lb${c}b.conf`), node(c, "b"));
  }
  const files = clusters * 2;
  const fleet = () => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ["dist/kalint.js", "fleet", dir, "--format", "json"], { encoding: "utf8", maxBuffer: 1 << 30 });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.status === 2 || r.error) return { error: `kalint fleet failed: ${r.stderr || r.error?.message}` };
    return { seconds, out: JSON.parse(r.stdout) };
  };
  // keepalived checks one file per run: a sample of them, its time scaled to every file.
  const sample = 20;
  const keepalived = () => {
    const k0 = process.hrtime.bigint();
    for (let c = 0; c < sample; c++)
      spawnSync("keepalived", ["-t", "-f", join(dir, `site${c % 10}`, `lb${c}a.conf`)], { cwd: dir, encoding: "utf8" });
    return { seconds: (Number(process.hrtime.bigint() - k0) / 1e9 / sample) * files };
  };
  const probe = spawnSync("keepalived", ["--version"], { encoding: "utf8" });
  // Each fleet run paired with a keepalived sample, the ratio the median of the pairs' (measure.mjs paired).
  const r = paired(ROUNDS, fleet, probe.error ? undefined : keepalived);
  if (r.error) throw new Error(r.error);
  const seconds = r.measure.median;
  const out = r.samples.measure[0].out;
  const codes = {};
  for (const d of out.diagnostics) codes[d.code] = (codes[d.code] ?? 0) + 1;
  console.log(
    `kalint fleet: ${out.files.length} files, ${out.clusters.length} clusters in ${seconds.toFixed(2)} s (${((seconds / out.files.length) * 1000).toFixed(2)} ms per file; median of ${ROUNDS} runs)`,
  );
  console.log(`findings: ${JSON.stringify(codes)}`);
  if (!r.ratio) console.log("keepalived not installed: no comparison");
  else {
    const all = r.reference.median;
    console.log(
      `keepalived -t: ${((all / files) * 1000).toFixed(1)} ms per file (mean of ${sample}, median of ${ROUNDS} rounds); ${files} files one by one ≈ ${all.toFixed(2)} s, ratio kalint fleet / keepalived -t ≈ ${r.ratio.median.toFixed(2)}`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

import { expect, test } from "vitest";
import { findings, example } from "./helpers.js";

const code = "unused-definition";

test("a vrrp_script no instance tracks is reported at its name", () => {
  const found = findings(code, example("unused-definition", "wrong"));
  expect(found.map((f) => [f.line, f.text])).toEqual([[10, "chk_nginx"]]);
  expect(found[0]!.message).toContain("vrrp_script 'chk_nginx' is never used");
});

test("a tracked script, a script tracked only by a sync group and a used virtual_server_group are not reported", () => {
  expect(findings(code, example("unused-definition", "right"))).toEqual([]);
  const text = `vrrp_script chk { script "/bin/true" }
vrrp_sync_group G { group { A } track_script { chk } }
vrrp_instance A { interface eth0 virtual_router_id 1 }
virtual_server_group web { 192.0.2.1 80 }
virtual_server group web { real_server 198.51.100.1 80 }
`;
  expect(findings(code, text)).toEqual([]);
});

test("track_file used by a FILE_CHECK counts as used; an unused track_group and bfd_instance do not", () => {
  const text = `track_file flag {
    file /run/flag
}
track_group tg {
    group {
        A
    }
}
bfd_instance peer {
    neighbor_ip 192.0.2.2
}
virtual_server 192.0.2.1 80 {
    real_server 198.51.100.1 80 {
        FILE_CHECK {
            track_file flag
        }
    }
}
`;
  expect(findings(code, text).map((f) => f.text)).toEqual(["tg", "peer"]);
});

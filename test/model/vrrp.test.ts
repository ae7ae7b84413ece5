/** Single-node VRRP semantics of the model: start state, authentication in effect, addresses as peers compare them. */
import { expect, test } from "vitest";
import { preprocess } from "../../grammar/index.js";
import { buildModel } from "../../server/src/model/build.js";
import { authInEffect, isUnicast, vipSet } from "../../server/src/model/vrrp.js";
import { memoryHost } from "../support/memory-host.js";

function instance(body: string, globals = "") {
  const host = memoryHost({ "/k.conf": `${globals}vrrp_instance VI_1 {\n${body}\n}\n` });
  return buildModel(preprocess("/k.conf", { host }).file).instances[0]!;
}

test("state MASTER sticks: a later state BACKUP is ignored, as keepalived does", () => {
  expect(instance("    state MASTER\n    state BACKUP").state.value).toBe("MASTER");
  expect(instance("    state BACKUP\n    state MASTER").state.value).toBe("MASTER");
});

test("a state word that is neither MASTER nor BACKUP is BACKUP, as keepalived defaults it", () => {
  const i = instance("    state master");
  expect(i.state.value).toBe("BACKUP");
  expect(i.priority.value).toBe(100);
});

test("authentication in effect: type and password as keepalived reads them, the password cut to 8", () => {
  const auth = (type: string) => `    authentication {\n        auth_type ${type}\n        auth_pass secret-password\n    }`;
  expect(authInEffect(instance(auth("PASS")))).toEqual({ type: "PASS", pass: "secret-p" });
  // keepalived compares the type exactly: `pass` is an unknown type, so nothing is in effect.
  expect(authInEffect(instance(auth("pass")))).toBeUndefined();
  expect(authInEffect(instance(`${auth("AH")}\n    version 3`))).toBeUndefined();
  expect(authInEffect(instance(auth("AH"), "global_defs {\n    vrrp_strict\n}\n"))).toBeUndefined();
});

test("addresses: a VIP set compares addresses with their prefixes, canonical, whatever the order and options", () => {
  const i = instance(
    "    virtual_ipaddress {\n        2001:DB8::1/64 dev eth0\n        192.0.2.1\n        192.0.2.1/32 label eth0:x\n    }",
  );
  expect(vipSet(i)).toEqual(["192.0.2.1/32", "2001:db8:0:0:0:0:0:1/64"]);
  expect(isUnicast(i)).toBe(false);
});

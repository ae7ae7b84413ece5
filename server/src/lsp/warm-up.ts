/**
 * JIT warm-up. V8 optimises the analyser only after it has run it a number of times, so the
 * first edits after a file is opened took 2-4 times as long as later ones (~35-55 ms against
 * ~13 ms on the 10k-line benchmark file): the ones a user sees first. At start-up the server
 * therefore edits and analyses a made-up configuration of ~1,100 lines twenty times, one step per
 * turn of the event loop, so an opened document or a request never waits behind more than one
 * step (~2 ms once warm). It costs the first document's diagnostics ~20-30 ms.
 */
import { TextDocument } from "vscode-languageserver-textdocument";
import type { FileHost } from "../../../grammar/index.js";
import * as service from "../service/index.js";

const URI = "file:///kalint-warm-up/keepalived.conf";
/** Measured on the 10k-line benchmark file: ~20 steps take the first edits from ~35-50 ms to ~15-25 ms. */
const STEPS = 20;

/** Nothing is read from disk: the made-up file includes nothing. */
const NO_FILES: FileHost = {
  readFile: (path) => ({ refused: { reason: "missing", message: `cannot read ${path}: no such file or directory` } }),
  readDirectory: () => ({ error: "no such file or directory" }),
  stat: () => undefined,
};

/** A node with the blocks real files are made of, each kind several times, and a few mistakes. */
export function sampleConfig(): string {
  const out = [
    "global_defs {",
    "    router_id WARM_UP",
    "    enable_script_security",
    "    script_user root",
    "}",
    "vrrp_script chk_web {",
    '    script "/usr/bin/pgrep nginx"',
    "    interval 2",
    "    weight -20",
    "}",
  ];
  for (let i = 1; i <= 4; i++) {
    out.push(
      `vrrp_instance VI_${i} {`,
      `    state ${i % 2 ? "MASTER" : "BACKUP"}`,
      `    interface eth${i}`,
      `    virtual_router_id ${50 + i}`,
      `    priority ${i === 4 ? 300 : 100 + i}`,
      "    advert_int 1",
      "    authentication {",
      "        auth_type PASS",
      `        auth_pass pw${i}`,
      "    }",
      "    unicast_peer {",
      `        10.0.${i}.2`,
      "    }",
      "    virtual_ipaddress {",
      `        10.0.${i}.100/24 dev eth${i}`,
      "    }",
      "    track_script {",
      "        chk_web",
      "    }",
      "}",
    );
  }
  for (let v = 1; v <= 40; v++) {
    out.push(
      `virtual_server 10.1.0.${v} ${8000 + v} {`,
      "    delay_loop 6",
      "    lb_algo wrr",
      "    lb_kind DR",
      "    persistence_timeout 50",
      "    protocol TCP",
    );
    for (let r = 1; r <= 2; r++) {
      out.push(
        `    real_server 10.2.${v}.${r} ${8000 + v} {`,
        `        weight ${r}`,
        v % 2
          ? "        TCP_CHECK {\n            connect_timeout 10\n            retry 3\n            delay_before_retry 3\n        }"
          : "        HTTP_GET {\n            url {\n                path /health\n                status_code 200\n            }\n            connect_timeout 3\n            nb_get_retry 3\n        }",
        "    }",
      );
    }
    out.push("}");
  }
  return out.join("\n") + "\n";
}

/** Starts the warm-up, one step per `later` turn; returns a function that stops it (on shutdown). `onDone` hears how many steps ran. */
export function warmUp(later: (fn: () => void) => () => void, onError: (e: unknown) => void, onDone?: (steps: number) => void): () => void {
  const text = sampleConfig();
  let left = STEPS;
  let cancel: (() => void) | undefined;
  const step = () => {
    cancel = undefined;
    try {
      // The way an edit reaches the analyser: a buffer updated by one typed character (its line
      // offsets computed on the first update), then its text, joined around the change.
      const buffer = TextDocument.create(URI, "keepalived", 1, text);
      const line = 12 + (left % 40);
      const edited = TextDocument.update(buffer, [{ range: { start: { line, character: 4 }, end: { line, character: 4 } }, text: " " }], 2);
      service.diagnostics(service.analyseDocument("/kalint-warm-up/keepalived.conf", edited.getText(), { host: NO_FILES }));
    } catch (e) {
      // A failure here is a bug the first real document will show too; never retry it.
      onError(e);
      onDone?.(STEPS - left);
      return;
    }
    if (--left > 0) cancel = later(step);
    else onDone?.(STEPS);
  };
  cancel = later(step);
  return () => {
    cancel?.();
    cancel = undefined;
  };
}

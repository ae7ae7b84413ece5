// `npm run playground`: serves dist/web/ (built by `npm run build`) on localhost and prints the
// address. A static file server and nothing more: the page works the same from any static host.
//   node scripts/playground.mjs [--port N]     default 8417 (the port the docs' "try it" links use),
//                                              or a free one when that is taken (then say so)
import { createServer } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, extname, join, normalize, sep } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
export const DEFAULT_PORT = 8417;
const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".json": "application/json",
};

/** Starts the server on 127.0.0.1; resolves to it and its address. Port 0: any free port. */
export function servePlayground({ port = DEFAULT_PORT, dir = join(root, "dist/web") } = {}) {
  const server = createServer((req, res) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    let path = decodeURIComponent(new URL(req.url ?? "/", "http://localhost").pathname);
    if (path.endsWith("/")) path += "index.html";
    const file = normalize(join(dir, path));
    if (!file.startsWith(dir + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
      return;
    }
    // Revalidated on every load, as static hosts (GitHub Pages) serve: a rebuilt file is seen at
    // once, and an unchanged one comes from the browser's cache (with its compiled code).
    const st = statSync(file);
    const etag = `"${st.size.toString(16)}-${Math.trunc(st.mtimeMs).toString(16)}"`;
    const headers = { "cache-control": "no-cache", etag };
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304, headers).end();
      return;
    }
    const body = readFileSync(file);
    res.writeHead(200, { ...headers, "content-type": TYPES[extname(file)] ?? "application/octet-stream", "content-length": body.length });
    res.end(req.method === "HEAD" ? undefined : body);
  });
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      const { port: actual } = server.address();
      resolve({ server, url: `http://localhost:${actual}/` });
    });
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  if (!existsSync(join(root, "dist/web/index.html"))) {
    console.error("playground: dist/web/ is missing; run `npm run build` first");
    process.exit(2);
  }
  const i = process.argv.indexOf("--port");
  const asked = i > 0 ? Number(process.argv[i + 1]) : DEFAULT_PORT;
  if (!Number.isInteger(asked) || asked < 0 || asked > 65535) {
    console.error(`playground: --port takes a number from 0 to 65535, not ${process.argv[i + 1]}`);
    process.exit(2);
  }
  let served;
  try {
    served = await servePlayground({ port: asked });
  } catch (e) {
    if (e.code !== "EADDRINUSE" || i > 0) {
      console.error(`playground: cannot listen on port ${asked}: ${e.message}`);
      process.exit(2);
    }
    served = await servePlayground({ port: 0 });
    console.log(`(port ${asked} is taken; the docs' "try it" links expect ${asked})`);
  }
  console.log(`kalint playground: ${served.url}   (Ctrl-C stops it)`);
}

/** node:url for the browser build: `file:` URLs and POSIX paths, as Node converts them. */
export function fileURLToPath(url: string | URL): string {
  const u = typeof url === "string" ? new URL(url) : url;
  if (u.protocol !== "file:") throw new TypeError(`not a file URL: ${u.href}`);
  return decodeURIComponent(u.pathname);
}

export function pathToFileURL(path: string): URL {
  const u = new URL("file:///");
  // The pathname setter leaves `%` alone; Node encodes it, so a path round-trips.
  u.pathname = path.replace(/%/g, "%25").replace(/\?/g, "%3F").replace(/#/g, "%23");
  return u;
}

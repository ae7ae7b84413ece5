/**
 * node:path for the browser build: POSIX paths with `/` as the working directory. Every path the
 * browser analysis meets is absolute (`/playground/lb1.conf`) or a URI, so this is enough.
 */
function normalizeParts(path: string): string {
  const absolute = path.startsWith("/");
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (out.length > 0 && out[out.length - 1] !== "..") out.pop();
      else if (!absolute) out.push("..");
    } else out.push(part);
  }
  const joined = out.join("/");
  return absolute ? `/${joined}` : joined || ".";
}

export const sep = "/";
export const isAbsolute = (path: string): boolean => path.startsWith("/");
export const normalize = (path: string): string => {
  const n = normalizeParts(path);
  return path.endsWith("/") && n !== "/" ? `${n}/` : n;
};
export const join = (...parts: string[]): string => normalize(parts.filter((p) => p !== "").join("/") || ".");
export function resolve(...parts: string[]): string {
  let path = "";
  for (let i = parts.length - 1; i >= 0 && !path.startsWith("/"); i--) if (parts[i]) path = path ? `${parts[i]}/${path}` : parts[i]!;
  return normalizeParts(path.startsWith("/") ? path : `/${path}`);
}
export function dirname(path: string): string {
  if (path === "") return ".";
  const rooted = path.startsWith("/");
  // The last slash that follows a name (trailing slashes belong to the name).
  let end = -1;
  let inName = false;
  for (let i = path.length - 1; i >= 1; i--) {
    if (path[i] !== "/") inName = true;
    else if (inName) {
      end = i;
      break;
    }
  }
  if (end === -1) return rooted ? "/" : ".";
  // Node keeps a leading `//` (POSIX leaves its meaning to the system).
  if (rooted && end === 1) return "//";
  return path.slice(0, end);
}
export function basename(path: string, ext?: string): string {
  const trimmed = path.length > 1 ? path.replace(/\/+$/, "") : path;
  const base = trimmed.slice(trimmed.lastIndexOf("/") + 1);
  return ext && base.endsWith(ext) && base !== ext ? base.slice(0, -ext.length) : base;
}
export function extname(path: string): string {
  const base = basename(path);
  const dot = base.lastIndexOf(".");
  return dot <= 0 || base === ".." ? "" : base.slice(dot);
}
export function relative(from: string, to: string): string {
  const a = resolve(from).split("/").filter(Boolean);
  const b = resolve(to).split("/").filter(Boolean);
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => ".."), ...b.slice(i)].join("/");
}
export const posix = { sep, isAbsolute, normalize, join, resolve, dirname, basename, extname, relative };
export default posix;

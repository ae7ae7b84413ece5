/** URIs at the protocol edge, paths inside: `file:` URIs become paths, other schemes stay as they are. */
import { fileURLToPath, pathToFileURL } from "node:url";

export function pathOf(uri: string): string {
  if (uri.startsWith("file:")) {
    try {
      return fileURLToPath(uri);
    } catch {
      return uri;
    }
  }
  return uri;
}

export function uriOfPath(path: string): string {
  return path.startsWith("/") || /^[A-Za-z]:[\\/]/.test(path) ? pathToFileURL(path).href : path;
}

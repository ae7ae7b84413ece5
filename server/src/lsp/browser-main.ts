/**
 * The language server as a Web Worker: the playground page and the VS Code extension in VS Code
 * for the Web both start this one bundle (dist/web/kalint-worker.js) and speak LSP to it over
 * postMessage. The same handlers as the Node server; only the surroundings differ.
 */
import { BrowserMessageReader, BrowserMessageWriter, createConnection } from "vscode-languageserver/browser";
import { browserEnvironment } from "./browser-environment.js";
import { startServer } from "./server.js";

// The worker's global scope is the message port (typed here without the WebWorker library).
const scope = globalThis as unknown as ConstructorParameters<typeof BrowserMessageReader>[0];
const connection = createConnection(new BrowserMessageReader(scope), new BrowserMessageWriter(scope));
// A worker starts slowly (the bundle is compiled first): the first diagnostics go out before the warm-up.
startServer(connection, browserEnvironment(), { warmUp: "after-first-publish" });

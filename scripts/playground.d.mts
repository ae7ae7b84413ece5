import type { Server } from "node:http";
export declare const DEFAULT_PORT: number;
/** Serves `dir` (default dist/web/) on 127.0.0.1:`port` (0: any free port). */
export declare function servePlayground(options?: { port?: number; dir?: string }): Promise<{ server: Server; url: string }>;

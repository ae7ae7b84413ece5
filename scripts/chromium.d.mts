import type { Browser } from "puppeteer-core";
export declare const CHROMIUM_FLAGS: readonly string[];
export declare function chromiumPath(): string | undefined;
export declare function launchChromium(): Promise<Browser>;

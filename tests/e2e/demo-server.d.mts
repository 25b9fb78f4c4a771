// Types for demo-server.mjs (plain JS so `npm run demo` needs no TypeScript loader).
export declare const EXTENSION_DIR: string;
export declare function startDemoServer(options?: { port?: number; host?: string }): Promise<{ origin: string; port: number; close(): Promise<void> }>;

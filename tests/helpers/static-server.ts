/** The product's own static server (src/serve/static-server.ts) on loopback, for browser tests. */
import { serveStatic } from "../../src/serve/static-server.ts";

export interface StaticServer {
  /** Origin without trailing slash, e.g. "http://127.0.0.1:41234". */
  url: string;
  close(): Promise<void>;
}

export async function startStaticServer(rootDir: string): Promise<StaticServer> {
  const server = await serveStatic(rootDir, { port: 0, host: "127.0.0.1" });
  const { port } = server.server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

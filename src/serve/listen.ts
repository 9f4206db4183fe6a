/** Starts an http server on loopback and gives its printable URL and a close that does not hang. */
import type { Server } from "node:http";

export async function listenLocal(server: Server, opts: { port?: number; host?: string } = {}): Promise<{ url: string; close(): Promise<void> }> {
  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : opts.port;
  return {
    url: `http://${host === "127.0.0.1" ? "localhost" : host}:${port}/`,
    // Browsers keep connections alive; close them too, or close() waits for them to time out.
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

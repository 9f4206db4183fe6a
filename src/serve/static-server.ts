/**
 * A small static file server for the built site on localhost (Pagefind cannot run from file://).
 * Resolves the site folder on every request, so a rebuild's swap is picked up without a restart.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { listenLocal } from "./listen.ts";

/** Content types by extension; Pagefind's own files (.pf_*) are binary and need none. */
export const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".wasm": "application/wasm",
  ".webmanifest": "application/manifest+json",
};

export interface StaticServer {
  server: Server;
  url: string;
  close(): Promise<void>;
}

export async function serveStatic(dir: string, opts: { port?: number; host?: string } = {}): Promise<StaticServer> {
  const root = path.resolve(dir);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
      if (!file.startsWith(root)) {
        res.writeHead(403).end("Forbidden");
        return;
      }
      let info = await stat(file).catch(() => undefined);
      if (info?.isDirectory()) {
        if (!url.pathname.endsWith("/")) {
          res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
          return;
        }
        file = path.join(file, "index.html");
        info = await stat(file).catch(() => undefined);
      }
      if (!info?.isFile()) {
        const notFound = path.join(root, "404.html");
        const page = await stat(notFound).catch(() => undefined);
        res.writeHead(404, { "content-type": CONTENT_TYPES[".html"] });
        if (page) createReadStream(notFound).pipe(res);
        else res.end("<!doctype html><title>Not found</title><p>Not found.</p>");
        return;
      }
      res.writeHead(200, {
        "content-type": CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream",
        "content-length": info.size,
        "cache-control": "no-cache",
      });
      if (req.method === "HEAD") res.end();
      else createReadStream(file).pipe(res);
    } catch {
      res.writeHead(500).end("Server error");
    }
  });
  const listening = await listenLocal(server, opts);
  return { server, ...listening };
}

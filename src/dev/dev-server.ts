/**
 * The `dev` web server: the built site as the static server serves it, plus live reload. HTML
 * responses get the reload script; /__dev/events streams rebuild events. The site folder is resolved
 * on every request, so a rebuild's swap shows at once, and while no site exists yet a placeholder
 * page waits for the first build.
 */
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { listenLocal } from "../serve/listen.ts";
import { CONTENT_TYPES as TYPES } from "../serve/static-server.ts";
import { EVENTS_PATH, injectReloadScript, RELOAD_SCRIPT, ReloadChannel, SCRIPT_PATH } from "./live-reload.ts";


const WAITING_PAGE = "<!doctype html><meta charset=utf-8><title>Building…</title><p>The site is being built; this page reloads when it is ready.</p>";

export interface DevServer {
  server: Server;
  url: string;
  reload: ReloadChannel;
  close(): Promise<void>;
}

export async function startDevServer(siteDir: string, opts: { port?: number; host?: string } = {}): Promise<DevServer> {
  const root = path.resolve(siteDir);
  const reload = new ReloadChannel();
  const sendHtml = (res: import("node:http").ServerResponse, status: number, html: string) => {
    const body = Buffer.from(injectReloadScript(html));
    res.writeHead(status, { "content-type": TYPES[".html"], "content-length": body.length, "cache-control": "no-store" });
    res.end(body);
  };
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      if (url.pathname === EVENTS_PATH) return reload.attach(res);
      if (url.pathname === SCRIPT_PATH) {
        res.writeHead(200, { "content-type": TYPES[".js"], "cache-control": "no-store" });
        return void res.end(RELOAD_SCRIPT);
      }
      let file = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
      if (file !== root && !file.startsWith(root + path.sep)) return void res.writeHead(403).end("Forbidden");
      let info = await stat(file).catch(() => undefined);
      if (info?.isDirectory()) {
        if (!url.pathname.endsWith("/")) return void res.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
        file = path.join(file, "index.html");
        info = await stat(file).catch(() => undefined);
      }
      if (!info?.isFile()) {
        const notFound = await readFile(path.join(root, "404.html"), "utf8").catch(() => undefined);
        const siteExists = await stat(root).then(() => true, () => false);
        return sendHtml(res, 404, notFound ?? (siteExists ? "<!doctype html><title>Not found</title><p>Not found.</p>" : WAITING_PAGE));
      }
      const ext = path.extname(file).toLowerCase();
      // Raw reports are shown as text: a saved HTML page must never run its scripts on our origin.
      const raw = url.pathname.startsWith("/raw/");
      const type = raw ? TYPES[".txt"] : (TYPES[ext] ?? "application/octet-stream");
      if (ext === ".html" && !raw) return sendHtml(res, 200, await readFile(file, "utf8"));
      res.writeHead(200, { "content-type": type, "content-length": info.size, "cache-control": "no-store" });
      if (req.method === "HEAD") res.end();
      else createReadStream(file).pipe(res);
    } catch {
      if (!res.headersSent) res.writeHead(500);
      res.end("Server error");
    }
  });
  const listening = await listenLocal(server, opts);
  return {
    server,
    reload,
    url: listening.url,
    close: () => {
      reload.close();
      return listening.close();
    },
  };
}

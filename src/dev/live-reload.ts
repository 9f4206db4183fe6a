/**
 * Live reload for `dev`: the browser listens on /__dev/events (Server-Sent Events) and reloads when a
 * rebuild succeeds, or shows a small banner when one fails. The script is added to HTML responses by
 * the dev server only; built files never contain it.
 */
import type { ServerResponse } from "node:http";

export const EVENTS_PATH = "/__dev/events";
export const SCRIPT_PATH = "/__dev/reload.js";

/** Served from our own origin as a file (not inline), so it also works under a strict CSP. */
export const RELOAD_SCRIPT = `// wire-archive dev: reload when the site is rebuilt
(() => {
  const events = new EventSource(${JSON.stringify(EVENTS_PATH)});
  events.addEventListener("reload", () => location.reload());
  events.addEventListener("build-failed", (e) => {
    console.error("wire-archive dev: rebuild failed\\n" + e.data);
    let bar = document.getElementById("wire-archive-dev-error");
    if (!bar) {
      bar = document.createElement("pre");
      bar.id = "wire-archive-dev-error";
      bar.setAttribute("role", "alert");
      bar.style.cssText = "position:fixed;inset:auto 0 0 0;margin:0;max-height:40vh;overflow:auto;padding:1em;background:#7f1d1d;color:#fff;font:13px/1.4 monospace;z-index:2147483647;white-space:pre-wrap";
      document.body.append(bar);
    }
    bar.textContent = "Rebuild failed; showing the previous site.\\n\\n" + e.data;
  });
})();
`;

const TAG = `<script src="${SCRIPT_PATH}" defer></script>`;

/** The page with the reload script added just before </body> (or at the end when there is none). */
export function injectReloadScript(html: string): string {
  const at = html.lastIndexOf("</body>");
  return at === -1 ? html + TAG : html.slice(0, at) + TAG + html.slice(at);
}

/** The open event streams, and sending an event to all of them. */
export class ReloadChannel {
  private clients = new Set<ServerResponse>();

  attach(res: ServerResponse): void {
    res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", connection: "keep-alive" });
    res.write(": connected\n\n");
    this.clients.add(res);
    res.on("close", () => this.clients.delete(res));
  }

  send(event: "reload" | "build-failed", data = ""): void {
    const payload = `event: ${event}\n${data.split("\n").map((l) => `data: ${l}`).join("\n")}\n\n`;
    for (const res of this.clients) res.write(payload);
  }

  get size(): number {
    return this.clients.size;
  }

  close(): void {
    for (const res of this.clients) res.end();
    this.clients.clear();
  }
}

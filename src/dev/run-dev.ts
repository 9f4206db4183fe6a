/**
 * `dev`: build, serve with live reload, watch seeds/, layouts/ and src/, rebuild on change. Each
 * build runs in its own child process; one at a time, with changes that arrive meanwhile folded into
 * one follow-up build. A failed build is reported (terminal and browser) and the previous site stays.
 */
import path from "node:path";
import { CODE_DIR } from "../code-dir.ts";
import { startDevServer, type DevServer } from "./dev-server.ts";
import { startRebuild, type RebuildResult, type RunningRebuild } from "./rebuild-process.ts";
import { watchSources, type SourceWatcher } from "./watch-sources.ts";

const EXIT_LOCKED = 75;

export interface DevOptions {
  root: string;
  seedsDir?: string;
  outDir?: string;
  port?: number;
  debounceMs?: number;
  log: (line: string) => void;
}

export interface DevSession {
  url: string;
  server: DevServer;
  /** Resolves after the build in progress (if any) and any follow-up have finished. */
  idle(): Promise<void>;
  close(): Promise<void>;
}

/** What `dev` watches: the reports, the templates and the code (parser and site). */
export function watchTargets(root: string, seedsDir = "seeds"): string[] {
  return [path.resolve(root, seedsDir), path.join(CODE_DIR, "layouts"), path.join(CODE_DIR, "src"), path.join(CODE_DIR, ".eleventy.ts")];
}

export async function runDev(opts: DevOptions): Promise<DevSession> {
  const siteDir = path.resolve(opts.root, opts.outDir ?? "_site");
  const server = await startDevServer(siteDir, { port: opts.port });
  let running: RunningRebuild | undefined;
  let retrying = false;
  let again = false;
  let closed = false;
  let idleWaiters: Array<() => void> = [];

  const report = (result: RebuildResult, why: string) => {
    if (result.ok) {
      opts.log(`Rebuilt in ${(result.ms / 1000).toFixed(1)}s (${why}).`);
      server.reload.send("reload");
    } else {
      const output = result.output.trim() || `exit code ${result.code}`;
      opts.log(`Rebuild failed (${why}); still serving the previous site.\n${output}`);
      server.reload.send("build-failed", output);
    }
  };

  const build = async (why: string): Promise<void> => {
    if (closed) return;
    if (running) {
      again = true; // fold into one follow-up build
      return;
    }
    running = startRebuild({ root: opts.root, seedsDir: opts.seedsDir, outDir: opts.outDir });
    const result = await running.done;
    running = undefined;
    if (result.code === EXIT_LOCKED && !closed) {
      // Another build (an `add`, a manual build) holds the lock: try again shortly.
      retrying = true;
      setTimeout(() => {
        retrying = false;
        void build(why);
      }, 500);
      return;
    }
    if (!closed) report(result, why);
    if (again && !closed) {
      again = false;
      return build("changes during the last build");
    }
    for (const resolve of idleWaiters) resolve();
    idleWaiters = [];
  };

  void build("start");
  const watcher: SourceWatcher = watchSources(
    watchTargets(opts.root, opts.seedsDir),
    (paths) => {
      const shown = paths.slice(0, 3).map((p) => path.relative(opts.root, p) || p).join(", ");
      void build(`changed: ${shown}${paths.length > 3 ? ` and ${paths.length - 3} more` : ""}`);
    },
    { debounceMs: opts.debounceMs },
  );

  return {
    url: server.url,
    server,
    idle: () => (running || retrying ? new Promise<void>((resolve) => idleWaiters.push(resolve)) : Promise.resolve()),
    async close() {
      closed = true;
      watcher.close();
      // Only our own child: the build we started, by its pid.
      if (running?.child.pid) running.child.kill("SIGTERM");
      await running?.done;
      await server.close();
    },
  };
}

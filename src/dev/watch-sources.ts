/**
 * Watches folders (recursively: Node 20 supports it on Linux, macOS and Windows) and single files,
 * and calls back once per burst of changes (debounced), with the changed paths. Editor swap files,
 * hidden files (our own temp copies, caches) and build output are ignored.
 */
import { watch, type FSWatcher } from "node:fs";
import path from "node:path";

const IGNORED = /(^|[\\/])(\.|~|#)|~$|\.(swp|swx|tmp|bak|part)$|(^|[\\/])(node_modules|_site)([\\/]|$)/i;

export interface SourceWatcher {
  close(): void;
}

export function watchSources(targets: string[], onChange: (paths: string[]) => void, opts: { debounceMs?: number } = {}): SourceWatcher {
  const debounceMs = opts.debounceMs ?? 200;
  let timer: NodeJS.Timeout | undefined;
  let pending = new Set<string>();
  const watchers: FSWatcher[] = [];
  const flush = () => {
    timer = undefined;
    const paths = [...pending].sort();
    pending = new Set();
    if (paths.length) onChange(paths);
  };
  for (const target of targets) {
    try {
      const watcher = watch(target, { recursive: true }, (_event, name) => {
        const changed = name ? path.join(target, name.toString()) : target;
        if (IGNORED.test(name ? name.toString() : path.basename(target))) return;
        pending.add(changed);
        clearTimeout(timer);
        timer = setTimeout(flush, debounceMs);
      });
      watcher.on("error", () => {}); // a watched folder removed: nothing more to watch there
      watchers.push(watcher);
    } catch {
      // A target that does not exist (yet) is simply not watched.
    }
  }
  return {
    close() {
      clearTimeout(timer);
      for (const w of watchers) w.close();
    },
  };
}

/**
 * In-process CPU profiling through the inspector, written with every frame moved to its place in the
 * .ts source (tsx's source maps; a `node --cpu-prof` profile points into transpiled code instead).
 * Read the result with bench/profile-summary.ts.
 */
import { writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import { findSourceMap } from "node:module";

export async function startProfile(): Promise<Session> {
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.setSamplingInterval", { interval: 200 });
  await session.post("Profiler.start");
  return session;
}

/** Stops the profiler and writes the profile with each frame moved to its place in the .ts source. */
export async function stopProfile(session: Session, out: string): Promise<void> {
  const { profile } = await session.post("Profiler.stop");
  session.disconnect();
  for (const node of profile.nodes) {
    const f = node.callFrame;
    if (!f.url.startsWith("file:")) continue;
    const entry = findSourceMap(f.url)?.findEntry(f.lineNumber, f.columnNumber);
    if (entry && "originalLine" in entry) {
      f.lineNumber = entry.originalLine;
      f.columnNumber = entry.originalColumn;
    }
  }
  await writeFile(out, JSON.stringify(profile));
}


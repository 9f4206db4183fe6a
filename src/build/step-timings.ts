/**
 * Time spent in named steps inside the build's stages (page keys, Eleventy runs, the swap...), summed
 * per name over the process. Only measured: `npm run bench` reads them from the build's timings file
 * ($WIRE_ARCHIVE_TIMINGS), to tell which step of a stage a rebuild spends its time in.
 */
const totals = new Map<string, number>();

export function timeStep<T>(name: string, fn: () => T): T {
  const start = performance.now();
  try {
    return fn();
  } finally {
    totals.set(name, (totals.get(name) ?? 0) + performance.now() - start);
  }
}

export async function timeStepAsync<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  try {
    return await fn();
  } finally {
    totals.set(name, (totals.get(name) ?? 0) + performance.now() - start);
  }
}

/** Step name -> milliseconds (rounded), in the order steps first ran. */
export function stepTimings(): Record<string, number> {
  return Object.fromEntries([...totals].map(([name, ms]) => [name, Math.round(ms)]));
}

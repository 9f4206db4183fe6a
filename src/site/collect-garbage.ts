/**
 * Full garbage collections between Eleventy runs. V8 lets garbage pile up to far above the live set
 * when the heap limit is high (a 10,000-report build peaked at 2.4 GB with under 1 GB live); a run's
 * pages are garbage once the run ends, so collecting then keeps the peak near the live set.
 * A full collection costs time in proportion to the live heap, so one after every run cost runs x heap:
 * a 50,000-report build spent 119 s in 46 collections of a 3 GB heap. A collection therefore waits
 * until the garbage since the last one is a quarter of the live heap (see `worthCollecting`); amortised, collecting then
 * costs time in proportion to what the build allocates.
 */
import v8 from "node:v8";
import vm from "node:vm";

let gc: (() => void) | undefined;
/** Heap in use just after the last collection: the live set then. */
let liveAfterLast = 0;

/** Never wait for less garbage than this before collecting (the budget of a small archive). */
export const MIN_GARBAGE_BYTES = 256 * 2 ** 20;
/** Otherwise wait for garbage of this share of the live heap. */
export const GARBAGE_SHARE = 0.25;

/** Whether a heap of `usedNow` bytes, `liveAfterLast` of them live at the last collection, is worth collecting. */
export function worthCollecting(usedNow: number, liveAfterLast: number): boolean {
  return usedNow - liveAfterLast >= Math.max(MIN_GARBAGE_BYTES, GARBAGE_SHARE * liveAfterLast);
}

/** Collects if enough garbage has built up since the last collection (or always, with `force`); says whether it did. */
export function collectGarbage(opts: { force?: boolean } = {}): boolean {
  if (!opts.force && !worthCollecting(v8.getHeapStatistics().used_heap_size, liveAfterLast)) return false;
  if (!gc) {
    // The flag exposes `gc` to contexts created after it is set; Node started without --expose-gc.
    v8.setFlagsFromString("--expose-gc");
    gc = vm.runInNewContext("gc") as () => void;
  }
  gc();
  liveAfterLast = v8.getHeapStatistics().used_heap_size;
  return true;
}

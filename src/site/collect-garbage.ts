/**
 * A full garbage collection between Eleventy runs. V8 lets garbage pile up to far above the live set
 * when the heap limit is high (a 10,000-report build peaked at 2.4 GB with under 1 GB live); a run's
 * pages are garbage once the run ends, so collecting then keeps the peak near the live set.
 */
import v8 from "node:v8";
import vm from "node:vm";

let gc: (() => void) | undefined;

export function collectGarbage(): void {
  if (!gc) {
    // The flag exposes `gc` to contexts created after it is set; Node started without --expose-gc.
    v8.setFlagsFromString("--expose-gc");
    gc = vm.runInNewContext("gc") as () => void;
  }
  gc();
}

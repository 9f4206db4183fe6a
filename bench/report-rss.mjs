// Preloaded with `node --import` when /usr/bin/time is missing: on exit, writes this process's peak RSS
// (kilobytes, as `time -v` reports it) and CPU time (microseconds) to the file named by WIRE_BENCH_RSS_FILE.
import { writeFileSync } from "node:fs";

const out = process.env.WIRE_BENCH_RSS_FILE;
if (out) process.on("exit", () => {
    const u = process.resourceUsage();
    writeFileSync(out, `${u.maxRSS} ${u.userCPUTime + u.systemCPUTime}`);
  });

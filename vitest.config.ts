import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["tests/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 180_000,
    // Browser and build tests share _site fixtures; keep files isolated but not too parallel on 2 cores.
    pool: "forks",
    maxWorkers: 2,
  },
});

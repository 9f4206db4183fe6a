#!/usr/bin/env node
// The CLI is TypeScript run through tsx (Node 20 has no type stripping): register its loader, then hand over.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../src/cli/main.ts");
const root = process.env.WIRE_ARCHIVE_ROOT ?? process.cwd();
process.exitCode = await main(process.argv.slice(2), { root, stdout: process.stdout, stderr: process.stderr });

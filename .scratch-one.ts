import fs from "node:fs"; import zlib from "node:zlib";
import { ingestBytes } from "./src/ingest/read-report.ts";
const dir="/work/shared/extraction/dev/";
const files=fs.readdirSync(dir).filter(f=>f.endsWith(".html.gz"));
const bufs = files.map(f=>zlib.gunzipSync(fs.readFileSync(dir+f)));
for (let r=0;r<5;r++) for (const b of bufs) ingestBytes(b,"a.html");

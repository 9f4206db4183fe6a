import fs from "node:fs"; import zlib from "node:zlib";
import { ingestBytes } from "./src/ingest/read-report.ts";
const dir="/work/shared/extraction/dev/";
const files=fs.readdirSync(dir).filter(f=>f.endsWith(".html.gz"));
const bufs = files.map(f=>zlib.gunzipSync(fs.readFileSync(dir+f)));
for (const b of bufs) ingestBytes(b,"a.html");
for (let rep=0;rep<3;rep++){
const c=process.cpuUsage(); const t=performance.now();
for (const b of bufs) ingestBytes(b,"a.html");
const cu=process.cpuUsage(c);
console.log("wall mean", ((performance.now()-t)/bufs.length).toFixed(1), "cpu mean", ((cu.user+cu.system)/1000/bufs.length).toFixed(1));
}

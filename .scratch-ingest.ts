import fs from "node:fs"; import zlib from "node:zlib";
import { ingestBytes } from "./src/ingest/read-report.ts";
for (const f of fs.readdirSync("seeds")) {
  const b = fs.readFileSync("seeds/"+f); const d = ingestBytes(b, "seeds/"+f);
  const raw = b.toString("utf8").split("\n"); if (raw.at(-1)==="") raw.pop();
  console.log(f, d.encoding, d.lines.length, raw.length, d.lines.every((l,i)=>l.text===raw[i] && l.n===i+1), JSON.stringify(d.diagnostics));
}
const tl="/work/shared/timeline/dev/reports/"; let bad=0;
for (const f of fs.readdirSync(tl)) { const d=ingestBytes(fs.readFileSync(tl+f), "x/"+f); if (d.diagnostics.length || !d.stated.headline || !d.stated.source || !d.stated.published) { bad++; console.log(f, JSON.stringify(d.diagnostics), JSON.stringify(d.stated)); } }
console.log("timeline bad", bad);
const d=ingestBytes(fs.readFileSync(tl+"APW19980807.0261.md"), "x.md"); console.log(JSON.stringify(d.stated), d.claimed, d.lines.slice(0,3));

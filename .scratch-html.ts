import fs from "node:fs"; import zlib from "node:zlib";
import { ingestBytes } from "./src/ingest/read-report.ts";
const dir="/work/shared/extraction/dev/";
const files=fs.readdirSync(dir).filter(f=>f.endsWith(".html.gz"));
const bufs = files.map(f=>zlib.gunzipSync(fs.readFileSync(dir+f)));
// warm-up
ingestBytes(bufs[0], "a.html");
const times:number[]=[]; let errs=0;
fs.mkdirSync("/tmp/ingest-scratch/pred", {recursive:true});
for (let i=0;i<files.length;i++) {
  const t=performance.now();
  let d;
  try { d=ingestBytes(bufs[i], files[i].replace(".gz","")); } catch(e) { errs++; console.log("EXC", files[i], e); continue; }
  times.push(performance.now()-t);
  const body=d.lines.filter(l=>d.bodyLines!.has(l.n) && !/^h1$/.test(d.lineTags!.get(l.n)!)).map(l=>l.text).join("\n");
  fs.writeFileSync("/tmp/ingest-scratch/pred/"+files[i].replace(".html.gz",".txt"), body);
  const warn=d.diagnostics.filter(x=>x.severity!=="info").map(x=>x.rule);
  if (process.env.V) console.log(files[i].slice(0,10), Math.round(times.at(-1)!), d.lines.length, d.bodyLines!.size, warn.join(","), JSON.stringify(d.stated).slice(0,300));
}
times.sort((a,b)=>a-b);
console.log("n", times.length, "exceptions", errs, "mean ms", (times.reduce((a,b)=>a+b,0)/times.length).toFixed(1), "median", times[times.length>>1].toFixed(1), "max", times.at(-1)!.toFixed(1));

import fs from "node:fs"; import zlib from "node:zlib";
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
import { readHtmlMetadata } from "./src/ingest/html-metadata.ts";
import { renderHtmlLines } from "./src/ingest/render-html-lines.ts";
import { ingestBytes } from "./src/ingest/read-report.ts";
const dir="/work/shared/extraction/dev/";
const files=fs.readdirSync(dir).filter(f=>f.endsWith(".html.gz"));
const bufs = files.map(f=>zlib.gunzipSync(fs.readFileSync(dir+f)));
const htmls = bufs.map(b=>b.toString("utf8"));
for (let rep=0;rep<3;rep++){ const T:any={parse:0,meta:0,render:0,remove:0,wrap:0,read:0, total:0};
for (let i=0;i<htmls.length;i++) { const html=htmls[i];
  let t=performance.now();
  const {document}=parseHTML(html) as any; T.parse+=performance.now()-t; t=performance.now();
  readHtmlMetadata(document,"x",[]); T.meta+=performance.now()-t; t=performance.now();
  const r=renderHtmlLines(document.body); T.render+=performance.now()-t; t=performance.now();
  for (const n of r.dead) n.parentNode?.removeChild(n); T.remove+=performance.now()-t; t=performance.now();
  if (process.env.ATTR) { let k=0; const seen=new Set(); for (const {node} of r.textNodes) { const p=node.parentNode; if (!seen.has(p)) { seen.add(p); p.setAttribute("data-wa", String(k++)); } } } else if (!process.env.NOWRAP) r.textNodes.forEach(({node},k)=>{const s=document.createElement("span"); s.setAttribute("data-wa-node",String(k)); node.parentNode.replaceChild(s,node); s.appendChild(node);}); T.wrap+=performance.now()-t; t=performance.now();
  new Readability(document).parse(); T.read+=performance.now()-t;
  t=performance.now(); ingestBytes(bufs[i],"a.html"); T.total+=performance.now()-t;
}
console.log(Object.entries(T).map(([k,v])=>k+" "+((v as number)/htmls.length).toFixed(1)).join("  ")); }

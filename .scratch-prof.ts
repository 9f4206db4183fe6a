import fs from "node:fs"; import zlib from "node:zlib";
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
import { readHtmlMetadata } from "./src/ingest/html-metadata.ts";
import { renderHtmlLines } from "./src/ingest/render-html-lines.ts";
const dir="/work/shared/extraction/dev/";
const files=fs.readdirSync(dir).filter(f=>f.endsWith(".html.gz"));
const htmls = files.map(f=>zlib.gunzipSync(fs.readFileSync(dir+f)).toString("utf8"));
const T={parse:0,meta:0,render:0,wrap:0,read:0, decode:0};
for (let rep=0;rep<2;rep++) for (const html of htmls) {
  let t=performance.now();
  new TextDecoder("utf-8",{fatal:true}).decode(Buffer.from(html)); T.decode+=performance.now()-t; t=performance.now();
  const {document}=parseHTML(html) as any; T.parse+=performance.now()-t; t=performance.now();
  readHtmlMetadata(document,"x",[]); T.meta+=performance.now()-t; t=performance.now();
  const r=renderHtmlLines(document.body); T.render+=performance.now()-t; t=performance.now();
  r.textNodes.forEach(({node},k)=>{const s=document.createElement("span"); s.setAttribute("data-wa-node",String(k)); node.parentNode.replaceChild(s,node); s.appendChild(node);}); T.wrap+=performance.now()-t; t=performance.now();
  new Readability(document).parse(); T.read+=performance.now()-t;
}
for (const k in T) console.log(k, ((T as any)[k]/htmls.length/2).toFixed(1));

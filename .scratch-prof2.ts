import fs from "node:fs"; import zlib from "node:zlib";
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
const dir="/work/shared/extraction/dev/";
const files=fs.readdirSync(dir).filter(f=>f.endsWith(".html.gz"));
const htmls = files.map(f=>zlib.gunzipSync(fs.readFileSync(dir+f)).toString("utf8"));
const rows=[];
for (const pre of [false,true]) { let tot=0;
for (let i=0;i<htmls.length;i++) {
  const {document}=parseHTML(htmls[i]) as any;
  if (pre) { for (const el of [...document.querySelectorAll("script,style,svg,noscript,iframe,template,link,meta")]) el.remove(); 
    const w=document.createTreeWalker? null:null; }
  const n=document.querySelectorAll("*").length;
  const t=performance.now(); const r=new Readability(document).parse(); const dt=performance.now()-t; tot+=dt;
  if (!pre && dt>40) console.log(files[i].slice(0,10), htmls[i].length, n, dt.toFixed(0), r?.length);
}
console.log(pre, "avg", (tot/htmls.length).toFixed(1)); }

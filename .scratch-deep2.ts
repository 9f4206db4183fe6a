import fs from "node:fs"; import zlib from "node:zlib";
import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
import { renderHtmlLines } from "./src/ingest/render-html-lines.ts";
const dir="/work/shared/extraction/dev/";
let md=0, me=0;
for (const f of fs.readdirSync(dir).filter(f=>f.endsWith(".html.gz"))) { const {document}=parseHTML(zlib.gunzipSync(fs.readFileSync(dir+f)).toString()) as any; const r=renderHtmlLines(document.body); md=Math.max(md,r.maxDepth); me=Math.max(me,r.elements); }
console.log("dev max depth", md, "max elements", me);
for (const n of [100, 200, 400]) {
const html = `<html><body>${"<div>".repeat(n)}deep${"</div>".repeat(n)}</body></html>`;
const {document}=parseHTML(html) as any;
let t=performance.now(); new Readability(document).parse(); console.log(n, "read", (performance.now()-t).toFixed(0));
}

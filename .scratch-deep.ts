import { parseHTML } from "linkedom";
import { Readability } from "@mozilla/readability";
import { renderHtmlLines } from "./src/ingest/render-html-lines.ts";
for (const n of [1000, 2000, 4000]) {
const html = `<html><body>${"<div>".repeat(n)}deep${"</div>".repeat(n)}</body></html>`;
let t=performance.now(); const {document}=parseHTML(html) as any; console.log(n, "parse", (performance.now()-t).toFixed(0));
t=performance.now(); renderHtmlLines(document.body); console.log("render", (performance.now()-t).toFixed(0));
t=performance.now(); try { new Readability(document).parse(); } catch(e) { console.log("err", (e as Error).message); } console.log("read", (performance.now()-t).toFixed(0));
}

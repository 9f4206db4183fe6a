import { readFileSync } from "node:fs";
import { buildEntities } from "../../src/entities/build-entities.ts";
const recs = JSON.parse(readFileSync("/tmp/s8/bbc.json","utf8"));
let t = performance.now();
const es = buildEntities(recs);
console.log((performance.now()-t).toFixed(0), "ms", es.length);
es.sort((a,b)=>b.articleIds.length-a.articleIds.length);
for (const e of es.slice(0,40)) console.log(e.id, e.kind, e.articleIds.length, e.mentions.length);
console.log(es.filter(e=>e.articleIds.length===1).slice(0,60).map(e=>e.name).join(" | "));

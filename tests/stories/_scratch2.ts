import { readFileSync } from "node:fs";
import { linkReports } from "../../src/stories/group-stories.ts";
const recs = JSON.parse(readFileSync("/tmp/s8/bbc.json","utf8"));
const cat = new Map(recs.map((r:any)=>[r.id, r.sourceFile.split("/")[1]]));
const links = linkReports(recs, { minSimilarity: 0.35, minSimilarityWithNames: 0.35 });
const lo = Number(process.argv[2]), hi = Number(process.argv[3]);
const sel = links.filter(l=>l.similarity>=lo && l.similarity<hi);
for (const l of sel.sort(()=>0).filter((_,i)=>i%Math.max(1,Math.floor(sel.length/25))===0)) console.log(l.similarity.toFixed(3), l.sharedNames, cat.get(recs[l.a].id)===cat.get(recs[l.b].id)?"  ":"XX", recs[l.a].headline, "|", recs[l.b].headline);

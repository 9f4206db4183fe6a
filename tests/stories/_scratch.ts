import { readFileSync } from "node:fs";
import { groupStories, linkReports } from "../../src/stories/group-stories.ts";
const recs = JSON.parse(readFileSync("/tmp/s8/bbc.json","utf8"));
const cat = new Map(recs.map((r:any)=>[r.id, r.sourceFile.split("/")[1]]));
const byId = new Map(recs.map((r:any)=>[r.id, r]));
let t = performance.now();
const links = linkReports(recs, { minSimilarity: 0.2, minSimilarityWithNames: 0.2 });
console.log("links", links.length, (performance.now()-t).toFixed(0), "ms");
// histogram of similarity for cross-category links
const buckets: Record<string, [number, number]> = {};
for (const l of links) { const b = (Math.floor(l.similarity*20)/20).toFixed(2); buckets[b] ??= [0,0]; buckets[b][cat.get(recs[l.a].id)===cat.get(recs[l.b].id)?0:1]++; }
console.log(Object.entries(buckets).sort());
for (const l of links.filter(l=>cat.get(recs[l.a].id)!==cat.get(recs[l.b].id)).sort((x,y)=>y.similarity-x.similarity).slice(0,8)) console.log(l.similarity.toFixed(3), l.sharedNames, recs[l.a].headline, "|", recs[l.b].headline);
t = performance.now();
const stories = groupStories(recs);
console.log("stories", stories.length, (performance.now()-t).toFixed(0), "ms");
let mixed = 0;
for (const s of stories) { const cs = new Set(s.articleIds.map(id=>cat.get(id))); if (cs.size>1) mixed++; }
console.log("mixed", mixed);
stories.sort((a,b)=>b.articleIds.length-a.articleIds.length);
for (const s of stories.slice(0,8)) console.log(s.articleIds.length, s.title, s.articleIds.map(id=>(byId.get(id) as any).headline).slice(0,6).join(" / "));
const sizes: Record<number, number> = {}; for (const s of stories) sizes[s.articleIds.length]=(sizes[s.articleIds.length]??0)+1; console.log(sizes);

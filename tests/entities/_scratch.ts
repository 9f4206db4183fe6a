import { seedArchive } from "../helpers/seeds.ts";
import { buildEntities } from "../../src/entities/build-entities.ts";
const recs = [...seedArchive().values()];
let t = performance.now();
const es = buildEntities(recs);
console.log((performance.now()-t).toFixed(0), "ms", es.length);
for (const e of es) console.log(e.id, "|", e.name, e.kind, e.articleIds.length, e.mentions.length, [...new Set(e.mentions.map(m=>m.text))].join("/"), e.quotes.map(q=>q.text.slice(0,30)).join(" ; "));

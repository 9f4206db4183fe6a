import { seedArchive } from "../helpers/seeds.ts";
import { buildStories } from "../../src/stories/build-stories.ts";
const recs = [...seedArchive().values()];
const s = buildStories(recs)[0].comparison;
for (const a of s.allSay) console.log("ALL:", a.sentences.map(x=>x.text.slice(0,90)).join("\n     "));
for (const o of s.onlyOne) console.log("ONLY", o.articleId.slice(0,10), o.sentences.length, o.sentences.map(x=>x.text.slice(0,60)).join(" | "));
console.log(s.sharedQuotes.map(q=>q.text+" <- "+q.sources.map(x=>x.speaker).join(",")));

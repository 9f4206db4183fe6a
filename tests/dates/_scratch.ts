import * as chrono from "chrono-node";
const ref = { instant: new Date("2013-09-13T12:00:00Z"), timezone: 0 };
for (const t of ["late Wednesday night, he said", "on Friday morning", "Sunday night's game", "on Friday, Oct. 23, he", "since Oct. 23 the", "killed Oct. 23 at", "the April 24 and 25 summit", "on April 24 and 25."]) {
  const rs = chrono.casual.parse(t, ref);
  console.log(JSON.stringify(t), "=>", rs.map(r => `[${r.index}]${JSON.stringify(r.text)} ${r.start.getCertainComponents().join(",")} ${[...r.tags()].join(",")}`).join(" | "));
}

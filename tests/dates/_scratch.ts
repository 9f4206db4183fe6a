import * as chrono from "chrono-node";
const ref = { instant: new Date("2013-09-13T12:00:00Z"), timezone: 0 };
for (const t of ["was shot to death on the night of Oct. 23 as he stood", "home from synagogue on the night of Friday, Oct. 23. He was"]) {
  const rs = chrono.casual.parse(t, ref);
  console.log(JSON.stringify(t), "=>", rs.map(r => `[${r.index}]${JSON.stringify(r.text)} ${r.start.getCertainComponents().join(",")} ${[...r.tags()].join(",")}`).join(" | "));
}

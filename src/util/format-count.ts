/** Counts as people read them: "10,015", whichever page prints them. */
const grouped = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });

export function formatCount(n: number): string {
  return Number.isFinite(n) ? grouped.format(n) : String(n);
}

/**
 * Where a page title may be cut between its headline and its site's name: each separator that occurs,
 * at its last occurrence, the rightmost first. The site's name comes last ("Lords wrong on detainees -
 * Straw | The Post": "The Post"), so an earlier separator of another kind is the headline's own. Shared
 * by the title of a saved HTML page (html-metadata.ts) and the title line of a text dump
 * (parse/detect-outlet.ts).
 */
export function titleCuts(title: string, separators: readonly string[]): Array<{ sep: string; at: number }> {
  return separators
    .map((sep) => ({ sep, at: title.lastIndexOf(sep) }))
    .filter((cut) => cut.at > 0)
    .sort((a, b) => b.at - a.at);
}

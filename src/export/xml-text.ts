/** Text safe to place in an XML 1.0 document: escaped, and characters XML forbids replaced by U+FFFD. */
import { escapeMarkup } from "./body-html.ts";

// XML 1.0 Char production: tab, LF, CR, U+0020–U+D7FF, U+E000–U+FFFD, U+10000–U+10FFFF (the `u`
// flag makes lone surrogates match as themselves, so they are replaced too).
const NOT_XML_CHAR = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(text: string): string {
  return escapeMarkup(text.replace(NOT_XML_CHAR, "\uFFFD"));
}

/** Writing a big JSON object, one with a long list, a piece at a time. */
import { createWriteStream } from "node:fs";
import { once } from "node:events";

/** About this much text is written at a time. */
const PIECE = 1 << 20;

/**
 * Writes `{...head, [key]: [...items]}` to `file` exactly as JSON.stringify would (each item as
 * `json(item)`), in pieces of about 1 MB: the whole text is never held (data/articles.json is 55 MB
 * at 10,000 reports, 235 MB at 40,000), and this thread's other work (the search index's messages to
 * Pagefind, written meanwhile) gets a turn between pieces rather than waiting out one long stringify.
 */
export async function writeJsonList<T>(file: string, head: Record<string, unknown>, key: string, items: Iterable<T>, json: (item: T) => unknown = (item) => item): Promise<void> {
  const out = createWriteStream(file);
  try {
    const write = async (text: string) => {
      if (!out.write(text)) await once(out, "drain");
      else await new Promise((resolve) => setImmediate(resolve));
    };
    const opening = JSON.stringify(head).slice(0, -1);
    let piece = `${opening}${opening === "{" ? "" : ","}${JSON.stringify(key)}:[`;
    let first = true;
    for (const item of items) {
      piece += `${first ? "" : ","}${JSON.stringify(json(item))}`;
      first = false;
      if (piece.length >= PIECE) {
        await write(piece);
        piece = "";
      }
    }
    out.end(`${piece}]}`);
    await once(out, "finish");
  } catch (error) {
    out.destroy();
    throw error;
  }
}

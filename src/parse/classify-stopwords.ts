/**
 * Short stop-word lists (the most frequent function words) for the languages news pages are most often
 * in. As in jusText, the share of stop words in a line tells running prose (many) from menus, names and
 * headlines (few). The page's language is whichever list matches most of its words; pages in a
 * language with no list fall back to shape signals alone.
 */

const LISTS: Record<string, string> = {
  en:
    "a about after all also an and any are as at be because been before being but by can could did do does " +
    "for from had has have he her here him his how i if in into is it its just more most my no not now of on " +
    "one only or other our out over said says she so some than that the their them then there these they this " +
    "those to too up us was we were what when where which while who will with would you your it's that's",
  de:
    "aber als am an auch auf aus bei bin bis da das dass dem den der des die doch du durch ein eine einem " +
    "einen einer es für hat hatte ich ihr im in ist ja kann man mit nach nicht noch nur oder sich sie sind " +
    "so um und uns von vor war wie wir wird wurde zu zum zur über",
  fr:
    "à au aux avec ce ces cette dans de des du elle en est et il ils je la le les leur lui mais me même " +
    "ne nous on ou par pas plus pour qu que qui sa se ses son sur un une vous été être a l d",
  es:
    "a al como con de del el en es esta este fue ha la las le lo los más no o para pero por que se sin " +
    "su sus también un una y ya",
  pt:
    "a ao as com como da das de do dos e em é foi mais mas na nas no nos o os para pela pelo por que se " +
    "sem seu sua também um uma você",
  it:
    "a al alla anche che con da del della di e è gli ha il in la le lo ma nel non per più si sono su un una",
  nl:
    "aan als bij dat de den der die dit een en er het hij ik in is je met naar niet nog of om ook op te " +
    "van voor was wat we ze zijn",
  ru:
    "а без бы был была были в вы для до его ее её если же за и из или им к как когда ли мы на не нет но " +
    "о об он она они от по при с со так то только у уже что это я",
};

const SETS = new Map(Object.entries(LISTS).map(([lang, words]) => [lang, new Set(words.split(" "))]));

export type StopList = ReadonlySet<string>;

/** The lists in order (ties go to the first), and for each stop word the lists it is in. */
const LANGUAGES: StopList[] = [...SETS.values()];
const LANGUAGES_OF = new Map<string, number[]>();
/** No stop word is longer than this (lower-casing never shortens a word), so longer words need no lookup. */
export const MAX_STOP_WORD_LENGTH = Math.max(...LANGUAGES.flatMap((set) => [...set].map((w) => w.length)));
LANGUAGES.forEach((set, i) => {
  for (const w of set) {
    const langs = LANGUAGES_OF.get(w) ?? [];
    langs.push(i);
    LANGUAGES_OF.set(w, langs);
  }
});

/**
 * The ASCII stop words by their code units, lower-cased, packed 7 bits each into one number (7 units
 * fill 49 bits, exact in a double; no unit is 0, so lengths cannot collide): the word scanner of
 * classify-features looks a line's words up where they stand, with no string made for each word.
 */
const PACKED_MAX = 7;
const LISTS_OF_PACKED = new Map<number, number[]>();
for (const [word, langs] of LANGUAGES_OF) {
  if (word.length <= PACKED_MAX && !/[^\x00-\x7f]/.test(word)) LISTS_OF_PACKED.set(packLower(word, 0, word.length), langs);
}

function packLower(text: string, start: number, end: number): number {
  let key = 0;
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    key = key * 128 + (c >= 65 && c <= 90 ? c + 32 : c);
  }
  return key;
}

/** `stopListsOf(text.slice(start, end))` for a word of ASCII characters. */
export function asciiStopListsAt(text: string, start: number, end: number): readonly number[] | undefined {
  const length = end - start;
  if (length <= PACKED_MAX) return LISTS_OF_PACKED.get(packLower(text, start, end));
  return length > MAX_STOP_WORD_LENGTH ? undefined : stopListsOf(text.slice(start, end));
}

/** How many stop-word lists there are (indexes for `stopListsOf` and `chooseStopList`). */
export const STOP_LIST_COUNT = LANGUAGES.length;

/** Indexes of the lists `word` (any case) is a stop word in, or undefined. */
export function stopListsOf(word: string): readonly number[] | undefined {
  if (word.length > MAX_STOP_WORD_LENGTH) return undefined;
  // A word found as it is was already in lower case (the lists are); otherwise lower it and look again,
  // unless lowering cannot change it: toLowerCase copies even a lower-case word, once per word of a page.
  const found = LANGUAGES_OF.get(word);
  return found !== undefined || !mayHaveCapital(word) ? found : LANGUAGES_OF.get(word.toLowerCase());
}

/** False only when no code unit is an ASCII capital or beyond ASCII (where toLowerCase may change it). */
function mayHaveCapital(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c > 127) return true;
  }
  return false;
}

/**
 * From stop-word hits per list over `total` words: the index of the list with the largest share
 * (the first on a tie), or undefined when none covers at least `minShare` (a language with no list).
 */
export function chooseStopList(hits: ArrayLike<number>, total: number, minShare = 0.12): number | undefined {
  if (total === 0) return undefined;
  let best: number | undefined;
  let bestShare = 0;
  for (let i = 0; i < LANGUAGES.length; i++) {
    const share = hits[i] / total;
    if (share > bestShare) {
      bestShare = share;
      best = i;
    }
  }
  return best !== undefined && bestShare >= minShare ? best : undefined;
}

/**
 * The list that covers the largest share of the page's words, or undefined when none covers at least
 * `minShare` of them (the page is in a language we have no list for).
 */
export function pickStopList(words: string[], minShare = 0.12): StopList | undefined {
  const hits = new Array<number>(LANGUAGES.length).fill(0);
  for (const w of words) for (const i of stopListsOf(w) ?? []) hits[i]++;
  const best = chooseStopList(hits, words.length, minShare);
  return best === undefined ? undefined : LANGUAGES[best];
}

/**
 * Shape signals for page furniture that looks the same on every site: share and subscribe controls,
 * cookie notes, comment counts, copyright footers, bylines and datelines, photo credits, and the
 * headers that open teaser lists and comment threads after an article. These are about what kind of
 * line it is, in any outlet; outlet-specific wording belongs in the source profiles (JSON data).
 * Every pattern is tested against a trimmed line, case-insensitively.
 */
import { requiredEndings } from "./regex-ending.ts";

export interface Signal {
  re: RegExp;
  reason: string;
  /** Applies to lines of any length (cookie notes and footers run long); others only to short lines. */
  anyLength?: boolean;
}

const MAX_FURNITURE_CHARS = 120;

/** Whole-line furniture: never article text, wherever it sits. */
export const FURNITURE: Signal[] = [
  { re: /\b(?:we|this (?:site|website)|our (?:site|website)) uses? cookies\b|\bcookie (?:policy|settings|preferences|consent)\b|\baccept (?:all )?cookies\b/i, reason: "cookie notice", anyLength: true },
  { re: /\ball rights reserved\b/i, reason: "footer / copyright", anyLength: true },
  { re: /^(?:©|\(c\)\s|copyright\s*(?:©|\(c\)|\d{4}))/i, reason: "footer / copyright" },
  { re: /^\[?\s*\d[\d,.]*k?\s+(?:comments?|replies|responses|shares?|views)\s*\]?$|^(?:comments?|replies)\s*[([]?\s*\d+\s*[)\]]?$|^(?:view|show|read|see|load)(?: all)?(?: \d+)? comments?$|^(?:leave|post|add|write) a (?:comment|reply)$|^join the (?:conversation|discussion)$/i, reason: "comment count" },
  { re: /^(?:share|tweet|pin|e-?mail|print|save|follow|like)(?: (?:this|the|on|via|it|us))?(?: (?:article|story|page|post|link|facebook|twitter|linkedin|whatsapp|pinterest|reddit|e-?mail))?\s*[:!]?$|^share (?:this|on|via)\b.{0,40}$|^sharing is caring!?$|^(?:follow|like) us on\b.{0,60}$|^share (?:this )?(?:article|story)\b.{0,40}$/i, reason: "share/subscribe line" },
  { re: /^(?:subscribe|sign (?:in|up)|log ?in|register|newsletters?)(?:\b.{0,60})?$|\bsubscribe (?:now|today|to (?:our|the) newsletter)\b|\bsign up for (?:our|the)\b.{0,40}\bnewsletter|\bnewsletter\b.{0,40}\bsign up\b|^get (?:the|our) .{0,40}newsletter/i, reason: "share/subscribe line" },
  { re: /^(?:advertisement|advertising|sponsored(?: content| links?| stories)?|ad|ads by \w+|paid (?:content|post)|promoted(?: stories)?|story continues below(?: advertisement)?|continue reading(?: below)?|scroll to continue(?: with content)?)$/i, reason: "advertisement label" },
  { re: /^(?:click|tap) here\b.{0,80}$|^(?:read|see|view|watch) (?:more|all|full)(?: (?:stories|articles|news|videos|photos))?\s*(?:»|›|>|→)?$|^(?:previous|next)(?: (?:post|article|story|page))?\s*(?:»|›|>|→)?$|^(?:«|‹)\s*previous|^back to top\b/i, reason: "navigation link" },
  { re: /^(?:[Bb]y|BY|[Ww]ritten by|[Pp]osted by|[Rr]eporting by)\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|de|van|von|da|al|and|&))*\s*(?:[|,•·-]\s*.{0,60})?$/u, reason: "byline" },
  { re: /^(?:(?:published|updated|posted|last (?:updated|modified)|first published|modified)\b\s*:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}\b.{0,60}$/i, reason: "dateline" },
  { re: /^(?:(?:published|updated|posted|last (?:updated|modified)|first published|modified)\b\s*:?\s*)?(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?,?\s+\d{4}\b.{0,60}$/i, reason: "dateline" },
  { re: /^(?:published|updated|posted|last (?:updated|modified)|first published)\b.{0,80}\b(?:\d{4}|ago|am|pm|gmt|utc|et|est|pst)\b.{0,40}$/i, reason: "dateline" },
  { re: /^\d{4}-\d{2}-\d{2}(?:[ t]\d{2}:\d{2}.*)?$|^\d{1,2}[./]\d{1,2}[./]\d{2,4}(?:\s+\d{1,2}:\d{2}.*)?$/i, reason: "dateline" },
  { re: /^(?:photo|image|picture|video|illustration|graphic|photograph)s?(?: credit)?\s*[:|]|^(?:image|photo) (?:via|by|courtesy)\b|\b(?:getty images|shutterstock|afp via getty|istock(?:photo)?)\b\s*$/i, reason: "photo caption or credit" },
  { re: /[^.!?\s]\s*\[(?:\p{Lu}[\p{L}&.'’/ -]{1,40}|(?:photo|image|file|getty)[^\]]{0,40})\]$|\((?:image|photo|picture|photograph|credit|source)s?\s*:[^)]{1,60}\)$/iu, reason: "photo caption or credit", anyLength: true },
  { re: /^(?:tags?|topics?|categories|filed under|related topics|keywords)\s*:/i, reason: "tag list" },
  { re: /^(?:facebook|twitter|linkedin|whatsapp|pinterest|reddit|messenger|flipboard|telegram|instagram|youtube|tumblr|snapchat|tiktok|rss|e-?mail|google\+?|mix|pocket|sms|copy(?: link)?|[\w]+_url)(?:[ ,/|•·]+(?:facebook|twitter|linkedin|whatsapp|pinterest|reddit|messenger|flipboard|telegram|instagram|youtube|tumblr|snapchat|tiktok|rss|e-?mail|google\+?|mix|pocket|sms|copy(?: link)?))*$/i, reason: "share/subscribe line" },
  { re: /(?:\[…\]|\[\.\.\.\]|\s(?:…|\.\.\.))$/, reason: "teaser excerpt (truncated text)" },
  { re: /^you must be (?:logged|signed) in to (?:post|leave) a (?:comment|reply)|^leave a (?:comment|reply)\b.{0,30}$|^cancel reply$/i, reason: "comment form" },
  { re: /\(\d{1,3}(?:\.\d+)?%,\s*[\d,]+\s+votes?\)$|^\d[\d,]*\s+votes?$|^(?:total )?votes?:?\s*\d/i, reason: "poll or rating widget" },
  { re: /^[^\p{L}\p{N}]+$/u, reason: "punctuation or symbols only" },
  { re: /^[\d\s.,:;%/|•·+-]+$/u, reason: "numbers only (counter or widget)" },
  { re: /^@\w{2,}$|^[\w.+-]+@[\w-]+\.[\w.]+$|^(?:https?:\/\/|www\.)\S+$/i, reason: "handle, e-mail or address line" },
];

/**
 * Headers after which a page lists other stories, comments or author notes. Inside or after the
 * article text, such a line ends the article.
 */
export const END_MARKERS: Signal[] = [
  { re: /^(?:related|more|other|latest|top|popular|recent|recommended|trending|featured|suggested|similar|further)(?: \w+){0,3}(?: (?:stories|articles|news|posts|content|coverage|reads?|videos|links|topics|from [\p{L}\p{N} .'&-]{2,40}))\s*:?$/iu, reason: "teaser list after the article" },
  { re: /^(?:related|recommended|trending|popular|most (?:read|popular|viewed|shared|commented|watched|emailed)|read (?:next|this next)|what to read next|up next|next up|more (?:on|in|from|about)\b.{0,50}|you (?:may|might|will|could) (?:also )?(?:like|enjoy|be interested in)\b.{0,30}|(?:don'?t|do not) miss|editor'?s picks?|also (?:read|see|on \S+)|see also|in case you missed it|recommended for you|around the web|from (?:our|the) (?:partners|network|web)|promoted (?:stories|links)|sponsored (?:stories|links)|featured on\b.{0,40}|more great \S+ stories|elsewhere on \S+)\s*[:.…]*$/iu, reason: "teaser list after the article" },
  { re: /^(?:[Mm]ore(?: from| on)?|[Aa]lso on|[Ll]atest from|[Ee]lsewhere on)\s+\p{Lu}[\p{L}\p{N}.'’&-]*(?:\s+\p{Lu}[\p{L}\p{N}.'’&-]*){0,3}\s*:?$/u, reason: "teaser list after the article" },
  { re: /^(?:comments?|all comments|reader comments|top rated comments|show (?:more |all )?comments(?: \(\d+\))?|(?:leave|post) a (?:comment|reply)(?: cancel reply)?|join the (?:conversation|discussion)|discussion|responses|conversation)\s*(?:\(\d+\))?\s*:?$/i, reason: "comment section after the article" },
  { re: /^(?:about (?:the )?(?:author|writer|contributor)|about\s+\p{Lu}[\p{L}.'’-]+(?:\s+\p{Lu}[\p{L}.'’-]+){0,3}|author'?s? (?:bio|profile)|more (?:by|from) (?:this|the) author)\s*:?$/iu, reason: "author note after the article" },
];

/** A signal list split once by reach, each pattern with the endings its matches need (see regex-ending). */
interface PreparedSignals {
  all: Array<{ signal: Signal; endings?: ReadonlySet<string> }>;
  anyLength: Array<{ signal: Signal; endings?: ReadonlySet<string> }>;
}
const prepared = new WeakMap<Signal[], PreparedSignals>();

function prepare(signals: Signal[]): PreparedSignals {
  let found = prepared.get(signals);
  if (!found) {
    const all = signals.map((signal) => ({ signal, endings: requiredEndings(signal.re) }));
    found = { all, anyLength: all.filter((p) => p.signal.anyLength) };
    prepared.set(signals, found);
  }
  return found;
}

/** The first signal (in list order) matching the trimmed line `text`. */
export function matchSignal(text: string, signals: Signal[]): Signal | undefined {
  const { all, anyLength } = prepare(signals);
  const last = text[text.length - 1];
  for (const { signal, endings } of text.length <= MAX_FURNITURE_CHARS ? all : anyLength) {
    // Most lines end in a letter or full stop: patterns that must end in `]` or `)` are skipped unrun.
    if ((endings === undefined || endings.has(last)) && signal.re.test(text)) return signal;
  }
  return undefined;
}

/** A short credit under a photo: agency or photographer names, often with slashes ("X/Getty Images"). */
export function looksLikeCredit(text: string): boolean {
  if (text.length > 80) return false;
  if (/\b(?:getty|images?|photo(?:graph)?s?|shutterstock|reuters|afp|ap|epa|pa|alamy|istock|courtesy|credit|©)\b/i.test(text)) return true;
  return /^[\p{Lu}][\p{L}.'’&-]*(?:[ /|][\p{Lu}(][\p{L}.'’&)-]*)*$/u.test(text) && text.includes("/");
}

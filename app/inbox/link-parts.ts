export type TextPart = { kind: "text"; text: string } | { kind: "link"; href: string; label: string };

// Only absolute http(s) addresses become links: a message body is written from alert fields, so
// a javascript: or data: address in it must stay text.
const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;
const TRAILING_PUNCTUATION = /[.,;:!?)\]]+$/;
const MAX_LABEL = 56;

/** Splits a plain-text message into text and links; long addresses show shortened. */
export function linkParts(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const href = match[0].replace(TRAILING_PUNCTUATION, "");
    if (!URL.canParse(href)) continue;
    if (match.index > last) parts.push({ kind: "text", text: text.slice(last, match.index) });
    const label = href.length > MAX_LABEL ? `${href.slice(0, MAX_LABEL - 1)}…` : href;
    parts.push({ kind: "link", href, label });
    last = match.index + href.length;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts;
}

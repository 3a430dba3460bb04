/**
 * Status tags: the bracketed notes negotiators put on a paragraph or heading to say where it
 * stands — `[agreed]`, `[ad ref]`, `[agreed ad ref]`, `[Preliminarily Agreed]`,
 * `[Suggested for Closure]`. They are not text of the paragraph: importers take them out into
 * `Paragraph.tags` / `Heading.tags` (without brackets, as written), and exports write them back
 * after the text.
 */

// What counts as a status tag, compared in lower case with spaces collapsed and a final `.`
// dropped. Anything else in brackets is negotiating text and stays where it is.
const TAG =
  /^(?:(?:(?:preliminarily|provisionally|tentatively|ad referendum)\s+)?agreed(?:\s+(?:ad[\s-]?ref(?:erendum)?|in principle))?|ad[\s-]?ref(?:erendum)?|suggested for closure|closed|pending|under (?:discussion|consideration)|for (?:discussion|consideration))$/;

/** Whether `inner` (the words between the brackets) is a status tag. */
export const isStatusTag = (inner: string): boolean =>
  TAG.test(
    inner
      .toLowerCase()
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/\.$/, '')
      .replace(/\s*\.\s*$/, ''),
  );

// A bracket at the very start or end, with the markers an importer may leave around it
// (private-use characters standing for footnote references) allowed after it.
const LEADING = /^\s*\[([^[\]]{1,60})\]\s*/;
const TRAILING = /\s*\[([^[\]]{1,60})\]((?:\s|[\uE000\uE002][^\uE001]*\uE001)*)$/;

/**
 * Takes the status tags off the start and end of `text`, in source order. What is left is
 * the text without them (anything else, brackets included, untouched); `tags` hold each tag's
 * words as written, trimmed.
 */
export const takeTags = (text: string): { text: string; tags: string[] } => {
  if (!text.includes('[')) return { text, tags: [] };
  const before: string[] = [];
  const after: string[] = [];
  let t = text;
  for (let m = LEADING.exec(t); m && isStatusTag(m[1] as string); m = LEADING.exec(t)) {
    before.push((m[1] as string).trim());
    t = t.slice(m[0].length);
  }
  for (let m = TRAILING.exec(t); m && isStatusTag(m[1] as string); m = TRAILING.exec(t)) {
    after.unshift((m[1] as string).trim());
    t = t.slice(0, m.index) + (m[2] as string);
  }
  return { text: t, tags: [...before, ...after] };
};

/** Tags as they are written after a text: `[agreed] [ad ref]`; `''` for none. */
export const formatTags = (tags: readonly string[] | undefined): string =>
  tags && tags.length > 0 ? tags.map((t) => `[${t}]`).join(' ') : '';

/** `text` followed by its tags (`Text. [agreed]`), or `text` alone when there are none. */
export const withTags = (text: string, tags: readonly string[] | undefined): string => {
  const t = formatTags(tags);
  if (t === '') return text;
  return text === '' ? t : `${text} ${t}`;
};

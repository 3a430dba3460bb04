/**
 * What a proponent writes around the action, sorted into a proposal's `summary` (a heading:
 * `Add reference to digital dignity`) and `rationale` (why: `the estimate is superseded by the
 * 2024 figures`). Reasons written after the action (`→ Delete (the estimate is superseded …)`,
 * `→ *Insert HRDD by default*`) belong to the rationale, which the comparison table shows.
 */

// Words that only name an action; a phrase made of nothing else gives no reason.
const ACTION_WORDS =
  /^(?:amend|expand|modify|revise|reword|replace|strengthen|update|edit|rephrase|redraft|insert|new|add|append|keep|retain|maintain|support|preserve|delete|strike|remove|drop|move|relocate|transfer|alternative|alt|and|but|&|\+|\/|then|as|drafted|is|text|wording|paragraph|para)$/i;

/** True when `phrase` only names an action (`Amend & expand`, `Keep but strengthen`, `Delete`). */
export const isBareAction = (phrase: string): boolean =>
  phrase
    .replace(/[.:;,]+/g, ' ')
    .split(/\s+/)
    .filter((w) => w !== '')
    .every((w) => ACTION_WORDS.test(w));

/**
 * Splits an action phrase into the action and a reason written after it:
 * `Delete (the estimate is superseded)` → `Delete` + `the estimate is superseded`;
 * `Delete – superseded`, `Delete, as it is superseded`, `Delete. It is superseded.` likewise.
 */
export const splitPhrase = (phrase: string): { action: string; reason: string } => {
  const paren = /^([^()]+?)\s*\((.+)\)\s*[.;]?$/.exec(phrase);
  if (paren) return { action: (paren[1] ?? '').trim(), reason: (paren[2] ?? '').trim() };
  const dash = /^(.+?)\s+[–—-]\s+(.+)$/.exec(phrase);
  if (dash) return { action: (dash[1] ?? '').trim(), reason: (dash[2] ?? '').trim() };
  // `Delete, as …` needs its comma: `keep as rights-focused baseline` is one phrase.
  const because = /^(.+?)(?:,\s+(as\s+.+)|,?\s+((?:because|since|given that)\s+.+))$/i.exec(phrase);
  if (because && isBareAction(because[1] ?? ''))
    return { action: (because[1] ?? '').trim(), reason: (because[2] ?? because[3] ?? '').trim() };
  const sentence = /^(.+?)\.\s+(\S.+)$/.exec(phrase);
  if (sentence) return { action: (sentence[1] ?? '').trim(), reason: (sentence[2] ?? '').trim() };
  return { action: phrase.trim(), reason: '' };
};

/** True when `s` reads as a heading (short, one sentence) rather than an argument. */
export const isHeadingLike = (s: string): boolean => {
  const t = s.trim().replace(/[.:;]$/, '');
  return t !== '' && t.split(/\s+/).length <= 15 && !/[.;!?]\s/.test(t);
};

/**
 * Joins the parts of a rationale into sentences: each part but the last gets a full stop when
 * it has no closing mark, so that `Insert future safeguard` + `It goes beyond …` reads
 * `Insert future safeguard. It goes beyond …`. One part is returned as written.
 */
export const sentences = (parts: readonly string[]): string => {
  const kept = parts.map((p) => p.trim()).filter((p) => p !== '');
  return kept.map((p, i) => (i < kept.length - 1 && !/[.!?…)”"]$/.test(p) ? `${p}.` : p)).join(' ');
};

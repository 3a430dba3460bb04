import type { Proposal } from './model';

/**
 * The full text a paragraph (or point) would have after a proposal.
 *
 * By action: `amend`, `alternative`, `insert` → the proposal's text; `delete` → `''`;
 * `retain`, `move` → the current text unchanged. A text in `append` mode is added after the
 * current text with one space between; when it continues the sentence (it opens with a small
 * letter or with `,` `;` `:` `(` `–`) and the current text ends with a full stop, it goes inside
 * the sentence, before that full stop (`"…the IRTF."` + `"including the IETF"` →
 * `"…the IRTF including the IETF."`), as delegations mean it.
 *
 * Negotiators quote only the part of a paragraph they change and mark the rest with an
 * ellipsis (`...`, `…`, `[...]`). The rules, applied to a replacing text:
 *
 * 1. **Leading ellipsis** (`"...We strengthen the role of OHCHR …"`): the quotation continues
 *    the current text, so it is appended, exactly as `append` mode.
 * 2. **Ellipsis in the middle** (`"We reaffirm that human rights are central ... Digital
 *    transformation must centre human digital dignity, …"`): when the part before the ellipsis
 *    matches the start of the current text (words compared case-insensitively, ignoring
 *    punctuation, quotes and Markdown emphasis), the current text is kept and the part after
 *    the ellipsis added. If the opening words (up to four) of that part already occur in the
 *    current text after the matched start, the quotation rewrites from there: the current
 *    text is kept up to that point and the rest replaced. Otherwise the part after the
 *    ellipsis is appended at the end.
 * 3. When the start does not match (or the current text is empty, e.g. an unresolved target),
 *    the proposal's text is taken as written; an ellipsis anywhere else is kept as written.
 */
export const proposedText = (
  proposal: Pick<Proposal, 'action' | 'text' | 'textMode'>,
  currentText: string,
): string => {
  switch (proposal.action) {
    case 'delete':
      return '';
    case 'retain':
    case 'move':
      return currentText;
    case 'amend':
    case 'alternative':
    case 'insert':
      return proposal.textMode === 'append'
        ? appendTo(currentText, stripLeadingEllipsis(proposal.text))
        : replaceWith(currentText, proposal.text);
  }
};

/**
 * True when the proposal's text continues the current text rather than replacing it: `append`
 * mode, or a quotation opening with an ellipsis (rule 1 above).
 */
export const continuesText = (proposal: Pick<Proposal, 'text' | 'textMode'>): boolean =>
  proposal.textMode === 'append' || LEADING_ELLIPSIS.test(proposal.text);

// `...`, `…`, `[...]`, `(…)`.
const ELLIPSIS_MARK = '(?:\\[\\s*(?:\\.{3,}|…)\\s*\\]|\\(\\s*(?:\\.{3,}|…)\\s*\\)|\\.{3,}|…)';
// An ellipsis with the spaces around it.
const ELLIPSIS = new RegExp(`\\s*${ELLIPSIS_MARK}\\s*`, 'u');
// An ellipsis opening the text, possibly inside an opening quote or emphasis.
const LEADING_ELLIPSIS = new RegExp(`^[\\s"“”'‘’*_]*${ELLIPSIS_MARK}\\s*`, 'u');

const stripLeadingEllipsis = (text: string): string => text.replace(LEADING_ELLIPSIS, '');

// The current text's closing full stop (not an ellipsis), and an addition that continues the
// sentence: opening with a small letter (after any emphasis or quote) or with , ; : ( – —.
const FINAL_STOP = /(?<![.…])\.$/u;
const CONTINUES_SENTENCE = /^[*_"“‘']*(?:\p{Ll}|[,;:(–—])/u;

const appendTo = (current: string, addition: string): string => {
  const a = current.trimEnd();
  const b = addition.trim();
  if (a === '') return b;
  if (b === '') return a;
  if (FINAL_STOP.test(a) && CONTINUES_SENTENCE.test(b)) {
    // "…IRTF." + "including the IETF" → "…IRTF including the IETF.": the words go inside the
    // sentence, before its full stop, as delegations mean them.
    const inside = b.replace(FINAL_STOP, '');
    return `${a.slice(0, -1)}${/^[,;:]/u.test(inside) ? '' : ' '}${inside}.`;
  }
  return `${a} ${b}`;
};

const WORD = /[\p{L}\p{N}]+/gu;
const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

// A pattern for `words` in sequence, whatever punctuation, quotes or emphasis lie between them.
const wordsPattern = (words: readonly string[]): string => words.map(escapeRegExp).join('[^\\p{L}\\p{N}]+');

const replaceWith = (current: string, text: string): string => {
  if (LEADING_ELLIPSIS.test(text)) return appendTo(current, stripLeadingEllipsis(text));
  const m = ELLIPSIS.exec(text);
  if (m === null || current.trim() === '') return text;
  const head = text.slice(0, m.index);
  const tail = text.slice(m.index + m[0].length).trim();
  const headWords = head.match(WORD) ?? [];
  if (headWords.length === 0 || tail === '') return text;
  const start = new RegExp(`^[^\\p{L}\\p{N}]*${wordsPattern(headWords)}`, 'iu').exec(current);
  if (start === null) return text;
  const rest = current.slice(start[0].length);
  const tailWords = (tail.match(WORD) ?? []).slice(0, 4);
  if (tailWords.length > 0) {
    const again = new RegExp(`(?<![\\p{L}\\p{N}])${wordsPattern(tailWords)}(?![\\p{L}\\p{N}])`, 'iu').exec(
      rest,
    );
    if (again !== null) {
      // The current text up to the rewritten words stays; from there on the quotation rules.
      const cut = start[0].length + again.index;
      return `${current.slice(0, cut).trimEnd()} ${tail}`.trimStart();
    }
  }
  return appendTo(current, tail);
};

/**
 * The Markdown side of the text import: `#` headings (`# I. Introduction`), numbered list items
 * as paragraphs, `- (a)` or `(a)` points, `[^3]` footnotes with `[^3]: …` definitions, and inline
 * markup (`**bold**`, `_em_`, `` `code` ``, links) reduced to plain text.
 */

import { headingStart, isChapeau, type LineKind, paragraphStart, pointStart } from './blocks';
import { define, type FootnoteDefinitions, refMarker } from './footnotes';
import type { SourceLine } from './lines';

const ATX = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const DEFINITION = /^ {0,3}\[\^([^\]\s]+)\]:\s?(.*)$/;
const RULE = /^ {0,3}(?:(?:-\s*){3,}|(?:\*\s*){3,}|(?:_\s*){3,}|=+|`{3,}.*|~{3,}.*)$/;

/**
 * Reads Markdown lines into classified lines, collecting footnote definitions into `defs`.
 * A definition continues on following lines indented by two spaces or a tab.
 */
export const classifyMarkdown = (
  lines: readonly SourceLine[],
  defs: FootnoteDefinitions,
  fileName: string | undefined,
): LineKind[] => {
  const rest: SourceLine[] = [];
  let open: { mark: string; line: number; text: string } | null = null;
  const close = (): void => {
    if (open) define(defs, open.mark, open.text, open.line, fileName);
    open = null;
  };
  for (const l of lines) {
    const d = DEFINITION.exec(l.text);
    if (d) {
      close();
      open = { mark: d[1] as string, line: l.line, text: stripInline(d[2] as string) };
      rest.push({ line: l.line, text: '' });
    } else if (open && /^(?: {2}|\t)/.test(l.text) && l.text.trim() !== '') {
      open.text += ` ${stripInline(l.text.trim())}`;
      rest.push({ line: l.line, text: '' });
    } else {
      close();
      rest.push(l);
    }
  }
  close();
  return rest.map((l) => classifyMarkdownLine(l, defs));
};

const classifyMarkdownLine = ({ line, text }: SourceLine, defs: FootnoteDefinitions): LineKind => {
  if (text.trim() === '' || RULE.test(text)) return { kind: 'blank', line };
  const h = ATX.exec(text);
  if (h) {
    const level = (h[1] as string).length;
    const title = inline(h[2] as string, defs);
    const numbered = headingStart(title);
    if (numbered) return { kind: 'heading', line, level, ...numbered, style: 'letter' };
    const digits = /^(\d{1,3}(?:\.\d{1,2})*)[.)]?\s+(\S.*)$/.exec(title);
    if (digits)
      return {
        kind: 'heading',
        line,
        level,
        number: digits[1] as string,
        title: digits[2] as string,
        style: 'number',
      };
    if (isChapeau(title))
      return { kind: 'heading', line, level, number: null, title, style: null, role: 'chapeau' };
    return { kind: 'heading', line, level, number: null, title, style: null };
  }
  // Block quotes and bullets only wrap the content; the label inside decides what the line is.
  let s = text.replace(/^(?:\s*>)+\s?/, '').trim();
  const bullet = /^[-*+]\s+/.exec(s);
  if (bullet) s = s.slice(bullet[0].length);
  s = inline(s, defs);
  if (!bullet && isChapeau(s))
    return { kind: 'heading', line, level: null, number: null, title: s, style: null, role: 'chapeau' };
  const p = paragraphStart(s);
  if (p && !bullet) return { kind: 'paragraph', line, label: p.label, text: p.text, bare: p.bare };
  const marked = bullet ? null : headingStart(s);
  if (marked) return { kind: 'marked', line, mark: marked.number, text: marked.title, lead: '' };
  const pt = pointStart(s);
  if (pt) return { kind: 'point', line, label: pt.label, text: pt.text };
  return { kind: 'text', line, text: s };
};

// References become markers only when their definition exists; otherwise they stay as written,
// the way a Markdown renderer shows an undefined footnote.
const inline = (s: string, defs: FootnoteDefinitions): string =>
  stripInline(s.replace(/\[\^([^\]\s]+)\]/g, (m, mark: string) => (defs.has(mark) ? refMarker(mark) : m)));

/** Inline Markdown reduced to its plain text: emphasis, code, links, images, tags, escapes. */
export const stripInline = (s: string): string => {
  // Escaped characters are parked as private-use code points so no rule below can eat them.
  let t = s.replace(/\\([\\`*_{}[\]()#+\-.!>~|])/g, (_m, c: string) =>
    String.fromCharCode(0xf000 + c.charCodeAt(0)),
  );
  t = t
    .replace(/`([^`]*)`/g, '$1')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]^][^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<((?:https?|mailto):[^>\s]+)>/g, '$1')
    .replace(/<\/?[A-Za-z][^>]*>/g, '')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    .replace(/(^|[^\w*])\*(?=\S)([^*]*?\S)\*(?![\w*])/g, '$1$2')
    .replace(/(^|[^\w])_(?=\S)([^_]*?\S)_(?!\w)/g, '$1$2');
  return t.replace(/[\uF000-\uF0FF]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xf000));
};

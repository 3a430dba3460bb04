/**
 * Inline Markdown as written proposals use it: `**bold**`, `*italic*`, `[text](url)`.
 * Proposed text keeps the words and drops the marks, because a negotiation text carries no emphasis.
 */

/** Removes inline Markdown marks (bold, italic, links) and collapses runs of spaces. */
export const stripInline = (s: string): string =>
  // Most lines carry no marks: skip the replacements for them (the import calls this per line).
  !/[*_[]|[ \t]{2}|\t/.test(s)
    ? s.trim()
    : s
        .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/\*\*(.+?)\*\*/g, '$1')
        .replace(/__(.+?)__/g, '$1')
        // A single `*` pair is italics only when it hugs words; `5 * 3` stays as it is.
        .replace(/(^|[^\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])/g, '$1$2')
        .replace(/\*\*/g, '')
        .replace(/[ \t]{2,}|\t/g, ' ')
        .trim();

/** Drops one trailing sentence mark (`.`, `:`, `;`) from a heading-like phrase. */
export const dropTrailingMark = (s: string): string => s.replace(/\s*[.:;]\s*$/, '').trim();

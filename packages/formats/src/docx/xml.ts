/**
 * A small, strict XML reader for the parts of a .docx, and the escaping the writer needs.
 *
 * It reads elements, attributes, text, CDATA, comments and processing instructions, and the five
 * predefined entities plus character references. It refuses any document type declaration
 * (`<!DOCTYPE`, and with it every `<!ENTITY`): OOXML never needs one, and refusing it outright is
 * what keeps external entities and entity-expansion bombs out. Namespaces are not resolved:
 * names keep their prefix (`w:p`), which is how every Word-compatible writer spells them.
 */

import { BisInputError } from '@bis/core';

/** An element: its qualified name, attributes and children (elements and text, in order). */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlNode[];
}

/** A node of the tree: an element or a piece of text. */
export type XmlNode = XmlElement | string;

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

// The deepest nesting accepted; real documents stay far below it, and the limit keeps a
// hostile file from exhausting the stack of callers that walk the tree recursively.
const MAX_DEPTH = 256;

const decode = (s: string, where: string): string =>
  s.indexOf('&') < 0
    ? s
    : s.replace(/&([^;&\s]{1,10});/g, (whole, name: string) => {
        if (name.startsWith('#')) {
          const code =
            name[1] === 'x' ? Number.parseInt(name.slice(2), 16) : Number.parseInt(name.slice(1), 10);
          if (!Number.isFinite(code) || code < 0 || code > 0x10ffff)
            throw new BisInputError(`bad character reference ${whole}`, where, whole);
          return String.fromCodePoint(code);
        }
        const v = PREDEFINED[name];
        if (v === undefined) throw new BisInputError(`undeclared entity ${whole}`, where, whole);
        return v;
      });

const NAME = /[^\s/>=]+/y;
const ATTR = /\s*([^\s/>=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/y;

/**
 * Parses an XML document into its root element. `where` names the part in error messages
 * (`word/document.xml`). Throws `BisInputError` for a DOCTYPE or entity declaration, an
 * undeclared entity, mismatched or unclosed tags, and nesting deeper than 256.
 */
export const parseXml = (source: string, where: string): XmlElement => {
  const root: { name: string; attrs: Record<string, string>; children: XmlNode[] } = {
    name: '#document',
    attrs: {},
    children: [],
  };
  const stack: { name: string; attrs: Record<string, string>; children: XmlNode[] }[] = [root];
  let i = 0;
  const n = source.length;
  const fail = (message: string): never => {
    throw new BisInputError(`${message} (at character ${i})`, where);
  };
  while (i < n) {
    const lt = source.indexOf('<', i);
    const top = stack[stack.length - 1] as (typeof stack)[number];
    if (lt < 0 || lt > i) {
      const end = lt < 0 ? n : lt;
      const text = source.slice(i, end);
      if (stack.length > 1) top.children.push(decode(text, where));
      else if (text.trim() !== '') fail('text outside the root element');
      i = end;
      continue;
    }
    if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i + 4);
      if (end < 0) fail('unclosed comment');
      i = end + 3;
    } else if (source.startsWith('<![CDATA[', i)) {
      const end = source.indexOf(']]>', i + 9);
      if (end < 0) fail('unclosed CDATA section');
      top.children.push(source.slice(i + 9, end));
      i = end + 3;
    } else if (source.startsWith('<!', i)) {
      // <!DOCTYPE …> and <!ENTITY …>: the doors to external entities and entity expansion.
      fail('a document type declaration (<!DOCTYPE> or <!ENTITY>) is not allowed in a .docx part');
    } else if (source.startsWith('<?', i)) {
      const end = source.indexOf('?>', i + 2);
      if (end < 0) fail('unclosed processing instruction');
      i = end + 2;
    } else if (source.startsWith('</', i)) {
      const end = source.indexOf('>', i + 2);
      if (end < 0) fail('unclosed end tag');
      const name = source.slice(i + 2, end).trim();
      if (stack.length === 1 || top.name !== name) fail(`end tag </${name}> does not match <${top.name}>`);
      stack.pop();
      i = end + 1;
    } else {
      NAME.lastIndex = i + 1;
      const m = NAME.exec(source);
      if (!m) fail('bad start tag');
      const name = (m as RegExpExecArray)[0];
      let j = NAME.lastIndex;
      const attrs: Record<string, string> = {};
      for (;;) {
        ATTR.lastIndex = j;
        const a = ATTR.exec(source);
        if (!a) break;
        attrs[a[1] as string] = decode(a[2] ?? a[3] ?? '', where);
        j = ATTR.lastIndex;
      }
      while (j < n && /\s/.test(source[j] as string)) j++;
      const el = { name, attrs, children: [] as XmlNode[] };
      if (stack.length === 1 && root.children.length > 0) fail('more than one root element');
      top.children.push(el);
      if (source.startsWith('/>', j)) i = j + 2;
      else if (source[j] === '>') {
        i = j + 1;
        stack.push(el);
        if (stack.length > MAX_DEPTH) fail(`elements nested deeper than ${MAX_DEPTH}`);
      } else fail(`bad start tag <${name}>`);
    }
  }
  if (stack.length > 1) fail(`unclosed element <${(stack[stack.length - 1] as XmlElement).name}>`);
  const first = root.children.find((c): c is XmlElement => typeof c !== 'string');
  if (!first) throw new BisInputError('no root element', where);
  return first;
};

/** The child elements of `el` named `name` (all child elements when `name` is omitted). */
export const childrenOf = (el: XmlElement, name?: string): XmlElement[] =>
  el.children.filter(
    (c): c is XmlElement => typeof c !== 'string' && (name === undefined || c.name === name),
  );

/** The first child element named `name`, or undefined. */
export const childOf = (el: XmlElement, name: string): XmlElement | undefined =>
  el.children.find((c): c is XmlElement => typeof c !== 'string' && c.name === name);

/** The concatenated text directly and indirectly inside `el`. */
export const textOf = (el: XmlElement): string =>
  el.children.map((c) => (typeof c === 'string' ? c : textOf(c))).join('');

/** Escapes text for XML element content and double-quoted attribute values. */
export const escapeXml = (s: string): string =>
  // Characters XML 1.0 forbids (most C0 controls, lone surrogates aside) are dropped.
  s
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching the control characters XML forbids is the point.
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
    .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);

import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importDocxProposals, importDocxText, parseXml } from '../index';

const enc = (s: string) => new TextEncoder().encode(s);
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const TYPES =
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const body = (xml: string) => `<?xml version="1.0"?><w:document ${W}><w:body>${xml}</w:body></w:document>`;
const para = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;

const docx = (parts: Record<string, string | Uint8Array>): Uint8Array =>
  zipSync(
    Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, typeof v === 'string' ? enc(v) : v])),
    { level: 9, mtime: new Date(Date.UTC(2000, 0, 1)) },
  );

const good = () =>
  docx({ '[Content_Types].xml': TYPES, 'word/document.xml': body(para('1. One paragraph.')) });

// Rewrites the sizes or flags a central-directory entry (and its local header) declares.
const patchEntry = (zip: Uint8Array, name: string, patch: { size?: number; flags?: number }): Uint8Array => {
  const b = new Uint8Array(zip);
  const view = new DataView(b.buffer);
  let eocd = b.length - 22;
  while (view.getUint32(eocd, true) !== 0x06054b50) eocd--;
  let o = view.getUint32(eocd + 16, true);
  for (let k = 0; k < view.getUint16(eocd + 10, true); k++) {
    const nameLen = view.getUint16(o + 28, true);
    const entry = new TextDecoder().decode(b.subarray(o + 46, o + 46 + nameLen));
    const local = view.getUint32(o + 42, true);
    if (entry === name) {
      if (patch.size !== undefined) {
        view.setUint32(o + 24, patch.size, true);
        view.setUint32(local + 22, patch.size, true);
      }
      if (patch.flags !== undefined) {
        view.setUint16(o + 8, patch.flags, true);
        view.setUint16(local + 6, patch.flags, true);
      }
    }
    o += 46 + nameLen + view.getUint16(o + 30, true) + view.getUint16(o + 32, true);
  }
  return b;
};

const refused = (bytes: Uint8Array, pattern: RegExp, limits = {}) => {
  expect(() => importDocxText(bytes, { fileName: 'hostile.docx', limits })).toThrow(pattern);
  expect(() => importDocxProposals(bytes, { party: 'Chile', fileName: 'hostile.docx', limits })).toThrow(
    pattern,
  );
};

describe('hostile and broken .docx files', () => {
  it('reads a well-formed minimal package (the baseline the others break)', () => {
    expect(importDocxText(good()).blocks).toHaveLength(1);
  });

  it('refuses a file that is not a zip', () => {
    refused(
      enc('1. This is plain text pretending to be Word.'),
      /hostile\.docx: not a \.docx file .*nothing was imported/,
    );
    refused(enc('%PDF-1.7 …'.repeat(10)), /not a \.docx file/);
  });

  it('refuses a zip that is not a Word document', () => {
    refused(docx({ 'hello.txt': 'hi' }), /no \[Content_Types\]\.xml/);
    refused(docx({ '[Content_Types].xml': TYPES, 'word/other.xml': '<a/>' }), /not a Word document/);
  });

  it('refuses a zip bomb by its declared compression ratio', () => {
    const bomb = docx({
      '[Content_Types].xml': TYPES,
      'word/document.xml': body(' '.repeat(8 * 1024 * 1024)),
    });
    expect(bomb.length).toBeLessThan(100_000);
    refused(bomb, /word\/document\.xml declares a compression ratio of \d+:1 \(limit 200:1\): a zip bomb/);
    // The limits are the caller's: with a higher ratio allowed, the same file gets as far as its text.
    expect(() => importDocxText(bomb, { limits: { maxRatio: 100_000 } })).toThrow(/the file is empty/);
  });

  it('refuses a part that inflates past the size it declares', () => {
    const big = docx({ '[Content_Types].xml': TYPES, 'word/document.xml': body(para('1. x'.repeat(2000))) });
    refused(patchEntry(big, 'word/document.xml', { size: 500 }), /inflates past the 500 bytes it declares/);
  });

  it('refuses declared sizes over the part and total limits', () => {
    refused(
      patchEntry(good(), 'word/document.xml', { size: 100 * 1024 * 1024 }),
      /declares 104857600 bytes uncompressed, over the limit/,
    );
    refused(good(), /over \d+ bytes uncompressed in all/, { maxTotalBytes: 100 });
  });

  it('refuses an oversized file, with the limit configurable', () => {
    refused(good(), /the file is \d+ bytes, over the limit of 100/, { maxFileBytes: 100 });
  });

  it('refuses XML with a DOCTYPE: external entities and entity expansion', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document ${W}><w:body>${para('1. &xxe;')}</w:body></w:document>`;
    refused(
      docx({ '[Content_Types].xml': TYPES, 'word/document.xml': xxe }),
      /word\/document\.xml: a document type declaration .* is not allowed/,
    );
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]><w:document ${W}><w:body>${para('1. &lol2;')}</w:body></w:document>`;
    refused(docx({ '[Content_Types].xml': TYPES, 'word/document.xml': laughs }), /document type declaration/);
    refused(
      docx({ '[Content_Types].xml': TYPES, 'word/document.xml': body(para('1. &xxe;')) }),
      /undeclared entity &xxe;/,
    );
  });

  it('refuses macro-enabled documents', () => {
    refused(
      docx({
        '[Content_Types].xml': TYPES,
        'word/document.xml': body(para('1. Hi.')),
        'word/vbaProject.bin': new Uint8Array([1, 2, 3]),
      }),
      /contains macros/,
    );
    const docm = TYPES.replace('document.main+xml', 'document.macroEnabled.main+xml').replace(
      'wordprocessingml.document.macroEnabled',
      'ms-word.document.macroEnabled',
    );
    refused(
      docx({ '[Content_Types].xml': docm, 'word/document.xml': body(para('1. Hi.')) }),
      /macro-enabled/,
    );
  });

  it('refuses encrypted parts and broken XML', () => {
    refused(patchEntry(good(), 'word/document.xml', { flags: 1 }), /part word\/document\.xml is encrypted/);
    refused(
      docx({ '[Content_Types].xml': TYPES, 'word/document.xml': body('<w:p><w:r></w:p>') }),
      /end tag <\/w:p> does not match <w:r>/,
    );
    refused(
      docx({ '[Content_Types].xml': TYPES, 'word/document.xml': `<a>${'<b>'.repeat(300)}` }),
      /nested deeper than 256/,
    );
  });
});

describe('parseXml', () => {
  it('reads elements, attributes, the predefined entities, character references and CDATA', () => {
    const root = parseXml(
      `<?xml version="1.0"?><!-- c --><a x="1 &amp; 2" y='q'><b>&lt;&#233;&#x20AC;&gt;</b><![CDATA[<raw>]]><c/></a>`,
      't.xml',
    );
    expect(root).toEqual({
      name: 'a',
      attrs: { x: '1 & 2', y: 'q' },
      children: [
        { name: 'b', attrs: {}, children: ['<é€>'] },
        '<raw>',
        { name: 'c', attrs: {}, children: [] },
      ],
    });
  });

  it('refuses unclosed elements and a second root', () => {
    expect(() => parseXml('<a><b></b>', 't.xml')).toThrow(/t\.xml: unclosed element <a>/);
    expect(() => parseXml('<a/><b/>', 't.xml')).toThrow(/more than one root element/);
  });
});

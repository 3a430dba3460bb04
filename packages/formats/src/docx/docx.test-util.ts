/**
 * Test helpers: fixtures as documents, a synthetic base for the AU amendments, and a reader of
 * a .docx's `word/document.xml` that is independent of the importer (plain fflate + parseXml).
 */

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { BisDocument } from '@bis/core';
import { unzipSync } from 'fflate';
import { importText } from '../text-import/index';
import { childrenOf, parseXml, textOf, type XmlElement } from './xml';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

/** Reads a fixture file as text. */
export const fixture = (name: string): string => readFileSync(`${root}fixtures/${name}`, 'utf8');

/** The OHCHR report (seed 004) imported as a document. */
export const ohchrDocument = (): BisDocument =>
  importText(fixture('ohchr-standard-setting-report.txt'), { fileName: 'ohchr-standard-setting-report.txt' });

/**
 * A small synthetic base with paragraphs 77 … 135, so that the AU amendments resolve. The real
 * WSIS+20 zero draft they were written against is not among the fixtures.
 */
export const syntheticWsisBase = (): BisDocument => {
  const lines = ['Synthetic WSIS+20 base text', '', 'I. Human rights and the information society', ''];
  for (let n = 77; n <= 135; n++) {
    lines.push(
      `${n}. We reaffirm that human rights are central to the information society (synthetic paragraph ${n}).`,
      '',
    );
  }
  return importText(lines.join('\n'), {
    fileName: 'synthetic-base.txt',
    title: 'Synthetic WSIS+20 base text',
  });
};

/** The value, or a failed test when it is missing. */
export const must = <T>(value: T | undefined | null): T => {
  if (value === undefined || value === null) throw new Error('expected a value');
  return value;
};

/** Unzips a .docx and parses one part. */
export const docxPart = (bytes: Uint8Array, name: string): XmlElement => {
  const files = unzipSync(bytes);
  const part = files[name];
  if (!part) throw new Error(`no ${name} in the package`);
  return parseXml(new TextDecoder().decode(part), name);
};

/** All elements named `name` under `el`, depth first. */
export const findAll = (el: XmlElement, name: string): XmlElement[] => {
  const out: XmlElement[] = [];
  const walk = (e: XmlElement) => {
    for (const c of childrenOf(e)) {
      if (c.name === name) out.push(c);
      walk(c);
    }
  };
  walk(el);
  return out;
};

/** A tracked change found in the XML: its kind, author, date and text. */
export interface FoundChange {
  readonly kind: 'ins' | 'del';
  readonly author: string;
  readonly date: string | undefined;
  readonly text: string;
}

/** The tracked changes (`w:ins`/`w:del` around runs) under `el`, in document order. */
export const trackedChanges = (el: XmlElement): FoundChange[] => {
  const out: FoundChange[] = [];
  const walk = (e: XmlElement) => {
    for (const c of childrenOf(e)) {
      if ((c.name === 'w:ins' || c.name === 'w:del') && childrenOf(c, 'w:r').length > 0) {
        out.push({
          kind: c.name === 'w:ins' ? 'ins' : 'del',
          author: c.attrs['w:author'] ?? '',
          date: c.attrs['w:date'],
          // w:br inside a change stands for a line break of the text.
          text: findAll(c, 'w:r')
            .flatMap((r) =>
              childrenOf(r).map((x) => (x.name === 'w:br' ? '\n' : x.name === 'w:tab' ? '\t' : textOf(x))),
            )
            .join(''),
        });
      } else walk(c);
    }
  };
  walk(el);
  return out;
};

import { readFileSync } from 'node:fs';
import type { BisDocument } from '@bis/core';
import { describe, expect, it } from 'vitest';
import { exportView, importText, importTextWithNotes } from '../index';

const fixture = (path: string): string =>
  readFileSync(new URL(`../../../../fixtures/${path}`, import.meta.url), 'utf8');

const asText = async (doc: BisDocument): Promise<string> => {
  const file = await exportView('revision', 'txt', { document: doc, proposals: [] });
  expect(file.mediaType).toBe('text/plain; charset=utf-8');
  return file.data as string;
};

// A small seeded generator (mulberry32), so that a failing case can be replayed from its seed.
const rng = (seed: number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

const OPENERS = [
  'Recalling',
  'Reaffirming',
  'Welcoming',
  'Noting with concern',
  'Recognizing',
  'Deeply concerned',
];
const VERBS = ['Decides', 'Requests', 'Encourages', 'Invites', 'Urges', 'Calls upon'];
const WORDS = [
  'the Secretary-General',
  'all States',
  'relevant stakeholders',
  'the secretariat',
  'Member States',
];
const TAGS = ['agreed', 'ad ref', 'Suggested for Closure', 'Preliminarily Agreed'];
const SECTIONS = ['Financing', 'Capacity development', 'Follow-up and review', 'Human rights online'];

/** A random negotiating text written the way delegations write one. */
const randomText = (seed: number): string => {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const out = [
    'Draft outcome document on digital cooperation',
    '',
    `A/${78 + Math.floor(r() * 3)}/L.${1 + Math.floor(r() * 90)}`,
    '',
  ];
  let note = 0;
  const clause = (): string => {
    let s = `${pick(WORDS)} to ${pick(['act', 'report', 'cooperate', 'consider the matter'])}`;
    if (r() < 0.3) s = `${s.replace('to ', `[to ${pick(['[urgently] ', ''])}`)}]`;
    if (r() < 0.15) s += ` by {${pick(['X', 'date'])}}`;
    if (r() < 0.2) s += ` [Option 1: ${pick(WORDS)} Option 2: ${pick(WORDS)}]`;
    return s;
  };
  const footnote = (): string => (r() < 0.15 ? `[footnoteRef:${++note}]` : '');
  const style = pick(['lettered', 'unnumbered', 'numbered'] as const);
  if (style === 'unnumbered') {
    out.push('The General Assembly,', '');
    const n = 1 + Math.floor(r() * 5);
    for (let i = 0; i < n; i++) out.push(`${pick(OPENERS)} ${clause()},`, '');
  } else if (style === 'lettered') {
    out.push('Preamble', '');
    const n = 1 + Math.floor(r() * 5);
    for (let i = 0; i < n; i++) out.push(`${String.fromCharCode(65 + i)}. ${pick(OPENERS)} ${clause()},`, '');
  }
  const numberedSections = r() < 0.5;
  let n = 0;
  const sections = 1 + Math.floor(r() * 3);
  for (let s = 1; s <= sections; s++) {
    if (numberedSections) out.push(`${s}. ${pick(SECTIONS)}`, '');
    else out.push(`${['I', 'II', 'III'][s - 1]}. ${pick(SECTIONS)}`, '');
    if (r() < 0.4) out.push(`${numberedSections ? `${s}.1` : 'A.'} ${pick(SECTIONS)}`, '');
    const count = 1 + Math.floor(r() * 6);
    for (let k = 0; k < count; k++) {
      n++;
      const tag = r() < 0.25 ? ` [${pick(TAGS)}]` : '';
      const fn = footnote();
      const def = fn ? ` [${note}: See document A/78/${note}.]` : '';
      if (r() < 0.25) {
        out.push(`${n}. ${pick(VERBS)}${fn}:${def}`, `(a) ${clause()};`, `(b) ${clause()};${tag}`, '');
      } else out.push(`${n}. ${pick(VERBS)} ${clause()};${fn}${tag}${def}`, '');
      if (r() < 0.15) out.push(`${n} bis. ${pick(VERBS)} ${clause()};`, '');
      if (r() < 0.1) out.push(`${n} alt. ${pick(VERBS)} ${clause()};`, '');
    }
  }
  return out.join('\n');
};

describe('revision export as text', () => {
  it('imports back as the same document, for every fixture text', async () => {
    for (const name of [
      'texts/ga-resolution-pdf-copy.txt',
      'texts/wsis20-zero-draft.txt',
      'texts/unfccc-negotiating-text.txt',
      'ohchr-standard-setting-report.txt',
      'revisions/ohchr-passage-zero.txt',
    ]) {
      const doc = importText(fixture(name));
      const back = importText(await asText(doc));
      expect(back, name).toEqual(doc);
    }
  });

  it('writes labels as printed, tags after the last words, brackets as written', async () => {
    const text = await asText(importText(fixture('texts/unfccc-negotiating-text.txt')));
    expect(text).toContain(
      '\nRecalling [the [ultimate] objective] of the Convention as set out in its Article 2,\n',
    );
    expect(text).toContain(
      '\n1. Adopts the framework for the global goal on adaptation contained in the annex; [agreed]\n',
    );
    expect(text).toContain('\n6 bis A. Requests the secretariat');
    expect(text).toContain('\nChapter A: Framework for the global goal on adaptation\n');
    const zero = await asText(importText(fixture('texts/wsis20-zero-draft.txt')));
    expect(zero).toContain('\nB bis. Recalling also the Global Digital Compact');
    expect(zero).toContain('\n2.1 Financing\n');
  });

  it('writes Markdown and HTML with printed labels and tags, and the Markdown reads back to the same paragraphs', async () => {
    for (const name of [
      'texts/ga-resolution-pdf-copy.txt',
      'texts/wsis20-zero-draft.txt',
      'texts/unfccc-negotiating-text.txt',
    ]) {
      const doc = importText(fixture(name));
      const md = (await exportView('revision', 'md', { document: doc, proposals: [] })).data as string;
      const back = importText(md, { format: 'markdown' });
      const shape = (d: BisDocument) =>
        d.blocks.flatMap((b) =>
          b.kind === 'paragraph'
            ? [[b.label, b.labelStyle ?? null, b.text, b.tags ?? [], b.points.length]]
            : [],
        );
      expect(shape(back), name).toEqual(shape(doc));
    }
    const html = (
      await exportView('revision', 'html', {
        document: importText(fixture('texts/wsis20-zero-draft.txt')),
        proposals: [],
      })
    ).data as string;
    expect(html).toContain('data-label="PP2 bis"><p><span class="label">B bis.</span> Recalling also');
    expect(html).toContain('<p class="chapeau"><em>The General Assembly,</em></p>');
  });

  it('property: import → export as text → import gives the same document (200 random texts)', async () => {
    for (let seed = 1; seed <= 200; seed++) {
      const source = randomText(seed);
      const first = importTextWithNotes(source);
      const back = importText(await asText(first.document));
      expect(back, `seed ${seed}:\n${source}`).toEqual(first.document);
    }
  });
});

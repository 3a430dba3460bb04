import { readFileSync } from 'node:fs';
import { type BisDocument, documentFromJSON, documentToJSON, type Heading, type Paragraph } from '@bis/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { importText } from '../index';

// The OHCHR report on technical standard-setting and human rights (seed 004), as Word exported it.
const FIXTURE = new URL('../../../../fixtures/ohchr-standard-setting-report.txt', import.meta.url);

let doc: BisDocument;
let paragraphs: Paragraph[];
const para = (label: string): Paragraph => {
  const p = paragraphs.find((x) => x.label === label);
  if (!p) throw new Error(`no paragraph ${label}`);
  return p;
};

beforeAll(() => {
  const source = readFileSync(FIXTURE, 'utf8');
  const started = performance.now();
  doc = importText(source, { fileName: 'ohchr-standard-setting-report.txt' });
  const first = performance.now() - started;
  const warm: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    importText(source);
    warm.push(performance.now() - t);
  }
  warm.sort((a, b) => a - b);
  // Measured, not asserted: speed belongs to bench/.
  console.log(
    `OHCHR report import (${source.length} chars): first run ${first.toFixed(1)} ms, ` +
      `warm median of 5 ${warm[2]?.toFixed(1)} ms`,
  );
  paragraphs = doc.blocks.filter((b): b is Paragraph => b.kind === 'paragraph');
});

describe('importText on the OHCHR report', () => {
  it('keeps all 72 paragraphs, labelled 1 to 72 in order, with ordered keys and counter ids', () => {
    expect(paragraphs.map((p) => p.label)).toEqual(Array.from({ length: 72 }, (_, i) => String(i + 1)));
    expect(paragraphs.map((p) => p.id)).toEqual(Array.from({ length: 72 }, (_, i) => `p${i + 1}`));
    const orders = paragraphs.map((p) => p.order);
    expect([...orders].sort()).toEqual(orders);
    expect(new Set(orders).size).toBe(72);
  });

  it('finds the six chapters, their lettered sections and the two unnumbered sub-headings', () => {
    const headings = doc.blocks
      .filter((b): b is Heading => b.kind === 'heading')
      .map((h) => [h.level, h.number, h.title]);
    expect(headings).toEqual([
      [1, 'I', 'Introduction'],
      [1, 'II', 'Technical standard-setting landscape'],
      [2, 'A', 'Definition of standards'],
      [2, 'B', 'Constellation of actors in the standard-setting landscape'],
      [1, 'III', 'The relevance of technical standards for the enjoyment of human rights'],
      [2, 'A', 'Human rights impacts'],
      [2, 'B', 'Human rights obligations of States and responsibilities of other relevant actors'],
      [
        1,
        'IV',
        'Challenges to integrating human rights considerations in technical standard-setting processes',
      ],
      [2, 'A', 'Lack of expertise and capacity of SSOs and resistance to human rights integration'],
      [2, 'B', 'Transparency and participation gaps'],
      [1, 'V', 'Addressing the challenges'],
      [2, 'A', 'Standard-setting organizations'],
      [3, null, 'Human rights due diligence'],
      [3, null, 'Effective access to information and inclusive participation'],
      [2, 'B', 'Participants in standard-setting processes'],
      [1, 'VI', 'Conclusions and recommendations'],
    ]);
  });

  it('puts each heading right before the paragraph that opens its part', () => {
    const firstAfter = (title: string): string => {
      const i = doc.blocks.findIndex((b) => b.kind === 'heading' && b.title === title);
      const next = doc.blocks.slice(i + 1).find((b) => b.kind === 'paragraph');
      return next?.kind === 'paragraph' ? next.label : '';
    };
    expect(firstAfter('Introduction')).toBe('1');
    expect(firstAfter('Definition of standards')).toBe('4');
    expect(firstAfter('Constellation of actors in the standard-setting landscape')).toBe('7');
    expect(firstAfter('Transparency and participation gaps')).toBe('40');
    expect(firstAfter('Human rights due diligence')).toBe('50');
    expect(firstAfter('Effective access to information and inclusive participation')).toBe('55');
    expect(firstAfter('Conclusions and recommendations')).toBe('66');
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', id: 'h1', number: 'I' });
  });

  it('keeps the Summary prose as the preamble, not as a paragraph', () => {
    expect(doc.preamble).toMatch(
      /^Summary\n\nThe present report, submitted pursuant to Human Rights Council resolution 47\/23, analyses/,
    );
    expect(doc.preamble).toMatch(
      /effective integration of human rights considerations in technical standard-setting processes\.$/,
    );
    expect(doc.title).toBe('ohchr-standard-setting-report');
  });

  it('removes the bookmark debris before paragraph 34 and pulls its footnotes 59–63 out', () => {
    const p = para('34');
    expect(p.text.startsWith('Given the ITU’s role on technical standards processes')).toBe(true);
    expect(p.text.endsWith('mentioning particularly the role of the organs and specialized agencies.')).toBe(
      true,
    );
    expect(p.footnotes.map((f) => f.mark)).toEqual(['59', '60', '61', '62', '63']);
    expect(p.footnotes[0]?.text).toBe(
      'A/72/350, paras 18-22 regarding access to information policies at UN organizations.',
    );
    expect(p.footnotes[2]?.text).toBe(
      'https://www.itu.int/en/council/planning/Documents/ITU_Strategic_plan_2020-2023.pdf.',
    );
    // `[62: ]` and `[63: ]` are empty in the source: they stay, empty.
    expect(p.footnotes.slice(3).map((f) => f.text)).toEqual(['', '']);
    expect(p.text.slice(0, p.footnotes[0]?.offset).endsWith('(pillar 1 of the UNGPs).')).toBe(true);
  });

  it('leaves no footnote, bookmark or reference syntax in any text', () => {
    for (const p of paragraphs) {
      for (const t of [p.text, ...p.points.map((x) => x.text)]) {
        expect(t).not.toMatch(/\[(footnoteRef|bookmark)|\[\d+:|[\uE000-\uE002]/);
        expect(t).toBe(t.trim());
        expect(t).not.toMatch(/\s{2}|\t/);
      }
    }
    expect(doc.preamble).not.toMatch(/\[(footnoteRef|bookmark)/);
  });

  it('attaches all 101 footnotes (3 to 103) in order, each at the place of its reference', () => {
    const all = paragraphs.flatMap((p) => p.footnotes);
    expect(all.map((f) => f.mark)).toEqual(Array.from({ length: 101 }, (_, i) => String(i + 3)));
    for (const p of paragraphs) {
      for (const f of p.footnotes) expect(f.offset).toBeLessThanOrEqual(p.text.length);
    }
  });

  it('reads the footnotes of paragraphs 1, 5 and 68 at the end of their lines', () => {
    const p1 = para('1');
    expect(
      p1.text.startsWith('This report is submitted pursuant to Human Rights Council resolution 47/23'),
    ).toBe(true);
    expect(p1.text.endsWith('the responses received to the call for inputs issued by OHCHR.')).toBe(true);
    expect(p1.footnotes.map((f) => f.mark)).toEqual(['3', '4']);
    expect(p1.text.slice(0, p1.footnotes[0]?.offset)).toMatch(
      /expert consultation in Geneva on 15 February 2023$/,
    );
    expect(p1.text.slice(0, p1.footnotes[1]?.offset)).toMatch(/call for inputs issued by OHCHR$/);
    expect(p1.footnotes[1]?.text).toMatch(
      /^Call and responses received are available at https:\/\/www\.ohchr\.org\//,
    );

    const p5 = para('5');
    expect(p5.footnotes.map((f) => f.mark)).toEqual(['5', '6', '7', '8', '9', '10']);
    expect(p5.text.slice(0, p5.footnotes[0]?.offset)).toMatch(
      /compliance with standards is usually voluntary\.$/,
    );
    expect(p5.text.slice(p5.footnotes[0]?.offset)).toMatch(/^ Standards nevertheless regularize/);
    expect(p5.footnotes[4]?.text).toBe('Ibid.');

    const p68 = para('68');
    expect(p68.footnotes).toHaveLength(1);
    expect(p68.footnotes[0]).toMatchObject({
      mark: '103',
      offset: 'There is no simple solution to these complex challenges.'.length,
    });
  });

  it('joins footnote texts that run onto the next line (82 is a cut URL, 97 a sentence)', () => {
    const f82 = para('48').footnotes.find((f) => f.mark === '82');
    expect(f82?.text).toBe(
      'https://app.powerbi.com/view?r=eyJrIjoiOWM3MWE2YjYtYzdmYS00MDU5LTk4YjYtYWFiOTA0YjU2ZDYyIiwidCI6IjIzZTQ2NGQ3LTA0ZTYtNGI4Ny05MTNjLTI0YmQ4OTIxOWZkMyIsImMiOjl9.',
    );
    const f97 = para('59').footnotes.find((f) => f.mark === '97');
    expect(f97?.text).toMatch(
      /Promoting gender equality in ITU Telecommunication Standardization Sector and/,
    );
    expect(para('59').footnotes.map((f) => f.mark)).toEqual(['97', '98']);
    expect(para('60').text.startsWith('SSOs should also collect and publish data')).toBe(true);
  });

  it('attaches the points (a)–(d) of 69, (a)–(g) of 70, (a)–(c) of 71 and (a)–(b) of 72', () => {
    expect(para('69').points.map((p) => p.label)).toEqual(['a', 'b', 'c', 'd']);
    expect(para('70').points.map((p) => p.label)).toEqual(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(para('71').points.map((p) => p.label)).toEqual(['a', 'b', 'c']);
    expect(para('72').points.map((p) => p.label)).toEqual(['a', 'b']);
    expect(para('69').text).toBe(
      'Against this background, the High Commissioner recommends that Member States:',
    );
    expect(para('69').points[1]?.text).toBe(
      'Ensure that national, recognized SSOs are open, transparent and inclusive, applying the same standards as set out in para 70.',
    );
    expect(para('70').points[2]?.text.startsWith('Put in place adequate human rights due diligence')).toBe(
      true,
    );
    expect(para('72').points[1]?.text).toBe(
      'Establish mechanisms for information sharing about ongoing and forthcoming standard-setting processes of relevance for human rights.',
    );
    const withPoints = paragraphs.filter((p) => p.points.length > 0).map((p) => p.label);
    expect(withPoints).toEqual(['69', '70', '71', '72']);
    // Paragraph 31's run-in "(a) … (b) …" is part of its sentence, not a list.
    expect(para('31').text).toMatch(/requires that businesses\(a\) avoid causing/);
  });

  it('keeps brackets that are part of quotations', () => {
    expect(para('39').text).toContain('“[w]e need to put internationally recognized human rights');
  });

  it('passes the bis.document/1 validation and survives a JSON round trip', () => {
    const json = JSON.parse(JSON.stringify(documentToJSON(doc)));
    expect(documentFromJSON(json)).toEqual(doc);
  });
});

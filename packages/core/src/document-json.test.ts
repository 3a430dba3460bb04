import { describe, expect, it } from 'vitest';
import { docOf, heading, para } from './builders.test-util';
import { BisInputError, documentFromJSON, documentToJSON, isOrderKey, paragraphsOf } from './index';

const minimal = () => ({
  format: 'bis.document/1',
  blocks: [
    { kind: 'heading', id: 'h1', title: 'Introduction' },
    { kind: 'paragraph', id: 'a', label: '1', text: 'First.', points: [] },
    { kind: 'paragraph', id: 'b', label: '2', text: 'Second.', points: [{ label: 'a', text: 'point' }] },
  ],
});

// Runs `documentFromJSON` and returns the error's path and message, failing if it does not throw.
const rejection = (value: unknown): { path: string; message: string } => {
  try {
    documentFromJSON(value);
  } catch (e) {
    expect(e).toBeInstanceOf(BisInputError);
    const err = e as BisInputError;
    return { path: err.path, message: err.message };
  }
  throw new Error('expected documentFromJSON to throw');
};

const withBlock = (i: number, patch: Record<string, unknown>) => {
  const v = minimal();
  v.blocks[i] = { ...v.blocks[i], ...patch } as (typeof v.blocks)[number];
  return v;
};

describe('bis.document/1', () => {
  it('round-trips a document through JSON text unchanged', () => {
    const doc = docOf(
      heading('I', 'Introduction'),
      para('1', 'We reaffirm.', [
        ['a', 'One;'],
        ['b', 'Two.'],
      ]),
      heading('A', 'Section', 2),
      { ...para('2', 'With a note.'), footnotes: [{ mark: '1', offset: 6, text: 'See A/80/1.' }] },
    );
    const text = JSON.stringify(documentToJSON(doc));
    expect(documentFromJSON(JSON.parse(text))).toEqual(doc);
  });

  it('writes the format name and version', () => {
    expect(documentToJSON(docOf('1')).format).toBe('bis.document/2');
  });

  it('reads the documented minimum and fills in defaults', () => {
    const doc = documentFromJSON(minimal());
    expect(doc.title).toBe('');
    expect(doc.symbol).toBeNull();
    expect(doc.revision).toBeNull();
    expect(doc.preamble).toBe('');
    expect(doc.blocks[0]).toEqual({
      kind: 'heading',
      id: 'h1',
      level: 1,
      number: null,
      title: 'Introduction',
    });
    const [a, b] = paragraphsOf(doc);
    expect(a?.footnotes).toEqual([]);
    expect(b?.points).toEqual([{ label: 'a', text: 'point', footnotes: [] }]);
  });

  it('generates increasing order keys when none are given', () => {
    const keys = paragraphsOf(documentFromJSON(minimal())).map((p) => p.order);
    expect(keys.every(isOrderKey)).toBe(true);
    expect([...keys].sort()).toEqual(keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('fills a missing order key between the given neighbours', () => {
    const v = minimal();
    v.blocks.push({ kind: 'paragraph', id: 'c', label: '3', text: '', points: [] });
    (v.blocks[1] as Record<string, unknown>).order = 'F';
    (v.blocks[3] as Record<string, unknown>).order = 'G';
    const keys = paragraphsOf(documentFromJSON(v)).map((p) => p.order);
    expect(keys[0]).toBe('F');
    expect(keys[2]).toBe('G');
    const mid = keys[1] ?? '';
    expect(mid > 'F' && mid < 'G').toBe(true);
  });

  it('rejects order keys that go backwards, naming the paragraph', () => {
    const v = minimal();
    (v.blocks[1] as Record<string, unknown>).order = 'k';
    (v.blocks[2] as Record<string, unknown>).order = 'c';
    expect(rejection(v).path).toBe('blocks[2].order');
  });

  it('rejects a malformed order key', () => {
    expect(rejection(withBlock(1, { order: 'a0' })).path).toBe('blocks[1].order');
  });

  it('names the field when a label is not a string', () => {
    const r = rejection(withBlock(2, { label: 77 }));
    expect(r.path).toBe('blocks[2].label');
    expect(r.message).toBe('blocks[2].label: expected a string, got a number');
  });

  it('names the field when a required field is missing', () => {
    const v = minimal();
    delete (v.blocks[1] as Record<string, unknown>).text;
    expect(rejection(v).path).toBe('blocks[1].text');
    const w = minimal();
    delete (w.blocks[2] as Record<string, unknown>).points;
    expect(rejection(w).path).toBe('blocks[2].points');
  });

  it('rejects an unknown field so that a misspelt one is not silently ignored', () => {
    const r = rejection(withBlock(1, { lable: '1' }));
    expect(r.path).toBe('blocks[1].lable');
  });

  it('rejects an unknown block kind', () => {
    const r = rejection(withBlock(1, { kind: 'para' }));
    expect(r.path).toBe('blocks[1].kind');
    expect(r.message).toContain('"para"');
  });

  it('rejects duplicate block ids and duplicate paragraph labels', () => {
    expect(rejection(withBlock(2, { id: 'a' })).message).toContain('duplicate block id "a"');
    expect(rejection(withBlock(2, { label: '1' })).path).toBe('blocks[2].label');
  });

  it('rejects duplicate point labels within a paragraph', () => {
    const r = rejection(
      withBlock(2, {
        points: [
          { label: 'a', text: 'x' },
          { label: 'a', text: 'y' },
        ],
      }),
    );
    expect(r.path).toBe('blocks[2].points[1].label');
  });

  it('rejects a footnote offset beyond its text', () => {
    const r = rejection(withBlock(1, { footnotes: [{ mark: '1', offset: 99, text: 'n' }] }));
    expect(r.path).toBe('blocks[1].footnotes[0].offset');
  });

  it('rejects another format, another version, or none', () => {
    expect(rejection({ ...minimal(), format: 'bis.proposals/1' }).message).toContain('unknown format');
    expect(rejection({ ...minimal(), format: 'bis.document/3' }).message).toContain('unsupported version 3');
    const { format: _, ...rest } = minimal();
    expect(rejection(rest).path).toBe('format');
  });

  it('rejects values that are not objects, with the path of the value', () => {
    expect(rejection(null).message).toBe('expected an object, got null');
    expect(rejection([]).message).toBe('expected an object, got an array');
    const v = minimal();
    (v.blocks as unknown[])[1] = 'paragraph';
    expect(rejection(v).path).toBe('blocks[1]');
  });

  it('rejects a heading level out of range and a non-string number', () => {
    expect(rejection(withBlock(0, { level: 0 })).path).toBe('blocks[0].level');
    expect(rejection(withBlock(0, { number: 2 })).path).toBe('blocks[0].number');
  });

  it('carries label styles, tags and chapeau roles in version 2, and leaves them out when unset', () => {
    const doc = docOf(
      { ...heading(null, 'The General Assembly,'), role: 'chapeau' as const },
      { ...para('PP1', 'Recalling its resolution 70/125,'), labelStyle: 'unnumbered' as const },
      { ...para('PP2', 'We, the Ministers,'), labelStyle: 'lettered' as const, tags: ['agreed', 'ad ref'] },
      { ...heading('A', 'Finance'), tags: ['Suggested for Closure'] },
      para('1', 'Decides [to establish] [Option 1: {X}];'),
    );
    const json = documentToJSON(doc);
    expect(json.format).toBe('bis.document/2');
    expect(json.blocks[0]).toMatchObject({ role: 'chapeau' });
    expect(json.blocks[2]).toMatchObject({ labelStyle: 'lettered', tags: ['agreed', 'ad ref'] });
    expect(Object.keys(json.blocks[4] ?? {})).not.toContain('tags');
    expect(Object.keys(json.blocks[4] ?? {})).not.toContain('labelStyle');
    expect(documentFromJSON(JSON.parse(JSON.stringify(json)))).toEqual(doc);
  });

  it('still reads version 1, and refuses the version 2 fields in it', () => {
    const v1 = { ...minimal(), format: 'bis.document/1' };
    expect(documentFromJSON(v1).blocks).toHaveLength(3);
    const r = rejection({ ...withBlock(1, { tags: ['agreed'] }), format: 'bis.document/1' });
    expect(r.path).toBe('blocks[1].tags');
    expect(
      documentFromJSON({ ...withBlock(1, { tags: ['agreed'] }), format: 'bis.document/2' }).blocks[1],
    ).toMatchObject({
      tags: ['agreed'],
    });
  });

  it('rejects an unknown label style, role, or a tag with brackets', () => {
    const two = (i: number, patch: Record<string, unknown>) => ({
      ...withBlock(i, patch),
      format: 'bis.document/2',
    });
    expect(rejection(two(1, { labelStyle: 'roman' })).path).toBe('blocks[1].labelStyle');
    expect(rejection(two(0, { role: 'title' })).path).toBe('blocks[0].role');
    expect(rejection(two(1, { tags: ['[agreed]'] })).path).toBe('blocks[1].tags[0]');
    expect(rejection(two(1, { tags: [''] })).path).toBe('blocks[1].tags[0]');
  });
});

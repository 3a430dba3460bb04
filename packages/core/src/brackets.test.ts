import { describe, expect, it } from 'vitest';
import { analyseBrackets, hasBrackets } from './index';

const spanTexts = (text: string) =>
  analyseBrackets(text).spans.map((s) => [text.slice(s.start, s.end), s.depth]);

describe('analyseBrackets', () => {
  it('reads nested spans with their depth, outermost first', () => {
    const t = 'Recalling [the [ultimate] objective] of the Convention,';
    expect(spanTexts(t)).toEqual([
      ['[the [ultimate] objective]', 1],
      ['[ultimate]', 2],
    ]);
    expect(analyseBrackets(t).problems).toEqual([]);
    expect(analyseBrackets(t).depthAfter).toBe(0);
  });

  it('reads options inside a bracket, each running to the next option or the closing bracket', () => {
    const t = '[Option 1: {Placeholder} Option 2: Parties shall [endeavour to] report]';
    const a = analyseBrackets(t);
    expect(a.options.map((o) => [o.name, t.slice(o.start, o.end).trim(), o.depth])).toEqual([
      ['Option 1', 'Option 1: {Placeholder}', 1],
      ['Option 2', 'Option 2: Parties shall [endeavour to] report', 1],
    ]);
    expect(a.placeholders).toEqual([{ start: 11, end: 24, name: 'Placeholder' }]);
  });

  it('reads an option left open in a bracket that closes in a later block', () => {
    const first = analyseBrackets('[Option 1: {Placeholder}');
    expect(first.depthAfter).toBe(1);
    expect(first.problems).toEqual([{ kind: 'unclosed', offset: 0 }]);
    expect(first.options).toMatchObject([{ name: 'Option 1', depth: 1, end: 24 }]);
    const second = analyseBrackets('Option 2: no text]', 1);
    expect(second.problems).toEqual([]);
    expect(second.depthAfter).toBe(0);
    expect(second.spans[0]).toEqual({ start: -1, end: 18, depth: 1 });
  });

  it('never throws on unbalanced brackets: it reports them', () => {
    expect(analyseBrackets('a] b [c').problems).toEqual([
      { kind: 'unopened', offset: 1 },
      { kind: 'unclosed', offset: 5 },
    ]);
    expect(analyseBrackets('[[Preamble]').depthAfter).toBe(1);
    expect(analyseBrackets('text]]', 1).problems).toEqual([{ kind: 'unopened', offset: 5 }]);
  });

  it('does not take braces that span a bracket for a placeholder', () => {
    expect(analyseBrackets('{a [b} c]').placeholders).toEqual([]);
    expect(analyseBrackets('{X} per cent by {year}').placeholders.map((p) => p.name)).toEqual(['X', 'year']);
  });

  it('says whether a text has any bracket structure', () => {
    expect(hasBrackets('Plain text.')).toBe(false);
    expect(hasBrackets('Plain [text].')).toBe(true);
    expect(hasBrackets('Alt 2: wording')).toBe(true);
    expect(hasBrackets('{X} per cent')).toBe(true);
  });
});

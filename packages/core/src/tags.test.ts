import { describe, expect, it } from 'vitest';
import { formatTags, isStatusTag, takeTags, withTags } from './index';

describe('status tags', () => {
  it('knows the tags negotiators write, in any case', () => {
    for (const t of [
      'agreed',
      'Agreed',
      'ad ref',
      'ad ref.',
      'agreed ad ref',
      'Agreed ad referendum',
      'Preliminarily Agreed',
      'Suggested for Closure',
      'pending',
    ])
      expect(isStatusTag(t), t).toBe(true);
    for (const t of ['the ultimate', 'Option 1: x', 'Placeholder', 'Preamble', 'ad hoc'])
      expect(isStatusTag(t), t).toBe(false);
  });

  it('takes tags off the start and end, in source order, and leaves other brackets', () => {
    expect(takeTags('[Preliminarily Agreed] Decides [to establish] a fund; [ad ref]')).toEqual({
      text: 'Decides [to establish] a fund;',
      tags: ['Preliminarily Agreed', 'ad ref'],
    });
    expect(takeTags('Text [agreed] [ad ref]')).toEqual({ text: 'Text', tags: ['agreed', 'ad ref'] });
    expect(takeTags('Text [with [nested]] brackets')).toEqual({
      text: 'Text [with [nested]] brackets',
      tags: [],
    });
    expect(takeTags('Keeps [agreed] inside the sentence.').tags).toEqual([]);
  });

  it('takes a tag that stands before a footnote marker and keeps the marker', () => {
    expect(takeTags('Text. [agreed]\uE0003\uE001')).toEqual({ text: 'Text.\uE0003\uE001', tags: ['agreed'] });
  });

  it('writes tags back in brackets after the text', () => {
    expect(formatTags(['agreed', 'ad ref'])).toBe('[agreed] [ad ref]');
    expect(formatTags(undefined)).toBe('');
    expect(withTags('Text.', ['agreed'])).toBe('Text. [agreed]');
    expect(withTags('Text.', [])).toBe('Text.');
    expect(takeTags(withTags('Text [x].', ['Suggested for Closure']))).toEqual({
      text: 'Text [x].',
      tags: ['Suggested for Closure'],
    });
  });
});

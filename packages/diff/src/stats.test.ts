import { describe, expect, it } from 'vitest';
import { diffStats, diffWords, hasChanges } from './index';

describe('diffStats', () => {
  it('counts an inserted clause', () => {
    const runs = diffWords(
      'human dignity in all digital interactions',
      'human dignity, including digital dignity, in all digital interactions',
    );
    expect(diffStats(runs)).toEqual({ inserted: { words: 3, chars: 28 }, deleted: { words: 0, chars: 0 } });
  });

  it('counts a replacement on both sides', () => {
    expect(diffStats(diffWords('must centre human', 'must center human'))).toEqual({
      inserted: { words: 1, chars: 6 },
      deleted: { words: 1, chars: 6 },
    });
  });

  it('counts characters as code points and Chinese characters as words', () => {
    expect(diffStats(diffWords('人权', '人权𠀀数字'))).toEqual({
      inserted: { words: 3, chars: 3 },
      deleted: { words: 0, chars: 0 },
    });
  });

  it('counts nothing for identical texts', () => {
    expect(diffStats(diffWords('Same.', 'Same.'))).toEqual({
      inserted: { words: 0, chars: 0 },
      deleted: { words: 0, chars: 0 },
    });
  });
});

describe('hasChanges', () => {
  it('is false for identical and empty texts', () => {
    expect(hasChanges(diffWords('Same text.', 'Same text.'))).toBe(false);
    expect(hasChanges(diffWords('', ''))).toBe(false);
  });

  it('is true for any change, even of whitespace', () => {
    expect(hasChanges(diffWords('human  rights', 'human rights'))).toBe(true);
    expect(hasChanges(diffWords('', 'x'))).toBe(true);
  });
});

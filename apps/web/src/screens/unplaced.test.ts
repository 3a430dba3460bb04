import type { ParagraphId } from '@bis/core';
import { describe, expect, it } from 'vitest';
import { unplacedLabels } from './unplaced';

const text = [
  { id: 'p-1' as ParagraphId, label: '1' },
  { id: 'p-72' as ParagraphId, label: '72' },
  { id: 'p-72b' as ParagraphId, label: '72 bis' },
];
const byLabel = (label: string) => ({ paragraph: null, label, point: null });

describe('unplacedLabels', () => {
  it('names labels the text does not have, as written', () => {
    expect(unplacedLabels([byLabel('77')], text)).toEqual(['77']);
    expect(unplacedLabels([byLabel('92'), byLabel('72')], text)).toEqual(['92']);
  });

  it('places a label the text has, however it is written', () => {
    expect(unplacedLabels([byLabel('72')], text)).toEqual([]);
    expect(unplacedLabels([byLabel('72bis')], text)).toEqual([]);
  });

  it('names a resolved target whose paragraph is no longer in the text', () => {
    expect(unplacedLabels([{ paragraph: 'p-1' as ParagraphId, label: '1', point: null }], text)).toEqual([]);
    expect(unplacedLabels([{ paragraph: 'p-9' as ParagraphId, label: '9', point: null }], text)).toEqual([
      '9',
    ]);
  });
});

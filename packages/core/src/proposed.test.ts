import { describe, expect, it } from 'vitest';
import { type Action, proposedText, type TextMode } from './index';

const p = (action: Action, text: string, textMode: TextMode = 'replace') => ({ action, text, textMode });

const CURRENT_77 =
  'We reaffirm that human rights are central to the vision of the World Summit on the Information Society.';

describe('proposedText', () => {
  it('replaces the text for amend, alternative and insert', () => {
    expect(proposedText(p('amend', 'New.'), 'Old.')).toBe('New.');
    expect(proposedText(p('alternative', 'Other.'), 'Old.')).toBe('Other.');
    expect(proposedText(p('insert', 'Inserted.'), '')).toBe('Inserted.');
  });

  it('appends in append mode with one space', () => {
    expect(proposedText(p('amend', 'And more.', 'append'), 'Old. ')).toBe('Old. And more.');
    expect(proposedText(p('amend', 'Only.', 'append'), '')).toBe('Only.');
  });

  it('puts words that continue the sentence before its final full stop', () => {
    const current = 'We welcome the work of the IETF and the IRTF.';
    expect(proposedText(p('amend', 'including the Internet Society', 'append'), current)).toBe(
      'We welcome the work of the IETF and the IRTF including the Internet Society.',
    );
    // Its own full stop is not doubled, and a leading comma joins without a space.
    expect(proposedText(p('amend', ', including the Internet Society.', 'append'), current)).toBe(
      'We welcome the work of the IETF and the IRTF, including the Internet Society.',
    );
    // A quotation opening with an ellipsis is read the same way.
    expect(proposedText(p('amend', '... in Africa, including persons with disabilities'), 'We act.')).toBe(
      'We act in Africa, including persons with disabilities.',
    );
    expect(proposedText(p('amend', '*including* women', 'append'), 'We act.')).toBe(
      'We act *including* women.',
    );
  });

  it('keeps a new sentence, an ellipsis or a colon where it is', () => {
    expect(proposedText(p('amend', 'We also act.', 'append'), 'We act.')).toBe('We act. We also act.');
    expect(proposedText(p('amend', 'and more', 'append'), 'We act …')).toBe('We act … and more');
    expect(proposedText(p('amend', 'and more', 'append'), 'We act...')).toBe('We act... and more');
    expect(proposedText(p('amend', '(a) first', 'append'), 'We decide:')).toBe('We decide: (a) first');
  });

  it('gives the empty text for delete and the current text for retain and move', () => {
    expect(proposedText(p('delete', 'ignored'), 'Old.')).toBe('');
    expect(proposedText(p('retain', 'Keep but strengthen'), 'Old.')).toBe('Old.');
    expect(proposedText(p('move', ''), 'Old.')).toBe('Old.');
  });

  it('appends a quotation that opens with an ellipsis', () => {
    expect(proposedText(p('amend', '...We strengthen OHCHR.'), 'We note OHCHR.')).toBe(
      'We note OHCHR. We strengthen OHCHR.',
    );
    expect(proposedText(p('amend', '…We strengthen OHCHR.', 'append'), 'We note OHCHR.')).toBe(
      'We note OHCHR. We strengthen OHCHR.',
    );
  });

  it('keeps the current text and adds what follows a middle ellipsis when the start matches', () => {
    const text =
      'We reaffirm that human rights are central ... Digital transformation must centre **human digital dignity**, ensuring that individuals are protected.';
    expect(proposedText(p('amend', text), CURRENT_77)).toBe(
      `${CURRENT_77} Digital transformation must centre **human digital dignity**, ensuring that individuals are protected.`,
    );
  });

  it('matches the start ignoring case, punctuation and emphasis', () => {
    expect(proposedText(p('amend', '**we REAFFIRM** that human-rights … Also this.'), CURRENT_77)).toBe(
      `${CURRENT_77} Also this.`,
    );
  });

  it('rewrites from the continuation when its opening words are already in the current text', () => {
    const current = 'We reaffirm the vision. Digital transformation must centre people. It must be fair.';
    const text = 'We reaffirm ... Digital transformation must centre human digital dignity.';
    expect(proposedText(p('amend', text), current)).toBe(
      'We reaffirm the vision. Digital transformation must centre human digital dignity.',
    );
  });

  it('takes the text as written when the start does not match or the current text is unknown', () => {
    const text = 'We decide ... to act.';
    expect(proposedText(p('amend', text), CURRENT_77)).toBe(text);
    expect(proposedText(p('amend', text), '')).toBe(text);
  });

  it('keeps a trailing ellipsis as written', () => {
    expect(proposedText(p('amend', 'We reaffirm ...'), CURRENT_77)).toBe('We reaffirm ...');
  });

  it('treats bracketed ellipses like plain ones', () => {
    expect(proposedText(p('amend', 'We reaffirm [...] And more.'), CURRENT_77)).toBe(
      `${CURRENT_77} And more.`,
    );
  });
});

import { describe, expect, it } from 'vitest';
import { busyLoopsWanted } from './load';

describe('BIS_E2E_LOAD', () => {
  it('asks for no load when unset, empty or 0', () => {
    expect(busyLoopsWanted(undefined, 2)).toBe(0);
    expect(busyLoopsWanted('', 2)).toBe(0);
    expect(busyLoopsWanted('0', 2)).toBe(0);
  });
  it('asks for one loop per core with 1, and for that many loops with a larger number', () => {
    expect(busyLoopsWanted('1', 2)).toBe(2);
    expect(busyLoopsWanted('on', 4)).toBe(4);
    expect(busyLoopsWanted('3', 2)).toBe(3);
  });
  it('refuses anything else, saying what it takes', () => {
    expect(() => busyLoopsWanted('lots', 2)).toThrow(/BIS_E2E_LOAD must be 0, 1 .* not "lots"/);
  });
});

import { parseNumber } from './parse-number';

describe('parseNumber', () => {
  it.each([
    ['7', 7],
    ['7,5', 7.5],
    ['7.5', 7.5],
    ['1 234', 1234],
    ['-2,5', -2.5],
    ['−3', -3],
  ])('reads %p as %p', (text, value) => expect(parseNumber(text)).toBe(value));

  it.each(['', 'sju', '7,5,1', '1e5', '--1'])('refuses %p', (text) => expect(parseNumber(text)).toBeNull());
});

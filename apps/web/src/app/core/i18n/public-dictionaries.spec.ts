import { publicDa } from './public.da';
import { publicEn } from './public.en';
import { publicFi } from './public.fi';
import { publicNb } from './public.nb';
import { publicNn } from './public.nn';
import { publicSv } from './public.sv';

/** Every dotted key with its placeholders, e.g. `statement.feedbackText {email}`. */
function leaves(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string'
      ? [
          `${prefix}${key} ${[...value.matchAll(/\{(\w+)\}/g)]
            .map((m) => m[1])
            .sort()
            .join(',')}`,
        ]
      : leaves(value as object, `${prefix}${key}.`),
  );
}

describe('the public pages’ dictionaries (issue 13)', () => {
  it.each([
    ['en', publicEn],
    ['nn', publicNn],
    ['da', publicDa],
    ['sv', publicSv],
    ['fi', publicFi],
  ])('%s has exactly the keys of bokmål, with the same placeholders', (_locale, dictionary) => {
    expect(leaves(dictionary).sort()).toEqual(leaves(publicNb).sort());
  });

  it('says something in each language rather than repeat the bokmål', () => {
    for (const dictionary of [publicDa, publicSv, publicFi]) {
      expect(dictionary.publicPages.indexIntro).not.toBe(publicNb.publicPages.indexIntro);
      expect(dictionary.statement.checkedText).not.toBe(publicNb.statement.checkedText);
    }
  });
});

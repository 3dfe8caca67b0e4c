import { MATCH_START as S, MATCH_STOP as E } from './lesson-search';
import { openingSnippet, snippetSegments } from './lesson.mapper';

describe('snippetSegments', () => {
  it('turns the marks into segments, matches flagged', () => {
    const text = 'Samtykke må hentes inn før utprøving, ikke underveis.';
    expect(snippetSegments(`${S}Samtykke${E} må hentes inn før ${S}utprøving${E}, ikke underveis.`, text)).toEqual([
      { text: 'Samtykke', match: true },
      { text: ' må hentes inn før ', match: false },
      { text: 'utprøving', match: true },
      { text: ', ikke underveis.', match: false },
    ]);
  });

  it('joins neighbouring matches and marks what was left out at either end', () => {
    const text = 'Først noe annet. Tavlemøter hver morgen gir færre avvik. Og så mye mer etterpå.';
    expect(snippetSegments(`${S}Tavlemøter${E}${S} hver${E} morgen gir færre avvik.`, text)).toEqual([
      { text: '… ', match: false },
      { text: 'Tavlemøter hver', match: true },
      { text: ' morgen gir færre avvik. …', match: false },
    ]);
  });

  it('puts back the punctuation ts_headline leaves off at the ends of the text', () => {
    const text = '«Samtykke» må hentes inn før utprøving, ikke underveis.';
    expect(snippetSegments(`${S}Samtykke${E}» må hentes inn før utprøving, ikke underveis`, text)).toEqual([
      { text: '«', match: false },
      { text: 'Samtykke', match: true },
      { text: '» må hentes inn før utprøving, ikke underveis.', match: false },
    ]);
  });

  it('keeps the fragment delimiter between two fragments', () => {
    const text = 'Lean starter hos lederne. Mange ord i midten som ikke kommer med. Til slutt teller vi gevinster.';
    expect(snippetSegments(`${S}Lean${E} starter hos lederne … Til slutt teller vi ${S}gevinster${E}`, text)).toEqual([
      { text: 'Lean', match: true },
      { text: ' starter hos lederne … Til slutt teller vi ', match: false },
      { text: 'gevinster', match: true },
      { text: '.', match: false },
    ]);
  });

  it('never lets markup through: the text stays text', () => {
    const text = '<script>alert(1)</script> lean';
    const segments = snippetSegments(`<script>alert(1)</script> ${S}lean${E}`, text);
    expect(segments).toEqual([
      { text: '<script>alert(1)</script> ', match: false },
      { text: 'lean', match: true },
    ]);
  });
});

describe('openingSnippet', () => {
  it('keeps a short text whole', () => {
    expect(openingSnippet('Kort.')).toEqual([{ text: 'Kort.', match: false }]);
  });

  it('cuts a long one at a word, with an ellipsis', () => {
    const [segment] = openingSnippet('ord '.repeat(100));
    expect(segment?.text.endsWith('ord …')).toBe(true);
    expect(segment?.text.length).toBeLessThanOrEqual(242);
  });
});

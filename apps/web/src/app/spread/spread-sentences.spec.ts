import { TestBed } from '@angular/core/testing';
import type { Spread } from '@samspill/contracts';
import { I18n } from '../core/i18n/i18n';
import { numberWord, spreadSentences } from './spread-sentences';

const lunner = { id: 'lunner', name: 'Lunner kommune' };
const gran = { id: 'gran', name: 'Gran kommune' };
const baerum = { id: 'baerum', name: 'Bærum kommune' };

const spread: Spread = {
  practices: 3,
  adoptions: 4,
  organizationsReached: 4,
  countriesReached: 2,
  byOrganization: [
    { organization: lunner, practicesShared: 1, adoptionsGiven: 3, adoptionsTaken: 0 },
    { organization: gran, practicesShared: 0, adoptionsGiven: 0, adoptionsTaken: 1 },
    { organization: baerum, practicesShared: 2, adoptionsGiven: 1, adoptionsTaken: 0 },
  ],
  topPractices: [
    { id: 'p1', title: 'Lean i Lunner', organization: lunner, adoptions: 3 },
    { id: 'p2', title: 'Bærums innføringsmodell', organization: baerum, adoptions: 1 },
    { id: 'p3', title: 'Ingen ennå', organization: baerum, adoptions: 0 },
  ],
};

describe('spread in plain words', () => {
  let i18n: I18n;

  beforeEach(async () => {
    TestBed.configureTestingModule({});
    i18n = TestBed.inject(I18n);
    await i18n.setLocale('nb');
  });

  it('says how many took up each practice, in words, and what each member gave and took', () => {
    expect(spreadSentences(spread, ['lunner', 'gran'], i18n)).toEqual([
      'Tre organisasjoner har tatt i bruk «Lean i Lunner» fra Lunner kommune.',
      'Én organisasjon har tatt i bruk «Bærums innføringsmodell» fra Bærum kommune.',
      'Lunner kommune har delt én praksis og tatt i bruk ingen fra andre.',
      'Gran kommune har delt ingen praksiser og tatt i bruk én fra andre.',
    ]);
  });

  it('leaves out members that neither gave nor took, and practices nobody took up', () => {
    const quiet: Spread = {
      ...spread,
      byOrganization: [{ organization: gran, practicesShared: 0, adoptionsGiven: 0, adoptionsTaken: 0 }],
      topPractices: [{ id: 'p3', title: 'Ingen ennå', organization: baerum, adoptions: 0 }],
    };
    expect(spreadSentences(quiet, ['gran'], i18n)).toEqual([]);
  });

  it('writes small numbers as words and larger ones as figures, in English too', async () => {
    expect(numberWord(i18n, 7)).toBe('sju');
    expect(numberWord(i18n, 12)).toBe('12');
    await i18n.setLocale('en');
    expect(spreadSentences(spread, [], i18n)[0]).toBe('Three organisations have taken up "Lean i Lunner" from Lunner kommune.');
  });
});

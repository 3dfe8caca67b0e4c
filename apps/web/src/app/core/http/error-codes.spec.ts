import { HttpErrorResponse } from '@angular/common/http';
import { ERROR_CODES, ERROR_REASONS } from '@samspill/contracts/values';
import { en } from '../i18n/en';
import { translate } from '../i18n/i18n';
import type { Messages } from '../i18n/messages';
import { nb } from '../i18n/nb';
import { type ApiProblem, toApiProblem } from './api-error';

const DICTIONARIES: Record<string, Messages> = { nb, en };

function refused(code: string, reason?: string): ApiProblem {
  return toApiProblem(new HttpErrorResponse({ status: 409, error: { statusCode: 409, code, message: 'English detail', reason } }));
}

const REASONS = Object.entries(ERROR_REASONS).flatMap(([code, reasons]) => reasons.map((reason) => [code, reason] as const));

describe('error codes', () => {
  it.each(ERROR_CODES)('%s becomes a sentence in every dictionary', (code) => {
    const problem = refused(code);
    expect(problem.key).toBe(`errors.codes.${code}`);
    for (const messages of Object.values(DICTIONARIES)) {
      const sentence = translate(messages, problem.key);
      expect(sentence).not.toBe(problem.key);
      expect(sentence).toMatch(/\.$/);
    }
  });

  it.each(REASONS)('%s with reason %s becomes a sentence of its own in every dictionary', (code, reason) => {
    const problem = refused(code, reason);
    expect(problem).toMatchObject({ key: `errors.reasons.${code}.${reason}`, code, reason });
    for (const messages of Object.values(DICTIONARIES)) {
      const sentence = translate(messages, problem.key);
      expect(sentence).not.toBe(problem.key);
      expect(sentence).toMatch(/\.$/);
      // Its own: not the code's general sentence, nor another reason's.
      const others = REASONS.filter(([c, r]) => c === code && r !== reason).map(([c, r]) => translate(messages, refused(c, r).key));
      expect([translate(messages, refused(code).key), ...others]).not.toContain(sentence);
    }
  });

  it('falls back to the code’s sentence for a reason it does not know', () => {
    expect(refused('INVALID_STAGE_TRANSITION', 'SOMETHING_NEW').key).toBe('errors.codes.INVALID_STAGE_TRANSITION');
    expect(refused('STALE_VERSION', 'SAME_STAGE').key).toBe('errors.codes.STALE_VERSION');
  });
});

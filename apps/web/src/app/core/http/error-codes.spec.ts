import { HttpErrorResponse } from '@angular/common/http';
import { toApiProblem } from './api-error';
import { en } from '../i18n/en';
import { translate } from '../i18n/i18n';
import { nb } from '../i18n/nb';

/** The codes the collaboration endpoints answer with; each must reach people as a sentence in both languages. */
const CODES = [
  'INVALID_STAGE_TRANSITION',
  'INVALID_STATUS_CHANGE',
  'STALE_VERSION',
  'INVALID_MEMBERS',
  'INVALID_PARTICIPANTS',
  'INVALID_FOCUS_AREA',
  'INVALID_ANSWER_TARGET',
  'NOT_A_DO_TOGETHER_ANSWER',
  'ANSWER_HAS_PROJECT',
  'FORBIDDEN',
  'NOT_FOUND',
] as const;

describe('collaboration errors', () => {
  it.each(CODES)('%s becomes a sentence in bokmål and English', (code) => {
    const problem = toApiProblem(new HttpErrorResponse({ status: 409, error: { statusCode: 409, code, message: 'English detail' } }));
    expect(problem.key).toBe(`errors.codes.${code}`);
    for (const messages of [nb, en]) {
      const sentence = translate(messages, problem.key);
      expect(sentence).not.toBe(problem.key);
      expect(sentence).toMatch(/\.$/);
    }
  });
});

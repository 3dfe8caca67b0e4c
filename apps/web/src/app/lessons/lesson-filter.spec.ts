import { convertToParamMap } from '@angular/router';
import { NO_LESSON_FILTER, lessonFilterFromQuery, lessonFilterToQuery, lessonQuery } from './lesson-filter';

describe('lesson filter', () => {
  it('reads a shared address back into the same search', () => {
    const filter = {
      ...NO_LESSON_FILTER,
      q: 'tavlemøte',
      focusArea: 'Helse og omsorg',
      country: 'DK' as const,
      projectStatus: 'stopped' as const,
      from: '2025-01-01',
      offset: 20,
    };
    const address = convertToParamMap(lessonFilterToQuery(filter));
    expect(lessonFilterFromQuery(address)).toEqual(filter);
  });

  it('drops what the API would refuse instead of sending it', () => {
    const filter = lessonFilterFromQuery(
      convertToParamMap({ country: 'DE', projectStatus: 'paused', organizationId: 'gran', from: '2026-13', offset: '-5', q: '  lean  ' }),
    );
    expect(filter).toEqual({ ...NO_LESSON_FILTER, q: 'lean' });
  });

  it('asks for a page of 20 from the offset, leaving empty filters out', () => {
    expect(lessonQuery({ ...NO_LESSON_FILTER, q: 'lean', offset: 40 })).toEqual({ q: 'lean', limit: 20, offset: 40 });
  });
});

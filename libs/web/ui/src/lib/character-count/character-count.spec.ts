import { TestBed } from '@angular/core/testing';
import { CharacterCount } from './character-count';

describe('CharacterCount', () => {
  it('shows the count under its id, and flags too many by more than colour', async () => {
    const fixture = TestBed.createComponent(CharacterCount);
    fixture.componentRef.setInput('countId', 'answer-count');
    fixture.componentRef.setInput('text', '12 tegn for mye');
    fixture.componentRef.setInput('over', true);
    await fixture.whenStable();
    const p = (fixture.nativeElement as HTMLElement).querySelector('p') as HTMLElement;

    expect(p.id).toBe('answer-count');
    expect(p.textContent).toBe('⚠ 12 tegn for mye');
    expect(p.classList).toContain('over');
  });
});

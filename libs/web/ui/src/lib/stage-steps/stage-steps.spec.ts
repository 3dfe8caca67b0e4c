import { TestBed } from '@angular/core/testing';
import { StageSteps } from './stage-steps';

describe('StageSteps', () => {
  it('marks the current step in words and for screen readers, and ticks the ones behind it', async () => {
    const fixture = TestBed.createComponent(StageSteps);
    fixture.componentRef.setInput('steps', [{ label: 'Lære' }, { label: 'Teste' }, { label: 'Etablere' }]);
    fixture.componentRef.setInput('current', 1);
    fixture.componentRef.setInput('label', 'Trinn');
    fixture.componentRef.setInput('currentText', 'Her er prosjektet nå');
    fixture.componentRef.setInput('doneText', 'gjennomført');
    await fixture.whenStable();
    const element = fixture.nativeElement as HTMLElement;
    const items = Array.from(element.querySelectorAll('li'));

    expect(element.querySelector('ol')?.getAttribute('aria-label')).toBe('Trinn');
    expect(items.map((li) => li.getAttribute('aria-current'))).toEqual([null, 'step', null]);
    expect(items[0]?.textContent).toContain('✓');
    expect(items[0]?.textContent).toContain('gjennomført');
    expect(items[1]?.textContent).toContain('Her er prosjektet nå');
    expect(items[2]?.textContent).toContain('3');
  });
});

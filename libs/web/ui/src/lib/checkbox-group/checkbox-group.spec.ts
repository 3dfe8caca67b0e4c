import { TestBed } from '@angular/core/testing';
import { CheckboxGroup } from './checkbox-group';

describe('CheckboxGroup', () => {
  async function render(inputs: Record<string, unknown>) {
    const fixture = TestBed.createComponent(CheckboxGroup);
    fixture.componentRef.setInput('groupId', 'members');
    fixture.componentRef.setInput('legend', 'Medlemmer');
    fixture.componentRef.setInput('options', [
      { id: 'gran', name: 'Gran kommune' },
      { id: 'lunner', name: 'Lunner kommune' },
    ]);
    for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
    await fixture.whenStable();
    return { fixture, host: fixture.nativeElement as HTMLElement };
  }

  it('ticks the chosen, keeps the locked one, and emits the whole new choice', async () => {
    const { fixture, host } = await render({ chosen: new Set(['gran']), locked: 'gran' });
    const changes: ReadonlySet<string>[] = [];
    fixture.componentInstance.chosenChange.subscribe((chosen) => changes.push(chosen));
    const gran = host.querySelector<HTMLInputElement>('#members-gran');
    const lunner = host.querySelector<HTMLInputElement>('#members-lunner');

    expect(gran?.checked).toBe(true);
    expect(gran?.disabled).toBe(true);
    expect(host.querySelector('label[for="members-lunner"]')?.textContent).toBe('Lunner kommune');

    if (lunner) lunner.checked = true;
    lunner?.dispatchEvent(new Event('change'));
    expect(changes.map((chosen) => [...chosen])).toEqual([['gran', 'lunner']]);
  });

  it('names its hint and error in aria-describedby', async () => {
    const { host } = await render({ chosen: new Set(), hint: 'Kryss av', error: 'Velg minst to.' });
    const fieldset = host.querySelector('fieldset');

    expect(fieldset?.id).toBe('members');
    expect(fieldset?.getAttribute('aria-describedby')).toBe('members-hint members-error');
    expect(host.querySelector('#members-error')?.textContent).toBe('Velg minst to.');
  });
});

import { TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import { ChoiceGroup } from './choice-group';

describe('ChoiceGroup', () => {
  async function render(inputs: Record<string, unknown>) {
    const fixture = TestBed.createComponent(ChoiceGroup);
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
    const { fixture, host } = await render({ feedback: { id: 'members', error: null }, chosen: new Set(['gran']), locked: 'gran' });
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
    const { host } = await render({ feedback: { id: 'members', error: 'Velg minst to.' }, chosen: new Set(), hint: 'Kryss av' });
    const fieldset = host.querySelector('fieldset');

    expect(fieldset?.id).toBe('members');
    expect(fieldset?.getAttribute('aria-describedby')).toBe('members-hint members-error');
    expect(host.querySelector('#members-error')?.textContent).toBe('Velg minst to.');
  });

  it('offers one choice as radio buttons bound to a control, each with its own hint', async () => {
    const control = new FormControl('members', { nonNullable: true });
    const { host } = await render({
      feedback: { id: 'visibility', error: null },
      control,
      options: [
        { id: 'members', name: 'Bare medlemmene', hint: 'Andre ser ikke samarbeidet.' },
        { id: 'platform', name: 'Alle på plattformen' },
      ],
    });
    const radios = Array.from(host.querySelectorAll<HTMLInputElement>('input[type="radio"]'));

    expect(radios.map((r) => [r.id, r.name, r.checked])).toEqual([
      ['visibility-members', 'visibility', true],
      ['visibility-platform', 'visibility', false],
    ]);
    expect(radios[0]?.getAttribute('aria-describedby')).toBe('visibility-members-hint');
    expect(host.querySelector('#visibility-members-hint')?.textContent).toBe('Andre ser ikke samarbeidet.');

    radios[1]?.click();
    expect(control.value).toBe('platform');
  });
});

import { TestBed } from '@angular/core/testing';
import { FormControl } from '@angular/forms';
import { Field } from './field';

async function render(inputs: Record<string, unknown>) {
  const fixture = TestBed.createComponent(Field);
  fixture.componentRef.setInput('control', new FormControl('hei', { nonNullable: true }));
  fixture.componentRef.setInput('feedback', { id: 'answer-text', error: null });
  fixture.componentRef.setInput('label', 'Svar');
  for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
  await fixture.whenStable();
  return { fixture, host: fixture.nativeElement as HTMLElement };
}

describe('Field', () => {
  it('ties the label to an input that shows the control value, and describes nothing when there is nothing to say', async () => {
    const { host } = await render({});
    const input = host.querySelector('input') as HTMLInputElement;

    expect(host.classList).toContain('ds-field');
    expect(host.querySelector('label')?.htmlFor).toBe('answer-text');
    expect(input.id).toBe('answer-text');
    expect(input.value).toBe('hei');
    expect(input.type).toBe('text');
    expect(input.getAttribute('aria-describedby')).toBeNull();
    expect(input.getAttribute('aria-invalid')).toBeNull();
  });

  it('becomes a textarea described by its hint, count and error, in that order', async () => {
    const { host } = await render({
      rows: 4,
      hint: 'Skriv kort',
      count: { text: '12 tegn for mye', over: true },
      feedback: { id: 'answer-text', error: 'Svaret er for langt' },
      optional: 'valgfritt',
    });
    const textarea = host.querySelector('textarea') as HTMLTextAreaElement;

    expect(host.querySelector('input')).toBeNull();
    expect(textarea.rows).toBe(4);
    expect(textarea.getAttribute('aria-describedby')).toBe('answer-text-hint answer-text-count answer-text-error');
    expect(textarea.getAttribute('aria-invalid')).toBe('true');
    expect(host.querySelector('#answer-text-hint')?.textContent).toBe('Skriv kort');
    expect(host.querySelector('#answer-text-count')?.textContent).toBe('⚠ 12 tegn for mye');
    expect(host.querySelector('#answer-text-error')?.textContent).toBe('Svaret er for langt');
    expect(host.querySelector('label')?.textContent?.replace(/\s+/g, ' ').trim()).toBe('Svar (valgfritt)');
  });

  it('writes what the person types to the control and can take focus', async () => {
    const control = new FormControl('', { nonNullable: true });
    const { fixture, host } = await render({ control, type: 'date' });
    document.body.appendChild(host);
    const input = host.querySelector('input') as HTMLInputElement;
    input.value = '2025-01-31';
    input.dispatchEvent(new Event('input'));
    fixture.componentInstance.focus();

    expect(control.value).toBe('2025-01-31');
    expect(input.type).toBe('date');
    expect(document.activeElement).toBe(input);
  });
});

describe('Field with options', () => {
  it('is a select with a placeholder that cannot be chosen back, and says when the person changes it', async () => {
    const control = new FormControl('', { nonNullable: true });
    const { fixture, host } = await render({
      control,
      options: [
        { id: 'municipality', name: 'Kommune' },
        { id: 'county', name: 'Fylke' },
      ],
      placeholder: 'Velg type',
      feedback: { id: 'answer-text', error: 'Velg hvilken type organisasjon det er.' },
    });
    const changes: string[] = [];
    fixture.componentInstance.changed.subscribe((value) => changes.push(value));
    const select = host.querySelector('select') as HTMLSelectElement;

    expect(select.id).toBe('answer-text');
    expect(Array.from(select.options).map((o) => [o.textContent?.trim(), o.disabled])).toEqual([
      ['Velg type', true],
      ['Kommune', false],
      ['Fylke', false],
    ]);
    expect(select.getAttribute('aria-describedby')).toBe('answer-text-error');

    select.value = 'county';
    select.dispatchEvent(new Event('change'));
    expect(control.value).toBe('county');
    expect(changes).toEqual(['county']);
  });

  it('offers "none" as a choice of its own', async () => {
    const { host } = await render({ options: [{ id: 'f1', name: 'Helse og omsorg' }], none: 'Ingen satsingsområde' });
    const first = (host.querySelector('select') as HTMLSelectElement).options[0];

    expect(first?.textContent?.trim()).toBe('Ingen satsingsområde');
    expect(first?.disabled).toBe(false);
  });
});

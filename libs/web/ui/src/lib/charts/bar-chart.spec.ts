import { TestBed } from '@angular/core/testing';
import { BarChart } from './bar-chart';
import type { ChartDatum } from './chart-datum';

const DATA: ChartDatum[] = [
  { label: 'Lære og utforske sammen', value: 2 },
  { label: 'Utvikle og teste', value: 4, valueText: '4 prosjekter' },
  { label: 'Etablere ny praksis', value: 0 },
];

async function render(inputs: Record<string, unknown> = {}) {
  const fixture = TestBed.createComponent(BarChart);
  fixture.componentRef.setInput('caption', 'Prosjekter per trinn');
  fixture.componentRef.setInput('data', DATA);
  fixture.componentRef.setInput('labelHeader', 'Trinn');
  fixture.componentRef.setInput('valueHeader', 'Prosjekter');
  for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
  await fixture.whenStable();
  return { fixture, element: fixture.nativeElement as HTMLElement };
}

function cells(element: HTMLElement): string[][] {
  return Array.from(element.querySelectorAll('tbody tr')).map((row) =>
    Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent?.trim() ?? ''),
  );
}

describe('BarChart', () => {
  it('holds the same numbers in a table named by the caption, for screen readers', async () => {
    const { element } = await render();
    const table = element.querySelector('table');
    const caption = element.querySelector('figcaption');

    expect(cells(element)).toEqual([
      ['Lære og utforske sammen', '2'],
      ['Utvikle og teste', '4 prosjekter'],
      ['Etablere ny praksis', '0'],
    ]);
    expect(table?.getAttribute('aria-labelledby')).toBe(caption?.id);
    expect(caption?.textContent?.trim()).toBe('Prosjekter per trinn');
    expect(table?.parentElement?.classList).toContain('ds-sr-only');
    expect(element.querySelector('.plot')?.getAttribute('aria-hidden')).toBe('true');
  });

  it('scales bars to the largest value and writes every number beside its bar', async () => {
    const { element } = await render();
    const bars = Array.from(element.querySelectorAll<HTMLElement>('.bar'));
    const values = Array.from(element.querySelectorAll('.plot .value')).map((v) => v.textContent?.trim());

    // A zero draws no bar at all, only its number.
    expect(bars.map((bar) => bar.style.getPropertyValue('--share'))).toEqual(['0.5', '1']);
    expect(values).toEqual(['2', '4 prosjekter', '0']);
  });

  it('lets sighted readers switch to the table with a toggle button', async () => {
    const { fixture, element } = await render({ tableToggleLabel: 'Vis som tabell' });
    const button = element.querySelector('button');
    expect(button?.getAttribute('aria-pressed')).toBe('false');

    button?.click();
    await fixture.whenStable();

    expect(button?.getAttribute('aria-pressed')).toBe('true');
    expect(element.querySelector('table')?.parentElement?.classList).not.toContain('ds-sr-only');
    expect(element.querySelector('.plot')).toBeNull();
  });

  it('has no toggle unless asked for one', async () => {
    const { element } = await render();
    expect(element.querySelector('button')).toBeNull();
  });
});

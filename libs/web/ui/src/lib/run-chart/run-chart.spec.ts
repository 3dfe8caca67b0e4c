import { TestBed } from '@angular/core/testing';
import { RunChart } from './run-chart';

const POINTS = [
  { measuredOn: '2026-01-28', value: 14 },
  { measuredOn: '2026-02-28', value: 13 },
  { measuredOn: '2026-03-28', value: 9 },
];

async function render(inputs: Record<string, unknown> = {}) {
  const fixture = TestBed.createComponent(RunChart);
  fixture.componentRef.setInput('caption', 'Gran kommune');
  fixture.componentRef.setInput('points', POINTS);
  fixture.componentRef.setInput('median', 13);
  fixture.componentRef.setInput('target', 7);
  fixture.componentRef.setInput('signals', [{ from: '2026-02-28', to: '2026-03-28' }]);
  for (const [name, value] of Object.entries(inputs)) fixture.componentRef.setInput(name, value);
  await fixture.whenStable();
  return { fixture, element: fixture.nativeElement as HTMLElement };
}

describe('RunChart', () => {
  it('draws each point, marking those in a signal, with the median and the target as lines', async () => {
    const { element } = await render();
    const circles = Array.from(element.querySelectorAll('circle'));
    expect(circles.map((c) => c.classList.contains('signal'))).toEqual([false, true, true]);
    // Time runs left to right; lower values are lower on the chart.
    const xs = circles.map((c) => Number(c.getAttribute('cx')));
    const ys = circles.map((c) => Number(c.getAttribute('cy')));
    expect(xs[0]).toBeLessThan(xs[1] as number);
    expect(ys[2]).toBeGreaterThan(ys[0] as number);
    expect(element.querySelector('.median-label')?.textContent).toBe('Median 13');
    expect(element.querySelector('.target-label')?.textContent).toBe('Mål 7');
  });

  it('is an image named by its caption and described by its sentence, with every point in a table', async () => {
    const { element } = await render({ summary: 'To målinger på rad under medianen.' });
    const svg = element.querySelector('svg');
    const caption = element.querySelector('figcaption');
    expect(svg?.getAttribute('role')).toBe('img');
    expect(svg?.getAttribute('aria-labelledby')).toBe(caption?.id);
    expect(element.querySelector(`#${svg?.getAttribute('aria-describedby')}`)?.textContent).toBe('To målinger på rad under medianen.');
    const rows = Array.from(element.querySelectorAll('tbody tr')).map((r) => Array.from(r.children).map((c) => c.textContent?.trim()));
    expect(rows).toEqual([
      ['2026-01-28', '14', ''],
      ['2026-02-28', '13', 'Ja'],
      ['2026-03-28', '9', 'Ja'],
    ]);
  });

  it('numbers what the team did on the time axis and lists it in words, leaving out what lies outside the series', async () => {
    const { element } = await render({
      markers: [
        { date: '2025-12-01', kind: 'Fase', text: 'Før målingene' },
        { date: '2026-02-10', kind: 'Fase', text: 'Til utprøving' },
        { date: '2026-03-01', kind: 'Logg', text: 'Kamera-tilsyn' },
      ],
    });
    expect(Array.from(element.querySelectorAll('.marker text')).map((t) => t.textContent)).toEqual(['1', '2']);
    expect(Array.from(element.querySelectorAll('.markers li')).map((li) => li.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      '2026-02-10 · Fase: Til utprøving',
      '2026-03-01 · Logg: Kamera-tilsyn',
    ]);
  });

  it('shows the table instead of the drawing when asked', async () => {
    const { fixture, element } = await render({ tableToggleLabel: 'Vis som tabell' });
    element.querySelector('button')?.click();
    await fixture.whenStable();
    expect(element.querySelector('svg')).toBeNull();
    expect(element.querySelector('.table')?.classList).not.toContain('ds-sr-only');
  });
});

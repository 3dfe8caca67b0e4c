import { TestBed } from '@angular/core/testing';
import { ProgressBar } from './progress-bar';

describe('ProgressBar', () => {
  async function render(value: number | null) {
    const fixture = TestBed.createComponent(ProgressBar);
    fixture.componentRef.setInput('value', value);
    fixture.componentRef.setInput('label', 'Ventetid');
    fixture.componentRef.setInput('valueText', '43 % av veien');
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('gives the share as a percentage with its words, and clamps it', async () => {
    const bar = (await render(0.434)).querySelector('[role=progressbar]') as HTMLElement;
    expect(bar.getAttribute('aria-valuenow')).toBe('43');
    expect(bar.getAttribute('aria-valuetext')).toBe('43 % av veien');
    expect(bar.getAttribute('aria-label')).toBe('Ventetid');
    expect((bar.firstElementChild as HTMLElement).style.width).toBe('43%');

    const over = (await render(1.7)).querySelector('[role=progressbar]') as HTMLElement;
    expect(over.getAttribute('aria-valuenow')).toBe('100');
  });

  it('has no value before anything is measured', async () => {
    const bar = (await render(null)).querySelector('[role=progressbar]') as HTMLElement;
    expect(bar.hasAttribute('aria-valuenow')).toBe(false);
  });
});

import { TestBed } from '@angular/core/testing';
import { MatchMarker } from './match-marker';

describe('MatchMarker', () => {
  async function render(met: boolean, text: string) {
    const fixture = TestBed.createComponent(MatchMarker);
    fixture.componentRef.setInput('met', met);
    fixture.componentRef.setInput('text', text);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('says in words that the answer meets one, with a tick', async () => {
    const element = await render(true, 'Møter et ønske');
    expect(element.querySelector('.met')?.textContent).toContain('Møter et ønske');
    expect(element.querySelector('.icon')?.textContent).toBe('✓');
  });

  it('says in words when nothing answers it, with an open mark', async () => {
    const element = await render(false, 'Ingen ønske møter dette ennå');
    expect(element.querySelector('.open')?.textContent).toContain('Ingen ønske møter dette ennå');
    expect(element.querySelector('.icon')?.textContent).toBe('');
  });
});

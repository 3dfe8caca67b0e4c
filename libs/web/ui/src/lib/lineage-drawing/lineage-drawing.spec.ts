import { TestBed } from '@angular/core/testing';
import { LineageDrawing } from './lineage-drawing';

describe('LineageDrawing', () => {
  const node = (id: string, title: string, depth: number) => ({ id, title, organization: { name: `Org ${id}` }, depth });

  async function render() {
    const fixture = TestBed.createComponent(LineageDrawing);
    fixture.componentRef.setInput('nodes', [
      node('b', 'Bærums innføringsmodell', -1),
      node('v', 'Vestre Totens Lean-program med et veldig langt navn', -1),
      node('n', 'Lean i NAV Drammen', 0),
    ]);
    fixture.componentRef.setInput('edges', [
      { from: 'b', to: 'n' },
      { from: 'v', to: 'n' },
      { from: 'x', to: 'n' },
    ]);
    fixture.componentRef.setInput('label', 'Slektstre for Lean i NAV Drammen: 3 praksiser.');
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('draws one box per practice, a line per known origin, and marks the practice itself', async () => {
    const element = await render();
    expect(element.querySelectorAll('g')).toHaveLength(3);
    expect(element.querySelectorAll('path.edge')).toHaveLength(2);
    expect(element.querySelector('g.current .title')?.textContent).toBe('Lean i NAV Drammen');
    expect(Array.from(element.querySelectorAll('.title')).map((t) => t.textContent)).toContain('Vestre Totens Lean-progra…');
  });

  it('is one image with a name, its drawing hidden from screen readers', async () => {
    const element = await render();
    expect(element.getAttribute('role')).toBe('img');
    expect(element.getAttribute('aria-label')).toBe('Slektstre for Lean i NAV Drammen: 3 praksiser.');
    expect(element.querySelector('svg')?.getAttribute('aria-hidden')).toBe('true');
  });
});

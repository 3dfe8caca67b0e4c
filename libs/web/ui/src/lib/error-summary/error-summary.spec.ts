import { TestBed } from '@angular/core/testing';
import { ErrorSummary } from './error-summary';

function find<T extends Element>(root: Element, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`No ${selector} rendered`);
  return element;
}

describe('ErrorSummary', () => {
  async function render(items: { message: string; fieldId?: string }[]) {
    document.body.innerHTML = '<input id="email" />';
    const fixture = TestBed.createComponent(ErrorSummary);
    fixture.componentRef.setInput('heading', 'Rett opp dette:');
    fixture.componentRef.setInput('items', items);
    document.body.appendChild(fixture.nativeElement);
    await fixture.whenStable();
    return { fixture, element: fixture.nativeElement as HTMLElement };
  }

  it('names itself by its heading and can take focus', async () => {
    const { fixture, element } = await render([{ message: 'Feil e-post eller passord.' }]);
    const box = find<HTMLElement>(element, '.ds-error-summary');
    const heading = find(element, 'h2');

    fixture.componentInstance.focus();

    expect(document.activeElement).toBe(box);
    expect(box.getAttribute('aria-labelledby')).toBe(heading.id);
    expect(element.textContent).toContain('Feil e-post eller passord.');
  });

  it('links an item to its field and moves focus there without leaving the page', async () => {
    const { element } = await render([{ message: 'Skriv inn e-postadressen din.', fieldId: 'email' }]);
    const link = find<HTMLAnchorElement>(element, 'a');
    const click = new MouseEvent('click', { cancelable: true, bubbles: true });

    link.dispatchEvent(click);

    expect(link.getAttribute('href')).toBe('#email');
    expect(click.defaultPrevented).toBe(true);
    expect(document.activeElement?.id).toBe('email');
  });
});

import { TestBed } from '@angular/core/testing';
import { Snippet, type SnippetPart } from './snippet';

describe('Snippet', () => {
  async function render(parts: SnippetPart[]) {
    const fixture = TestBed.createComponent(Snippet);
    fixture.componentRef.setInput('parts', parts);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  it('marks the matched words and keeps the text around them as it is', async () => {
    const element = await render([
      { text: 'Samtykke', match: true },
      { text: ' må hentes inn før ', match: false },
      { text: 'utprøving', match: true },
      { text: '.', match: false },
    ]);
    expect(element.textContent).toBe('Samtykke må hentes inn før utprøving.');
    expect(Array.from(element.querySelectorAll('mark')).map((m) => m.textContent)).toEqual(['Samtykke', 'utprøving']);
  });

  it('shows markup in the text as text', async () => {
    const element = await render([{ text: '<b>fet</b> <script>x</script>', match: false }]);
    expect(element.querySelector('b, script')).toBeNull();
    expect(element.textContent).toBe('<b>fet</b> <script>x</script>');
  });
});

import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { PersonRef } from '@samspill/contracts';
import { MentionPicker } from './mention-picker';
import { button, find, setUpTalk, visibleText } from './talk.testing';

describe('MentionPicker', () => {
  let backend: HttpTestingController;

  beforeEach(async () => {
    backend = await setUpTalk();
    jest.useFakeTimers();
  });

  afterEach(() => {
    jest.useRealTimers();
    backend.verify();
  });

  function render() {
    const fixture = TestBed.createComponent(MentionPicker);
    fixture.componentRef.setInput('thread', { entityType: 'project', entityId: 'pr1' });
    document.body.appendChild(fixture.nativeElement);
    TestBed.tick();
    const host = fixture.nativeElement as HTMLElement;
    const input = find<HTMLInputElement>(host, 'input[role="combobox"]');
    const type = (value: string) => {
      input.value = value;
      input.dispatchEvent(new Event('input'));
      jest.advanceTimersByTime(300);
      TestBed.tick();
    };
    const key = (name: string) => {
      input.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true }));
      TestBed.tick();
    };
    return { fixture, host, input, type, key };
  }

  it('searches those who may see the thread and chooses with the arrow keys and Enter', () => {
    const { fixture, host, input, type, key } = render();
    type('l');
    backend.expectNone((request) => request.url.endsWith('/mentionable'));

    type('li');
    const search = backend.expectOne((request) => request.url === '/api/projects/pr1/comments/mentionable');
    expect(search.request.params.get('q')).toBe('li');
    search.flush([
      { id: 'u2', name: 'Lise Leder', organization: { id: 'o2', name: 'Lunner kommune' } },
      { id: 'u3', name: 'Linn Ansatt', organization: { id: 'o1', name: 'Gran kommune' } },
    ]);
    TestBed.tick();

    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(host.querySelectorAll('[role="option"]')).toHaveLength(2);
    expect(host.querySelector('[role="status"]')?.textContent).toContain('2 treff');

    key('ArrowDown');
    key('ArrowDown');
    expect(input.getAttribute('aria-activedescendant')).toBe(host.querySelectorAll('[role="option"]')[1]?.id);
    key('Enter');

    const chosen: PersonRef[] = fixture.componentInstance.chosen();
    expect(chosen).toEqual([{ id: 'u3', name: 'Linn Ansatt' }]);
    expect(input.value).toBe('');
    expect(input.getAttribute('aria-expanded')).toBe('false');
    expect(visibleText(host)).toContain('Nevnt Linn Ansatt');
    expect(host.querySelector('[role="status"]')?.textContent).toContain('Linn Ansatt blir nevnt.');
  });

  it('closes the list on Escape and removes a chosen person with their button', () => {
    const { fixture, host, input, type, key } = render();
    fixture.componentInstance.chosen.set([{ id: 'u2', name: 'Lise Leder' }]);
    type('an');
    backend
      .expectOne((request) => request.url.endsWith('/mentionable'))
      .flush([
        { id: 'u2', name: 'Lise Leder', organization: { id: 'o2', name: 'Lunner kommune' } },
        { id: 'u3', name: 'Linn Ansatt', organization: { id: 'o1', name: 'Gran kommune' } },
      ]);
    TestBed.tick();
    // Who is already chosen is not offered again.
    expect(host.querySelectorAll('[role="option"]')).toHaveLength(1);
    key('Escape');
    expect(input.getAttribute('aria-expanded')).toBe('false');

    button(host, '×').click();
    TestBed.tick();
    expect(fixture.componentInstance.chosen()).toEqual([]);
    expect(host.querySelector('[role="status"]')?.textContent).toContain('Lise Leder blir ikke nevnt.');
  });
});

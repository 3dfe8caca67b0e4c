import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { NotificationItem } from '@samspill/contracts';
import { NotificationCenter } from './notification-center';
import { NotificationsPage, routeOf } from './notifications-page';
import { button, find, setUpTalk, visibleText } from './talk.testing';

function item(n: number, changes: Partial<NotificationItem> = {}): NotificationItem {
  return {
    id: `n${n}`,
    kind: 'comment',
    text: `Nytt innlegg nummer ${n}`,
    link: `/projects/pr1#comment-c${n}`,
    createdAt: '2026-11-20T09:15:00.000Z',
    readAt: null,
    ...changes,
  };
}

const isList = (unread: boolean, offset: number) => (request: { url: string; params: { get(name: string): string | null } }) =>
  request.url === '/api/notifications' &&
  request.params.get('offset') === String(offset) &&
  request.params.get('limit') === '21' &&
  request.params.get('unread') === (unread ? 'true' : null);

describe('NotificationsPage', () => {
  let backend: HttpTestingController;

  beforeEach(async () => {
    backend = await setUpTalk();
  });

  afterEach(() => backend.verify());

  function render() {
    const fixture = TestBed.createComponent(NotificationsPage);
    document.body.appendChild(fixture.nativeElement);
    TestBed.tick();
    return { fixture, host: fixture.nativeElement as HTMLElement };
  }

  it('lists a page with links to the things, and turns to the next page when there is one', async () => {
    const { fixture, host } = render();
    const page = Array.from({ length: 21 }, (_, i) => item(i + 1, i === 0 ? {} : { readAt: '2026-11-21T08:00:00.000Z', kind: 'stage' }));
    backend.expectOne(isList(false, 0)).flush({ items: page, unread: 1 });
    await fixture.whenStable();

    const rows = host.querySelectorAll('#notifications > li');
    expect(rows).toHaveLength(20);
    expect(rows[0]?.classList).toContain('unread');
    expect(visibleText(rows[0])).toContain('Ulest · Nytt innlegg');
    expect(visibleText(rows[1])).toContain('Fase');
    expect(rows[0]?.querySelector('a')?.getAttribute('href')).toBe('/projects/pr1#comment-c1');
    expect(TestBed.inject(NotificationCenter).unread()).toBe(1);
    expect(visibleText(host)).toContain('1 uleste');

    button(host, 'Neste side').click();
    TestBed.tick();
    backend.expectOne(isList(false, 20)).flush({ items: [item(22)], unread: 1 });
    await fixture.whenStable();
    expect(host.querySelectorAll('#notifications > li')).toHaveLength(1);
    expect(visibleText(host)).toContain('Side 2');
    expect(() => button(host, 'Neste side')).toThrow();
  });

  it('marks one and then all read, and shows only the unread on request', async () => {
    const { fixture, host } = render();
    backend.expectOne(isList(false, 0)).flush({ items: [item(1), item(2)], unread: 2 });
    await fixture.whenStable();

    button(find(host, '#notifications > li'), /^Merk som lest/).click();
    const one = backend.expectOne({ method: 'POST', url: '/api/notifications/read' });
    expect(one.request.body).toEqual({ ids: ['n1'] });
    one.flush(null);
    TestBed.tick();
    backend.expectOne(isList(false, 0)).flush({ items: [item(1, { readAt: '2026-11-21T08:00:00.000Z' }), item(2)], unread: 1 });
    await fixture.whenStable();
    expect(host.querySelector('[role="status"]')?.textContent).toContain('Varselet er merket som lest.');
    expect(document.activeElement?.id).toBe('link-n1');

    button(host, 'Merk alle som lest').click();
    const all = backend.expectOne({ method: 'POST', url: '/api/notifications/read' });
    expect(all.request.body).toEqual({ all: true });
    all.flush(null);
    TestBed.tick();
    backend.expectOne(isList(false, 0)).flush({ items: [], unread: 0 });
    await fixture.whenStable();
    expect(TestBed.inject(NotificationCenter).unread()).toBe(0);

    const unreadOnly = find<HTMLInputElement>(host, '#unread-only');
    unreadOnly.checked = true;
    unreadOnly.dispatchEvent(new Event('change'));
    TestBed.tick();
    backend.expectOne(isList(true, 0)).flush({ items: [], unread: 0 });
    await fixture.whenStable();
    expect(visibleText(host)).toContain('Ingen uleste varsler.');
  });

  it('splits a link into the path and the comment after #', () => {
    expect(routeOf('/projects/pr1#comment-c1')).toEqual({ path: '/projects/pr1', fragment: 'comment-c1' });
    expect(routeOf('/practices/p1')).toEqual({ path: '/practices/p1', fragment: undefined });
  });
});

import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { ActivatedRoute, convertToParamMap } from '@angular/router';
import { FollowButton } from './follow-button';
import { NotificationSettingsPanel } from './notification-settings';
import { button, find, setUpTalk, visibleText } from './talk.testing';
import { UnsubscribePage } from './unsubscribe-page';

describe('FollowButton', () => {
  let backend: HttpTestingController;
  beforeEach(async () => (backend = await setUpTalk()));
  afterEach(() => backend.verify());

  it('shows whether the person follows, and follows and unfollows with one toggle', async () => {
    const fixture = TestBed.createComponent(FollowButton);
    fixture.componentRef.setInput('entityType', 'practice');
    fixture.componentRef.setInput('entityId', 'p1');
    const host = fixture.nativeElement as HTMLElement;
    TestBed.tick();
    expect(host.querySelector('button')).toBeNull();
    const state = backend.expectOne((request) => request.url === '/api/follows');
    expect(state.request.params.get('entityType')).toBe('practice');
    expect(state.request.params.get('entityId')).toBe('p1');
    state.flush({ following: false });
    await fixture.whenStable();

    const toggle = find(host, 'button[role="switch"]');
    expect(toggle.getAttribute('aria-checked')).toBe('false');
    expect(visibleText(toggle)).toBe('+ Følg praksisen');
    toggle.click();
    const put = backend.expectOne({ method: 'PUT', url: '/api/follows' });
    expect(put.request.body).toEqual({ entityType: 'practice', entityId: 'p1' });
    put.flush(null);
    await fixture.whenStable();
    expect(toggle.getAttribute('aria-checked')).toBe('true');
    expect(visibleText(toggle)).toBe('✓ Følg praksisen');
    expect(host.querySelector('[role="status"]')?.textContent).toContain('Du følger nå dette.');

    toggle.click();
    const remove = backend.expectOne({ method: 'DELETE', url: '/api/follows' });
    expect(remove.request.body).toEqual({ entityType: 'practice', entityId: 'p1' });
    remove.flush(null);
    await fixture.whenStable();
    expect(toggle.getAttribute('aria-checked')).toBe('false');
  });
});

describe('NotificationSettingsPanel', () => {
  let backend: HttpTestingController;
  beforeEach(async () => (backend = await setUpTalk()));
  afterEach(() => backend.verify());

  it('opens on the saved settings and saves what the person chose', async () => {
    const fixture = TestBed.createComponent(NotificationSettingsPanel);
    const host = fixture.nativeElement as HTMLElement;
    document.body.appendChild(host);
    TestBed.tick();
    backend.expectOne('/api/auth/me/settings').flush({ digest: 'weekly', emailOnMention: true, emailOnReply: false });
    await fixture.whenStable();

    const radio = (id: string) => find<HTMLInputElement>(host, `input[type="radio"][id$="-digest-${id}"]`);
    const box = (label: string) => {
      const found = Array.from(host.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')).find(
        (input) => visibleText(find(host, `label[for="${input.id}"]`)) === label,
      );
      if (!found) throw new Error(`no checkbox labelled ${label}`);
      return found;
    };
    expect(radio('weekly').checked).toBe(true);
    expect(box('Når noen nevner meg').checked).toBe(true);
    expect(box('Når noen svarer på innlegget mitt').checked).toBe(false);

    radio('daily').click();
    box('Når noen nevner meg').click();
    TestBed.tick();
    box('Når noen svarer på innlegget mitt').click();
    TestBed.tick();
    button(host, 'Lagre innstillingene').click();
    const patch = backend.expectOne({ method: 'PATCH', url: '/api/auth/me/settings' });
    expect(patch.request.body).toEqual({ digest: 'daily', emailOnMention: false, emailOnReply: true });
    patch.flush({ digest: 'daily', emailOnMention: false, emailOnReply: true });
    await fixture.whenStable();
    expect(visibleText(host)).toContain('Innstillingene er lagret.');
  });
});

describe('UnsubscribePage', () => {
  let backend: HttpTestingController;
  afterEach(() => backend.verify());

  async function render(token: string | null) {
    const route = { snapshot: { queryParamMap: convertToParamMap(token ? { token } : {}) } };
    backend = await setUpTalk('staff', 'u1', [{ provide: ActivatedRoute, useValue: route }]);
    const fixture = TestBed.createComponent(UnsubscribePage);
    TestBed.tick();
    return { fixture, host: fixture.nativeElement as HTMLElement };
  }

  it('unsubscribes with one press and says from what', async () => {
    const { fixture, host } = await render('abc.def');
    // Opening the page changes nothing: a link checker that follows the mail's link unsubscribes nobody.
    backend.expectNone('/api/unsubscribe');
    button(host, 'Meld meg av').click();
    const post = backend.expectOne((request) => request.url === '/api/unsubscribe');
    expect(post.request.method).toBe('POST');
    expect(post.request.params.get('token')).toBe('abc.def');
    post.flush({ kind: 'digest' });
    await fixture.whenStable();
    expect(visibleText(host)).toContain('Du får ikke lenger oppsummeringen på e-post.');
  });

  it('says so when the token is forged', async () => {
    const { fixture, host } = await render('forged');
    button(host, 'Meld meg av').click();
    backend
      .expectOne((request) => request.url === '/api/unsubscribe')
      .flush({ statusCode: 400, code: 'INVALID_TOKEN', message: 'x' }, { status: 400, statusText: 'Bad Request' });
    await fixture.whenStable();
    expect(host.querySelector('[role="alert"]')?.textContent).toContain('Lenken kan ikke brukes til å melde deg av.');
  });
});

import type { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CommentThread } from './comment-thread';
import { aComment, button, find, setUpTalk, visibleText } from './talk.testing';

const THREAD = '/api/projects/pr1/comments';

describe('CommentThread', () => {
  let backend: HttpTestingController;

  async function render(role: 'staff' | 'politician' | 'admin' = 'staff') {
    backend = await setUpTalk(role);
    const fixture = TestBed.createComponent(CommentThread);
    fixture.componentRef.setInput('entityType', 'project');
    fixture.componentRef.setInput('entityId', 'pr1');
    document.body.appendChild(fixture.nativeElement);
    TestBed.tick();
    return { fixture, host: fixture.nativeElement as HTMLElement };
  }

  afterEach(() => backend.verify());

  it('shows replies under their comment, a deleted comment as a placeholder, and text escaped', async () => {
    const { fixture, host } = await render();
    const first = aComment('c1', { text: '<script>alert(1)</script>\nAndre linje', editedAt: '2026-11-21T10:00:00.000Z' });
    const gone = aComment('c2', { deleted: true, text: '' });
    const reply = aComment('c3', { parentId: 'c2', text: 'Svaret står i sammenhengen', mentions: [{ id: 'u1', name: 'Kari Nordmann' }] });
    backend.expectOne(THREAD).flush([first, gone, reply]);
    await fixture.whenStable();

    const top = host.querySelectorAll('ol.thread > li');
    expect(top).toHaveLength(2);
    expect(host.querySelector('#comment-c1 .text')?.textContent).toBe('<script>alert(1)</script>\nAndre linje');
    expect(host.querySelector('script')).toBeNull();
    expect(visibleText(find(host, '#comment-c1'))).toContain('(redigert');
    expect(visibleText(find(host, '#comment-c2'))).toBe('Innlegget er slettet.');
    const replies = top[1]?.querySelector('ol.replies');
    expect(replies?.getAttribute('aria-label')).toBe('Svar på innlegget fra Lise Leder');
    expect(visibleText(replies)).toContain('Svaret står i sammenhengen');
    expect(visibleText(replies)).toContain('Nevnt: Kari Nordmann');
    // Nobody replies to a reply, nor to a deleted comment.
    expect(host.querySelector('#comment-c3 button')).toBeNull();
    expect(host.querySelector('#comment-c2 button')).toBeNull();
  });

  it('posts a comment with the count of characters left, then shows it and says so', async () => {
    const { fixture, host } = await render();
    backend.expectOne(THREAD).flush([]);
    await fixture.whenStable();
    expect(visibleText(host)).toContain('Ingen har skrevet noe her ennå.');

    const text = find<HTMLTextAreaElement>(host, 'textarea');
    text.value = '  Hvordan fikk dere lederne med?  ';
    text.dispatchEvent(new Event('input'));
    await fixture.whenStable();
    expect(visibleText(host)).toContain('9 966 tegn igjen');
    button(host, 'Publiser').click();
    const post = backend.expectOne({ method: 'POST', url: THREAD });
    expect(post.request.body).toEqual({ text: 'Hvordan fikk dere lederne med?' });
    const mine = aComment('c9', { text: 'Hvordan fikk dere lederne med?', author: { id: 'u1', name: 'Kari Nordmann' } });
    post.flush(mine);
    TestBed.tick();
    backend.expectOne(THREAD).flush([mine]);
    await fixture.whenStable();

    expect(host.querySelector('[role="status"]')?.textContent).toContain('Innlegget er publisert.');
    expect(visibleText(find(host, '#comment-c9'))).toContain('Hvordan fikk dere lederne med?');
    expect(button(find(host, '#comment-c9'), /^Rediger/)).toBeTruthy();
  });

  it('refuses an empty comment before sending and says why the API refused a mention', async () => {
    const { fixture, host } = await render();
    backend.expectOne(THREAD).flush([]);
    await fixture.whenStable();

    button(host, 'Publiser').click();
    await fixture.whenStable();
    expect(visibleText(host)).toContain('Skriv noe før du publiserer.');
    backend.expectNone({ method: 'POST', url: THREAD });

    const text = find<HTMLTextAreaElement>(host, 'textarea');
    text.value = 'Hei';
    text.dispatchEvent(new Event('input'));
    button(host, 'Publiser').click();
    backend
      .expectOne({ method: 'POST', url: THREAD })
      .flush({ statusCode: 400, code: 'INVALID_MENTIONS', message: 'x' }, { status: 400, statusText: 'Bad Request' });
    await fixture.whenStable();
    expect(visibleText(host)).toContain('Du kan bare nevne personer som kan se denne tråden.');
  });

  it('replies to a comment with parentId', async () => {
    const { fixture, host } = await render();
    backend.expectOne(THREAD).flush([aComment('c1')]);
    await fixture.whenStable();

    button(find(host, '#comment-c1'), 'Svar til Lise Leder').click();
    await fixture.whenStable();
    const reply = find<HTMLTextAreaElement>(host, 'ol.thread textarea');
    expect(document.activeElement).toBe(reply);
    reply.value = 'Med tavlemøter';
    reply.dispatchEvent(new Event('input'));
    button(host, 'Send svar').click();
    const post = backend.expectOne({ method: 'POST', url: THREAD });
    expect(post.request.body).toEqual({ text: 'Med tavlemøter', parentId: 'c1' });
  });

  it('lets the author reword and delete their own comment, after asking', async () => {
    const { fixture, host } = await render();
    const mine = aComment('c1', { author: { id: 'u1', name: 'Kari Nordmann' } });
    backend.expectOne(THREAD).flush([mine, aComment('c2')]);
    await fixture.whenStable();
    expect(host.querySelector('#comment-c2')?.textContent).not.toContain('Rediger');

    button(find(host, '#comment-c1'), /^Rediger/).click();
    await fixture.whenStable();
    const text = find<HTMLTextAreaElement>(host, '#comment-c1 textarea');
    expect(text.value).toBe('Tekst c1');
    text.value = 'Ny ordlyd';
    text.dispatchEvent(new Event('input'));
    button(host, 'Lagre').click();
    const patch = backend.expectOne({ method: 'PATCH', url: '/api/comments/c1' });
    expect(patch.request.body).toEqual({ text: 'Ny ordlyd' });
    patch.flush({ ...mine, text: 'Ny ordlyd', editedAt: '2026-11-21T10:00:00.000Z' });
    TestBed.tick();
    backend.expectOne(THREAD).flush([{ ...mine, text: 'Ny ordlyd', editedAt: '2026-11-21T10:00:00.000Z' }]);
    await fixture.whenStable();

    button(find(host, '#comment-c1'), /^Slett/).click();
    await fixture.whenStable();
    expect(visibleText(host)).toContain('Vil du slette innlegget?');
    expect(document.activeElement?.id).toBe('confirm-delete-c1');
    button(host, 'Ja, slett').click();
    backend.expectOne({ method: 'DELETE', url: '/api/comments/c1' }).flush(null, { status: 204, statusText: 'No Content' });
    TestBed.tick();
    backend.expectOne(THREAD).flush([{ ...mine, text: '', deleted: true }]);
    await fixture.whenStable();
    expect(visibleText(find(host, '#comment-c1'))).toBe('Innlegget er slettet.');
  });

  it('gives a politician the thread to read and no form', async () => {
    const { fixture, host } = await render('politician');
    backend.expectOne(THREAD).flush([aComment('c1')]);
    await fixture.whenStable();
    expect(host.querySelector('textarea')).toBeNull();
    expect(host.querySelector('#comment-c1 button')).toBeNull();
    expect(visibleText(host)).toContain('politikere skriver ikke i den');
  });

  it("lets an admin delete anyone's comment, and write none", async () => {
    const { fixture, host } = await render('admin');
    backend.expectOne(THREAD).flush([aComment('c1')]);
    await fixture.whenStable();
    expect(host.querySelector('textarea')).toBeNull();
    expect(visibleText(host)).toContain('Som administrator skriver du ikke her');
    expect(() => button(find(host, '#comment-c1'), /^Rediger/)).toThrow();
    expect(() => button(find(host, '#comment-c1'), /^Svar/)).toThrow();

    button(find(host, '#comment-c1'), /^Slett innlegget fra Lise Leder/).click();
    await fixture.whenStable();
    button(host, 'Ja, slett').click();
    backend.expectOne({ method: 'DELETE', url: '/api/comments/c1' }).flush(null, { status: 204, statusText: 'No Content' });
    TestBed.tick();
    backend.expectOne(THREAD).flush([aComment('c1', { deleted: true, text: '' })]);
    await fixture.whenStable();
    expect(visibleText(find(host, '#comment-c1'))).toBe('Innlegget er slettet.');
  });
});

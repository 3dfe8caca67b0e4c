import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { authInterceptor } from '../core/auth/auth-interceptor';
import { SignInPage } from './sign-in-page';

describe('SignInPage', () => {
  async function render() {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
    });
    const fixture = TestBed.createComponent(SignInPage);
    document.body.appendChild(fixture.nativeElement);
    await fixture.whenStable();
    const page = fixture.nativeElement as HTMLElement;
    const find = <T extends Element>(selector: string): T => {
      const element = page.querySelector<T>(selector);
      if (!element) throw new Error(`No ${selector} on the page`);
      return element;
    };
    const type = (id: string, value: string) => {
      const input = find<HTMLInputElement>(`#${id}`);
      input.value = value;
      input.dispatchEvent(new Event('input'));
    };
    const submit = async () => {
      find('form').dispatchEvent(new Event('submit'));
      await fixture.whenStable();
    };
    return { fixture, page, type, submit, backend: TestBed.inject(HttpTestingController) };
  }

  afterEach(() => localStorage.clear());

  it('explains empty fields inline and in a focused error summary', async () => {
    const { page, submit, backend } = await render();

    await submit();

    expect(page.querySelector('#email-error')?.textContent).toContain('Skriv inn e-postadressen din.');
    expect(page.querySelector('#password')?.getAttribute('aria-invalid')).toBe('true');
    expect(document.activeElement?.classList).toContain('ds-error-summary');
    backend.verify();
  });

  it('shows a sentence, not a status, for a wrong password', async () => {
    const { fixture, page, type, submit, backend } = await render();
    type('email', 'ansatt@gran.kommune.no');
    type('password', 'wrong');

    await submit();
    // E-mail first: the address has no provider of its own, so the password is sent.
    backend.expectOne('/api/auth/sign-in-method').flush({ method: 'password' });
    await fixture.whenStable();
    backend
      .expectOne('/api/auth/login')
      .flush(
        { statusCode: 401, code: 'INVALID_CREDENTIALS', message: 'Invalid email or password' },
        { status: 401, statusText: 'Unauthorized' },
      );
    await fixture.whenStable();

    expect(page.querySelector('.ds-error-summary')?.textContent).toContain('Feil e-post eller passord.');
    expect(page.textContent).not.toContain('401');
  });

  it('sends a person whose organisation has its own provider there, without asking for a password', async () => {
    const { fixture, page, type, submit, backend } = await render();
    type('email', 'ansatt@gran.kommune.no');
    page.querySelector('#email')?.dispatchEvent(new FocusEvent('focusout', { bubbles: true }));
    backend.expectOne('/api/auth/sign-in-method').flush({ method: 'oidc', redirectUrl: 'https://idp.example/auth' });
    await fixture.whenStable();

    expect(page.querySelector('#password')).toBeNull();
    expect(page.textContent).toContain('Organisasjonen din logger inn med sin egen innlogging.');
    expect(page.querySelector('button[type="submit"]')?.textContent?.trim()).toBe('Fortsett til innlogging');

    await submit();
    const start = backend.expectOne('/api/auth/sign-in-method');
    expect(start.request.body).toEqual({ email: 'ansatt@gran.kommune.no', returnUrl: '/' });
    backend.verify();
  });
});

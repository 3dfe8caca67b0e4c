import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { AuthResponse, Locale } from '@samspill/contracts';
import { firstValueFrom } from 'rxjs';
import { I18n } from '../i18n/i18n';
import { Auth, RENEWAL_LOCK } from './auth';

const session = (locale: Locale): AuthResponse => ({
  accessToken: 'token',
  expiresIn: 900,
  user: { id: 'u1', email: 'ansatt@gran.kommune.no', name: 'Kari Nordmann', role: 'staff', organization: null, locale },
});

describe('Auth and the person’s language', () => {
  let backend: HttpTestingController;
  let auth: Auth;
  let i18n: I18n;

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    backend = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(Auth);
    i18n = TestBed.inject(I18n);
  });

  afterEach(() => backend.verify());

  it('switches to the person’s stored language on sign-in and on a renewal (another device may have changed it)', async () => {
    const signedIn = firstValueFrom(auth.login('ansatt@gran.kommune.no', 'secret'));
    backend.expectOne('/api/auth/login').flush(session('da'));
    await signedIn;
    expect(i18n.locale()).toBe('da');

    const renewed = firstValueFrom(auth.refresh());
    backend.expectOne('/api/auth/refresh').flush(session('fi'));
    await renewed;
    expect(i18n.locale()).toBe('fi');
  });

  it('saves a choice to the profile of a signed-in person, once', async () => {
    const signedIn = firstValueFrom(auth.login('ansatt@gran.kommune.no', 'secret'));
    backend.expectOne('/api/auth/login').flush(session('nb'));
    await signedIn;

    const saved = firstValueFrom(auth.saveLocale('sv'));
    const patch = backend.expectOne('/api/auth/me');
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.body).toEqual({ locale: 'sv' });
    patch.flush({ ...session('sv').user, active: true });
    await saved;
    expect(auth.user()?.locale).toBe('sv');

    await firstValueFrom(auth.saveLocale('sv'));
    backend.expectNone('/api/auth/me');
  });

  it('saves nothing before sign-in, and keeps the choice on this device when saving fails', async () => {
    await firstValueFrom(auth.saveLocale('nn'));
    backend.expectNone('/api/auth/me');

    const signedIn = firstValueFrom(auth.login('ansatt@gran.kommune.no', 'secret'));
    backend.expectOne('/api/auth/login').flush(session('nb'));
    await signedIn;
    const saved = firstValueFrom(auth.saveLocale('nn'));
    backend.expectOne('/api/auth/me').flush(null, { status: 503, statusText: 'Unavailable' });
    await expect(saved).resolves.toBeUndefined();
    expect(auth.user()?.locale).toBe('nb');
  });
});

describe('Auth renewing in turn with other tabs', () => {
  const held: { name: string; grant: () => void }[] = [];
  const lockManager = {
    request: (name: string, callback: () => Promise<unknown>) =>
      new Promise((resolve, reject) => held.push({ name, grant: () => callback().then(resolve, reject) })),
  };

  beforeEach(() => Object.defineProperty(navigator, 'locks', { value: lockManager, configurable: true }));
  afterEach(() => {
    held.length = 0;
    Reflect.deleteProperty(navigator, 'locks');
  });

  it('sends the refresh cookie only once it holds the renewal lock', async () => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    const backend = TestBed.inject(HttpTestingController);
    const auth = TestBed.inject(Auth);

    const renewed = firstValueFrom(auth.refresh());
    expect(held.map((lock) => lock.name)).toEqual([RENEWAL_LOCK]);
    backend.expectNone('/api/auth/refresh');

    held[0]?.grant();
    backend.expectOne('/api/auth/refresh').flush(session('nb'));
    await expect(renewed).resolves.toBe('token');
    expect(auth.user()?.name).toBe('Kari Nordmann');
    backend.verify();
  });
});

import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { AuthResponse } from '@samspill/contracts';
import { firstValueFrom } from 'rxjs';
import { Auth } from './auth';
import { authInterceptor } from './auth-interceptor';

const session = (accessToken: string): AuthResponse => ({
  accessToken,
  expiresIn: 900,
  user: { id: 'u1', email: 'ansatt@gran.kommune.no', name: 'Kari Nordmann', role: 'staff', organization: null, locale: 'nb' },
});

describe('authInterceptor', () => {
  let http: HttpClient;
  let backend: HttpTestingController;
  let auth: Auth;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideRouter([]), provideHttpClient(withInterceptors([authInterceptor])), provideHttpClientTesting()],
    });
    http = TestBed.inject(HttpClient);
    backend = TestBed.inject(HttpTestingController);
    auth = TestBed.inject(Auth);
  });

  afterEach(() => backend.verify());

  async function signIn(token: string): Promise<void> {
    const done = firstValueFrom(auth.login('ansatt@gran.kommune.no', 'secret'));
    backend.expectOne('/api/auth/login').flush(session(token));
    await done;
  }

  it('adds the access token to API calls, not to other hosts', async () => {
    await signIn('token-1');

    http.get('/api/organizations').subscribe();
    http.get('https://example.org/api/x').subscribe();

    expect(backend.expectOne('/api/organizations').request.headers.get('Authorization')).toBe('Bearer token-1');
    expect(backend.expectOne('https://example.org/api/x').request.headers.has('Authorization')).toBe(false);
  });

  it('refreshes once on a 401 and retries with the new token', async () => {
    await signIn('old');
    const result = firstValueFrom(http.get<string[]>('/api/organizations'));

    backend.expectOne('/api/organizations').flush({ code: 'UNAUTHENTICATED' }, { status: 401, statusText: 'Unauthorized' });
    const refresh = backend.expectOne('/api/auth/refresh');
    expect(refresh.request.withCredentials).toBe(true);
    refresh.flush(session('new'));
    const retry = backend.expectOne('/api/organizations');
    expect(retry.request.headers.get('Authorization')).toBe('Bearer new');
    retry.flush(['Gran kommune']);

    await expect(result).resolves.toEqual(['Gran kommune']);
    expect(auth.accessToken()).toBe('new');
  });

  it('shares one refresh between calls that fail together (the cookie rotates)', async () => {
    await signIn('old');
    const first = firstValueFrom(http.get('/api/a'));
    const second = firstValueFrom(http.get('/api/b'));

    backend.expectOne('/api/a').flush(null, { status: 401, statusText: 'Unauthorized' });
    backend.expectOne('/api/b').flush(null, { status: 401, statusText: 'Unauthorized' });
    backend.expectOne('/api/auth/refresh').flush(session('new'));
    backend.expectOne('/api/a').flush('a');
    backend.expectOne('/api/b').flush('b');

    await expect(Promise.all([first, second])).resolves.toEqual(['a', 'b']);
  });

  it('sends the person to sign in, keeping where they were, when the refresh fails', async () => {
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    await signIn('old');
    const result = firstValueFrom(http.get('/api/organizations'));

    backend.expectOne('/api/organizations').flush(null, { status: 401, statusText: 'Unauthorized' });
    backend.expectOne('/api/auth/refresh').flush({ code: 'UNAUTHENTICATED' }, { status: 401, statusText: 'Unauthorized' });

    await expect(result).rejects.toMatchObject({ status: 401 });
    expect(auth.signedIn()).toBe(false);
    expect(navigate).toHaveBeenCalledWith(['/sign-in'], { queryParams: { returnUrl: '/', reason: 'expired' } });
  });

  it('does not refresh when sign-in itself answers 401', async () => {
    const result = firstValueFrom(auth.login('ansatt@gran.kommune.no', 'wrong'));
    backend.expectOne('/api/auth/login').flush({ code: 'INVALID_CREDENTIALS' }, { status: 401, statusText: 'Unauthorized' });

    await expect(result).rejects.toMatchObject({ status: 401 });
    backend.expectNone('/api/auth/refresh');
  });

  it('retries only once: a second 401 goes back to the caller', async () => {
    await signIn('old');
    const result = firstValueFrom(http.get('/api/organizations'));

    backend.expectOne('/api/organizations').flush(null, { status: 401, statusText: 'Unauthorized' });
    backend.expectOne('/api/auth/refresh').flush(session('new'));
    backend.expectOne('/api/organizations').flush(null, { status: 401, statusText: 'Unauthorized' });

    await expect(result).rejects.toMatchObject({ status: 401 });
    backend.expectNone('/api/auth/refresh');
  });
});

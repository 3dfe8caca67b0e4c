import { HttpClient, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { I18n } from './i18n';
import { languageInterceptor } from './language-interceptor';

describe('languageInterceptor', () => {
  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [provideHttpClient(withInterceptors([languageInterceptor])), provideHttpClientTesting()],
    });
  });

  it('sends the language on screen to our API only', async () => {
    await TestBed.inject(I18n).setLocale('da');
    const http = TestBed.inject(HttpClient);
    const server = TestBed.inject(HttpTestingController);

    http.post('/api/auth/login', {}).subscribe();
    http.get('https://example.org/x').subscribe();

    expect(server.expectOne('/api/auth/login').request.headers.get('Accept-Language')).toBe('da');
    expect(server.expectOne('https://example.org/x').request.headers.has('Accept-Language')).toBe(false);
    server.verify();
  });
});

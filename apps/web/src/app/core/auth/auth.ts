import { DOCUMENT } from '@angular/common';
import { HttpClient } from '@angular/common/http';
import { Injectable, computed, inject, signal } from '@angular/core';
import type { AuthResponse, CurrentUser, Locale, LoginDto, LogoutResponse, UpdateProfileDto, UserResponse } from '@samspill/contracts';
import { type Permission, hasPermission } from '@samspill/domain';
import { Observable, catchError, defer, finalize, firstValueFrom, from, map, of, shareReplay, switchMap, tap } from 'rxjs';
import { I18n, isLocale } from '../i18n/i18n';

interface Session {
  accessToken: string;
  user: CurrentUser;
}

export const AUTH_URLS = {
  login: '/api/auth/login',
  refresh: '/api/auth/refresh',
  logout: '/api/auth/logout',
} as const;

/**
 * The tabs of one browser share the refresh cookie, which rotates at every use, and a spent cookie presented again
 * ends the whole session (it may have been stolen). So tabs renew one at a time: each takes this Web Lock, and
 * one that waited sends the cookie the tab before it received.
 */
export const RENEWAL_LOCK = 'samspill-session-renewal';

/** The signed-in person's own profile (not an AUTH_URL: a 401 there renews the session and retries). */
const PROFILE_URL = '/api/auth/me';

/**
 * The signed-in session. The access token lives in memory only; the refresh
 * token is an httpOnly cookie the browser sends to /api/auth, so a reload
 * restores the session through `refresh()` and script never sees it.
 */
@Injectable({ providedIn: 'root' })
export class Auth {
  private readonly http = inject(HttpClient);
  private readonly document = inject(DOCUMENT);
  private readonly i18n = inject(I18n);
  private readonly session = signal<Session | null>(null);
  private refreshInFlight: Observable<string | null> | null = null;

  readonly user = computed(() => this.session()?.user ?? null);
  readonly accessToken = computed(() => this.session()?.accessToken ?? null);
  readonly signedIn = computed(() => this.session() !== null);

  can(permission: Permission): boolean {
    return hasPermission(this.user()?.role, permission);
  }

  login(email: string, password: string): Observable<CurrentUser> {
    const credentials: LoginDto = { email, password };
    return this.http
      .post<AuthResponse>(AUTH_URLS.login, credentials, { withCredentials: true })
      .pipe(switchMap((response) => this.adopt(response)));
  }

  /**
   * Starts a session the API has opened (a sign-in, an accepted invitation, a renewal) and switches to the
   * person's saved language: Samspill speaks it on any device. A choice made in the header is saved to the
   * profile (`saveLocale`), so the language follows the person from device to device.
   */
  adopt(response: AuthResponse): Observable<CurrentUser> {
    const user = this.start(response);
    const locale = user.locale;
    return (isLocale(locale) && locale !== this.i18n.locale() ? from(this.i18n.setLocale(locale)) : of(undefined)).pipe(map(() => user));
  }

  /** The person as the API answered after a change to their own name or language. */
  updateUser(user: CurrentUser): void {
    this.session.update((session) => (session ? { ...session, user: { ...session.user, name: user.name, locale: user.locale } } : session));
  }

  /**
   * Trades the refresh cookie for a new access token; resolves to null when
   * there is no valid session. The cookie rotates on every use, so calls made
   * while one is under way share it instead of racing with a spent cookie,
   * and other tabs wait their turn (RENEWAL_LOCK).
   */
  refresh(): Observable<string | null> {
    this.refreshInFlight ??= this.renew().pipe(
      switchMap((response) => this.adopt(response).pipe(map(() => response.accessToken))),
      catchError(() => {
        this.session.set(null);
        return of(null);
      }),
      finalize(() => (this.refreshInFlight = null)),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    return this.refreshInFlight;
  }

  /**
   * Saves a language chosen in the header to the signed-in person's profile. A failure keeps the choice on
   * this device: the language is a preference, never a reason to interrupt.
   */
  saveLocale(locale: Locale): Observable<void> {
    if (!this.signedIn() || this.user()?.locale === locale) return of(undefined);
    const changes: UpdateProfileDto = { locale };
    return this.http.patch<UserResponse>(PROFILE_URL, changes).pipe(
      tap((user) => this.updateUser(user)),
      map(() => undefined),
      catchError(() => of(undefined)),
    );
  }

  /** Called once at start-up. */
  restore(): Promise<unknown> {
    return firstValueFrom(this.refresh());
  }

  /**
   * Ends this session. A session that began at the organisation's identity provider answers with where to sign
   * out there too (RP-initiated logout): the browser goes on there, and the provider sends it back to /sign-in.
   */
  logout(): Observable<void> {
    return this.http.post<LogoutResponse | null>(AUTH_URLS.logout, null, { withCredentials: true }).pipe(
      catchError(() => of(null)),
      tap((answer) => {
        this.session.set(null);
        if (answer?.endSessionUrl) this.document.location.assign(answer.endSessionUrl);
      }),
      map(() => undefined),
    );
  }

  /** Forgets the session locally, e.g. when the server has ended it. */
  clear(): void {
    this.session.set(null);
  }

  private renew(): Observable<AuthResponse> {
    const renewal = this.http.post<AuthResponse>(AUTH_URLS.refresh, null, { withCredentials: true });
    const locks = this.document.defaultView?.navigator.locks;
    if (!locks) return renewal;
    return defer(async (): Promise<AuthResponse> => locks.request(RENEWAL_LOCK, () => firstValueFrom(renewal)));
  }

  private start(response: AuthResponse): CurrentUser {
    this.session.set({ accessToken: response.accessToken, user: response.user });
    return response.user;
  }
}

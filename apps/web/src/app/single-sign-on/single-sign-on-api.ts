import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  IdentityProviderDto,
  IdentityProviderResponse,
  IdentityProviderTestResponse,
  MySignInResponse,
  SignInMethodDto,
  SignInMethodResponse,
} from '@samspill/contracts';
import type { Observable } from 'rxjs';

const providerPath = (organizationId: string) => `/api/organizations/${encodeURIComponent(organizationId)}/identity-provider`;

/** Single sign-on: e-mail first, the person's own way of signing in, and an organisation's provider settings. */
@Injectable({ providedIn: 'root' })
export class SingleSignOnApi {
  private readonly http = inject(HttpClient);

  /** Also sets the cookie that binds a sign-in at the provider to this browser. */
  signInMethod(body: SignInMethodDto): Observable<SignInMethodResponse> {
    return this.http.post<SignInMethodResponse>('/api/auth/sign-in-method', body, { withCredentials: true });
  }

  mySignIn(): Observable<MySignInResponse> {
    return this.http.get<MySignInResponse>('/api/auth/me/sign-in-method');
  }

  provider(organizationId: string): Observable<IdentityProviderResponse> {
    return this.http.get<IdentityProviderResponse>(providerPath(organizationId));
  }

  saveProvider(organizationId: string, body: IdentityProviderDto): Observable<IdentityProviderResponse> {
    return this.http.put<IdentityProviderResponse>(providerPath(organizationId), body);
  }

  removeProvider(organizationId: string): Observable<void> {
    return this.http.delete<void>(providerPath(organizationId));
  }

  testProvider(organizationId: string, issuer: string): Observable<IdentityProviderTestResponse> {
    return this.http.post<IdentityProviderTestResponse>(`${providerPath(organizationId)}/test`, { issuer });
  }
}

import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AcceptInvitationDto, AuthResponse, CreateInvitationDto, InvitationResponse } from '@samspill/contracts';
import type { Observable } from 'rxjs';
import { apiPath } from '../core/http/api-path';

@Injectable({ providedIn: 'root' })
export class InvitationsApi {
  private readonly http = inject(HttpClient);

  list(status: 'pending' | 'expired'): Observable<InvitationResponse[]> {
    return this.http.get<InvitationResponse[]>('/api/invitations', { params: { status } });
  }

  invite(invitation: CreateInvitationDto): Observable<InvitationResponse> {
    return this.http.post<InvitationResponse>('/api/invitations', invitation);
  }

  resend(id: string): Observable<InvitationResponse> {
    return this.http.post<InvitationResponse>(apiPath('invitations', id, 'resend'), {});
  }

  withdraw(id: string): Observable<void> {
    return this.http.delete<void>(apiPath('invitations', id));
  }

  /** Opens the new person's session: the refresh cookie comes with the answer. */
  accept(body: AcceptInvitationDto): Observable<AuthResponse> {
    return this.http.post<AuthResponse>('/api/invitations/accept', body, { withCredentials: true });
  }
}

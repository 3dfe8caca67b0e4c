import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ChangePasswordDto, SessionResponse, UpdateProfileDto, UserResponse } from '@samspill/contracts';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class ProfileApi {
  private readonly http = inject(HttpClient);

  update(changes: UpdateProfileDto): Observable<UserResponse> {
    return this.http.patch<UserResponse>('/api/auth/me', changes);
  }

  /** Ends every session, this one included: the caller signs the person out afterwards. */
  changePassword(body: ChangePasswordDto): Observable<void> {
    return this.http.post<void>('/api/auth/password', body, { withCredentials: true });
  }

  /** Where the person is signed in; `current` is this browser. */
  sessions(): Observable<SessionResponse[]> {
    return this.http.get<SessionResponse[]>('/api/auth/sessions');
  }

  /** Ends one session: that device is signed out at once. */
  endSession(id: string): Observable<void> {
    return this.http.delete<void>(`/api/auth/sessions/${encodeURIComponent(id)}`);
  }

  /** Ends every session, this one included. */
  endAllSessions(): Observable<void> {
    return this.http.post<void>('/api/auth/logout-all', null, { withCredentials: true });
  }
}

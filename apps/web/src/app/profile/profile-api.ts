import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ChangePasswordDto, UpdateProfileDto, UserResponse } from '@samspill/contracts';
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
}

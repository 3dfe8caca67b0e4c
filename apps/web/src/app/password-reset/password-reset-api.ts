import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { PasswordResetConfirmDto, PasswordResetRequestDto, PasswordResetRequested } from '@samspill/contracts';
import type { Observable } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class PasswordResetApi {
  private readonly http = inject(HttpClient);

  request(body: PasswordResetRequestDto): Observable<PasswordResetRequested> {
    return this.http.post<PasswordResetRequested>('/api/auth/password-reset', body);
  }

  confirm(body: PasswordResetConfirmDto): Observable<void> {
    return this.http.post<void>('/api/auth/password-reset/confirm', body);
  }
}

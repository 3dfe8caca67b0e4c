import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { PartnershipDashboard, PublicPartnership, PublicPartnershipSummary } from '@samspill/contracts';
import type { Observable } from 'rxjs';
import { apiPath } from '../core/http/api-path';

/** The public pages' API (issue 13): no sign-in needed. */
@Injectable({ providedIn: 'root' })
export class PublicApi {
  private readonly http = inject(HttpClient);

  list(): Observable<PublicPartnershipSummary[]> {
    return this.http.get<PublicPartnershipSummary[]>('/api/public/partnerships');
  }

  get(id: string): Observable<PublicPartnership> {
    return this.http.get<PublicPartnership>(apiPath('public', 'partnerships', id));
  }

  dashboard(id: string): Observable<PartnershipDashboard> {
    return this.http.get<PartnershipDashboard>(apiPath('public', 'partnerships', id, 'dashboard'));
  }

  /** Where the open data of a partnership is downloaded. */
  dataUrl(id: string, format: 'json' | 'csv'): string {
    return apiPath('public', 'partnerships', id, `data.${format}`);
  }
}

import { HttpClient, HttpHeaders } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Overview, PartnershipDashboard, PartnershipResponse } from '@samspill/contracts';
import type { Observable } from 'rxjs';
import { allPages } from '../core/http/all-pages';
import { I18n } from '../core/i18n/i18n';

/** The dashboard endpoints: each view needs exactly one of these requests. */
@Injectable({ providedIn: 'root' })
export class DashboardApi {
  private readonly http = inject(HttpClient);
  private readonly i18n = inject(I18n);

  partnership(id: string): Observable<PartnershipDashboard> {
    return this.http.get<PartnershipDashboard>(`/api/dashboard/partnerships/${encodeURIComponent(id)}`);
  }

  overview(): Observable<Overview> {
    return this.http.get<Overview>('/api/dashboard/overview');
  }

  /** Every row of one of the overview's lists, page after page. */
  overviewRows<T>(list: 'partnerships' | 'organizations'): Observable<T[]> {
    return allPages<T>(this.http, `/api/dashboard/overview/${list}?limit=500`);
  }

  partnerships(): Observable<PartnershipResponse[]> {
    return allPages<PartnershipResponse>(this.http, '/api/partnerships?limit=500');
  }

  /** The project list for Excel; column names and stage names follow the reader's language. */
  projectsCsv(partnershipId: string): Observable<Blob> {
    return this.http.get('/api/projects.csv', {
      params: { partnershipId },
      headers: this.languageHeader(),
      responseType: 'blob',
    });
  }

  /** The council report as a PDF, in the reader's language. */
  report(partnershipId: string): Observable<Blob> {
    return this.http.get(`/api/dashboard/partnerships/${encodeURIComponent(partnershipId)}/report.pdf`, {
      headers: this.languageHeader(),
      responseType: 'blob',
    });
  }

  private languageHeader(): HttpHeaders {
    return new HttpHeaders({ 'Accept-Language': this.i18n.locale() });
  }
}

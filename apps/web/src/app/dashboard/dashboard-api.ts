import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { Overview, PartnershipDashboard } from '@samspill/contracts';
import type { Observable } from 'rxjs';
import { allPages } from '../core/http/all-pages';
import { type DataResource, dataResource } from '../core/data/data-resource';
import { apiPath } from '../core/http/api-path';
import { I18n } from '../core/i18n/i18n';

/**
 * A partnership's dashboard for a page (the leaders' and the politicians'):
 * everything the page shows comes in this one request. Call in an injection context.
 */
export function partnershipDashboard(id: () => string): DataResource<PartnershipDashboard> {
  const api = inject(DashboardApi);
  return dataResource(id, (partnershipId) => api.partnership(partnershipId));
}

/** The dashboard endpoints: each view needs exactly one of these requests. */
@Injectable({ providedIn: 'root' })
export class DashboardApi {
  private readonly http = inject(HttpClient);
  private readonly i18n = inject(I18n);

  partnership(id: string): Observable<PartnershipDashboard> {
    return this.http.get<PartnershipDashboard>(apiPath('dashboard', 'partnerships', id));
  }

  overview(): Observable<Overview> {
    return this.http.get<Overview>('/api/dashboard/overview');
  }

  /** Every row of one of the overview's lists, page after page. */
  overviewRows<T>(list: 'partnerships' | 'organizations'): Observable<T[]> {
    return allPages<T>(this.http, `/api/dashboard/overview/${list}?limit=500`);
  }

  /** The project list for Excel; column names and stage names follow the reader's language. */
  projectsCsv(partnershipId: string): Observable<Blob> {
    return this.http.get('/api/projects.csv', {
      params: { partnershipId, lang: this.i18n.locale() },
      responseType: 'blob',
    });
  }

  /** The council report as a PDF, in the reader's language. */
  report(partnershipId: string): Observable<Blob> {
    return this.http.get(apiPath('dashboard', 'partnerships', partnershipId, 'report.pdf'), {
      params: { lang: this.i18n.locale() },
      responseType: 'blob',
    });
  }
}

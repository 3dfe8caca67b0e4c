import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { I18n } from '../core/i18n/i18n';
import type { AuditListResponse, AuditQuery } from '@samspill/contracts';
import type { Observable } from 'rxjs';

function paramsOf(query: AuditQuery): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params = params.set(key, String(value));
  }
  return params;
}

@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);
  private readonly i18n = inject(I18n);

  list(query: AuditQuery): Observable<AuditListResponse> {
    return this.http.get<AuditListResponse>('/api/audit', { params: paramsOf(query) });
  }

  /** The same entries as CSV with headings in the reader's language, fetched with the session's token (a plain link would go without it). */
  csv(query: AuditQuery): Observable<Blob> {
    const { limit: _limit, offset: _offset, ...filters } = query;
    return this.http.get('/api/audit.csv', { params: paramsOf({ ...filters, lang: this.i18n.locale() }), responseType: 'blob' });
  }
}

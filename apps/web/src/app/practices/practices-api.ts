import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  Adoption,
  CreateAdoptionDto,
  CreatePracticeDto,
  Lineage,
  Practice,
  PracticeListQuery,
  PracticeListResponse,
  Spread,
  UpdatePracticeDto,
} from '@samspill/contracts';
import type { Observable } from 'rxjs';
import { apiPath } from '../core/http/api-path';

/** Practices, their adoptions and lineage, and how far they spread. */
@Injectable({ providedIn: 'root' })
export class PracticesApi {
  private readonly http = inject(HttpClient);

  list(query: PracticeListQuery): Observable<PracticeListResponse> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') params = params.set(key, String(value));
    }
    return this.http.get<PracticeListResponse>('/api/practices', { params });
  }

  get(id: string): Observable<Practice> {
    return this.http.get<Practice>(apiPath('practices', id));
  }

  create(practice: CreatePracticeDto): Observable<Practice> {
    return this.http.post<Practice>('/api/practices', practice);
  }

  /** Carries the version the person saw; a newer one answers 409 STALE_VERSION. */
  update(id: string, changes: UpdatePracticeDto): Observable<Practice> {
    return this.http.patch<Practice>(apiPath('practices', id), changes);
  }

  adopt(id: string, adoption: CreateAdoptionDto): Observable<Adoption> {
    return this.http.post<Adoption>(apiPath('practices', id, 'adoptions'), adoption);
  }

  lineage(id: string): Observable<Lineage> {
    return this.http.get<Lineage>(apiPath('practices', id, 'lineage'));
  }

  spread(): Observable<Spread> {
    return this.http.get<Spread>('/api/dashboard/spread');
  }
}

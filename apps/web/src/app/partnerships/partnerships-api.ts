import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { FocusAreaResponse, PartnershipResponse, Visibility } from '@samspill/contracts';
import type { Observable } from 'rxjs';
import { allPages } from '../core/http/all-pages';

/** The body of POST /api/partnerships (CreatePartnershipDto without its validators). */
export interface NewPartnership {
  name: string;
  description: string;
  memberIds: string[];
  visibility?: Visibility;
}

export type PartnershipChanges = Partial<NewPartnership>;

export interface NewFocusArea {
  name: string;
  description?: string;
}

@Injectable({ providedIn: 'root' })
export class PartnershipsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<PartnershipResponse[]> {
    // Pickers and the list page show them all; the API sends them a page at a time.
    return allPages<PartnershipResponse>(this.http, '/api/partnerships?limit=500');
  }

  get(id: string): Observable<PartnershipResponse> {
    return this.http.get<PartnershipResponse>(`/api/partnerships/${encodeURIComponent(id)}`);
  }

  create(partnership: NewPartnership): Observable<PartnershipResponse> {
    return this.http.post<PartnershipResponse>('/api/partnerships', partnership);
  }

  update(id: string, changes: PartnershipChanges): Observable<PartnershipResponse> {
    return this.http.patch<PartnershipResponse>(`/api/partnerships/${encodeURIComponent(id)}`, changes);
  }

  addFocusArea(partnershipId: string, focusArea: NewFocusArea): Observable<FocusAreaResponse> {
    return this.http.post<FocusAreaResponse>(`/api/partnerships/${encodeURIComponent(partnershipId)}/focus-areas`, focusArea);
  }
}

import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  CreateFocusAreaDto,
  CreatePartnershipDto,
  FocusAreaResponse,
  PartnershipResponse,
  UpdatePartnershipDto,
} from '@samspill/contracts';
import type { Observable } from 'rxjs';
import { apiPath } from '../core/http/api-path';

@Injectable({ providedIn: 'root' })
export class PartnershipsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<PartnershipResponse[]> {
    return this.http.get<PartnershipResponse[]>('/api/partnerships');
  }

  get(id: string): Observable<PartnershipResponse> {
    return this.http.get<PartnershipResponse>(apiPath('partnerships', id));
  }

  create(partnership: CreatePartnershipDto): Observable<PartnershipResponse> {
    return this.http.post<PartnershipResponse>('/api/partnerships', partnership);
  }

  update(id: string, changes: UpdatePartnershipDto): Observable<PartnershipResponse> {
    return this.http.patch<PartnershipResponse>(apiPath('partnerships', id), changes);
  }

  addFocusArea(partnershipId: string, focusArea: CreateFocusAreaDto): Observable<FocusAreaResponse> {
    return this.http.post<FocusAreaResponse>(apiPath('partnerships', partnershipId, 'focus-areas'), focusArea);
  }
}

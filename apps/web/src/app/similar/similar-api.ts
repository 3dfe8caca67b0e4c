import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { SimilarResponse } from '@samspill/contracts';
import type { Observable } from 'rxjs';
import { apiPath } from '../core/http/api-path';

/** "Who has done this before?" */
@Injectable({ providedIn: 'root' })
export class SimilarApi {
  private readonly http = inject(HttpClient);

  forProject(projectId: string): Observable<SimilarResponse> {
    return this.http.get<SimilarResponse>(apiPath('projects', projectId, 'similar'));
  }

  forText(text: string): Observable<SimilarResponse> {
    return this.http.get<SimilarResponse>('/api/similar', { params: { text } });
  }
}

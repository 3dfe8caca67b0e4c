import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { LessonListResponse, LessonQuery } from '@samspill/contracts';
import type { Observable } from 'rxjs';

/** The lessons library. */
@Injectable({ providedIn: 'root' })
export class LessonsApi {
  private readonly http = inject(HttpClient);

  list(query: LessonQuery): Observable<LessonListResponse> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== '') params = params.set(key, String(value));
    }
    return this.http.get<LessonListResponse>('/api/lessons', { params });
  }
}

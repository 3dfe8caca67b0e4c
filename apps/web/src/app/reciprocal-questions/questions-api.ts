import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { AnswerResponse, ProjectResponse, Question, QuestionsResponse } from '@samspill/contracts';
import type { Observable } from 'rxjs';

/** The body of POST /api/partnerships/:id/answers. */
export interface NewAnswer {
  toOrganizationId: string;
  question: Question;
  text: string;
  focusAreaId?: string | null;
  /** Only an admin, who belongs to no organisation, says which member answers. */
  fromOrganizationId?: string;
}

export interface AnswerChanges {
  text?: string;
  focusAreaId?: string | null;
}

@Injectable({ providedIn: 'root' })
export class QuestionsApi {
  private readonly http = inject(HttpClient);

  questions(partnershipId: string): Observable<QuestionsResponse> {
    return this.http.get<QuestionsResponse>(`/api/partnerships/${encodeURIComponent(partnershipId)}/questions`);
  }

  answer(partnershipId: string, answer: NewAnswer): Observable<AnswerResponse> {
    return this.http.post<AnswerResponse>(`/api/partnerships/${encodeURIComponent(partnershipId)}/answers`, answer);
  }

  update(answerId: string, changes: AnswerChanges): Observable<AnswerResponse> {
    return this.http.patch<AnswerResponse>(`/api/answers/${encodeURIComponent(answerId)}`, changes);
  }

  remove(answerId: string): Observable<void> {
    return this.http.delete<void>(`/api/answers/${encodeURIComponent(answerId)}`);
  }

  /** One step from a "what could we do together?" answer to a joint project of both organisations. */
  toProject(answerId: string): Observable<ProjectResponse> {
    return this.http.post<ProjectResponse>(`/api/answers/${encodeURIComponent(answerId)}/project`, {});
  }
}

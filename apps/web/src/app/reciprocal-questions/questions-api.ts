import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  AnswerResponse,
  CreateAnswerDto,
  CreateProjectFromAnswerDto,
  ProjectResponse,
  QuestionsResponse,
  UpdateAnswerDto,
} from '@samspill/contracts';
import type { Observable } from 'rxjs';
import { apiPath } from '../core/http/api-path';

@Injectable({ providedIn: 'root' })
export class QuestionsApi {
  private readonly http = inject(HttpClient);

  questions(partnershipId: string): Observable<QuestionsResponse> {
    return this.http.get<QuestionsResponse>(apiPath('partnerships', partnershipId, 'questions'));
  }

  answer(partnershipId: string, answer: CreateAnswerDto): Observable<AnswerResponse> {
    return this.http.post<AnswerResponse>(apiPath('partnerships', partnershipId, 'answers'), answer);
  }

  update(answerId: string, changes: UpdateAnswerDto): Observable<AnswerResponse> {
    return this.http.patch<AnswerResponse>(apiPath('answers', answerId), changes);
  }

  remove(answerId: string): Observable<void> {
    return this.http.delete<void>(apiPath('answers', answerId));
  }

  /** One step from a "what could we do together?" answer to a joint project of both organisations. */
  toProject(answerId: string, project: CreateProjectFromAnswerDto = {}): Observable<ProjectResponse> {
    return this.http.post<ProjectResponse>(apiPath('answers', answerId, 'project'), project);
  }
}

import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type {
  PartnershipResponse,
  Comment,
  CommentRevision,
  CreateCommentDto,
  FollowDto,
  FollowEntityType,
  FollowState,
  MarkReadDto,
  MentionCandidate,
  NotificationList,
  NotificationSettings,
  UnsubscribeResult,
  UpdateCommentDto,
  UpdateSettingsDto,
} from '@samspill/contracts';
import type { PartnershipScope } from '@samspill/domain';
import type { Observable } from 'rxjs';
import { apiPath } from '../core/http/api-path';

/** The things that have a thread (and that a person follows), by their path in the API. */
const COLLECTIONS: Record<FollowEntityType, string> = { project: 'projects', practice: 'practices', partnership: 'partnerships' };

/** A partnership as the shared policy sees it (who may write in its threads). */
export function partnershipScope(partnership: Pick<PartnershipResponse, 'visibility' | 'members' | 'observers'>): PartnershipScope {
  return {
    visibility: partnership.visibility,
    memberIds: partnership.members.map((member) => member.id),
    observerIds: partnership.observers.map((observer) => observer.id),
  };
}

/** What a thread hangs on. */
export interface ThreadOf {
  entityType: FollowEntityType;
  entityId: string;
}

export interface NotificationPage {
  unread?: boolean;
  limit: number;
  offset: number;
}

/** Discussion, follows, notifications and e-mail settings (issue 12). */
@Injectable({ providedIn: 'root' })
export class TalkApi {
  private readonly http = inject(HttpClient);

  /** Oldest first; replies carry `parentId`. */
  comments(thread: ThreadOf): Observable<Comment[]> {
    return this.http.get<Comment[]>(this.threadPath(thread));
  }

  addComment(thread: ThreadOf, comment: CreateCommentDto): Observable<Comment> {
    return this.http.post<Comment>(this.threadPath(thread), comment);
  }

  editComment(id: string, changes: UpdateCommentDto): Observable<Comment> {
    return this.http.patch<Comment>(apiPath('comments', id), changes);
  }

  deleteComment(id: string): Observable<void> {
    return this.http.delete<void>(apiPath('comments', id));
  }

  /** Earlier wordings of an edited comment, oldest first. */
  revisions(id: string): Observable<CommentRevision[]> {
    return this.http.get<CommentRevision[]>(apiPath('comments', id, 'revisions'));
  }

  /** People who may see the thread, and so may be mentioned in it. */
  mentionable(thread: ThreadOf, q: string): Observable<MentionCandidate[]> {
    return this.http.get<MentionCandidate[]>(`${this.threadPath(thread)}/mentionable`, { params: { q } });
  }

  followState({ entityType, entityId }: ThreadOf): Observable<FollowState> {
    return this.http.get<FollowState>('/api/follows', { params: { entityType, entityId } });
  }

  follow(thing: ThreadOf): Observable<void> {
    const body: FollowDto = { entityType: thing.entityType, entityId: thing.entityId };
    return this.http.put<void>('/api/follows', body);
  }

  unfollow(thing: ThreadOf): Observable<void> {
    const body: FollowDto = { entityType: thing.entityType, entityId: thing.entityId };
    return this.http.delete<void>('/api/follows', { body });
  }

  notifications({ unread, limit, offset }: NotificationPage): Observable<NotificationList> {
    let params = new HttpParams().set('limit', limit).set('offset', offset);
    if (unread) params = params.set('unread', 'true');
    return this.http.get<NotificationList>('/api/notifications', { params });
  }

  markRead(which: MarkReadDto): Observable<void> {
    return this.http.post<void>('/api/notifications/read', which);
  }

  settings(): Observable<NotificationSettings> {
    return this.http.get<NotificationSettings>('/api/auth/me/settings');
  }

  updateSettings(changes: UpdateSettingsDto): Observable<NotificationSettings> {
    return this.http.patch<NotificationSettings>('/api/auth/me/settings', changes);
  }

  /** Without signing in: the token from the mail is the proof. */
  unsubscribe(token: string): Observable<UnsubscribeResult> {
    return this.http.post<UnsubscribeResult>('/api/unsubscribe', null, { params: { token } });
  }

  private threadPath({ entityType, entityId }: ThreadOf): string {
    return apiPath(COLLECTIONS[entityType], entityId, 'comments');
  }
}

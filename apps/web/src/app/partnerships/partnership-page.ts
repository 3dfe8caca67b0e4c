import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, input, linkedSignal, viewChild } from '@angular/core';
import type { Comment } from '@samspill/contracts';
import { RouterLink } from '@angular/router';
import type { FocusAreaResponse, PartnershipResponse } from '@samspill/contracts';
import { canManagePartnership } from '@samspill/domain';
import { injectActor } from '../core/auth/actor';
import { dataResource } from '../core/data/data-resource';
import { LoadStatus } from '../core/data/load-status';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { focusAfterRender } from '../core/layout/focus-after-render';
import { FocusAreaForm } from './focus-area-form';
import { PartnershipForm } from './partnership-form';
import { PartnershipsApi } from './partnerships-api';
import { CommentThread } from '../talk/comment-thread';
import { FloorQuestions } from '../talk/floor-questions';
import { FollowButton } from '../talk/follow-button';
import { partnershipScope } from '../talk/talk-api';

/** One partnership: what it is, who takes part, its focus areas, and the way to its questions and projects. */
@Component({
  selector: 'sp-partnership-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, LoadStatus, PartnershipForm, FocusAreaForm, CommentThread, FloorQuestions, FollowButton],
  templateUrl: './partnership-page.html',
  styleUrl: './partnership-page.css',
})
export class PartnershipPage {
  private readonly api = inject(PartnershipsApi);
  private readonly i18n = inject(I18n);
  private readonly actor = injectActor();

  /** The route's `:id`. */
  readonly id = input.required<string>();

  protected readonly partnership = dataResource(
    () => this.id(),
    (id) => this.api.get(id),
  );
  protected readonly visibility = computed(() => {
    const p = this.partnership.value();
    return p ? this.i18n.t(`partnerships.visibilities.${p.visibility}`) : '';
  });
  protected readonly scope = computed(() => {
    const p = this.partnership.value();
    return p ? partnershipScope(p) : null;
  });
  protected readonly canManage = computed(() => {
    const p = this.partnership.value();
    return (
      p !== undefined &&
      canManagePartnership(this.actor(), {
        visibility: p.visibility,
        memberIds: p.members.map((m) => m.id),
        observerIds: p.observers.map((o) => o.id),
      })
    );
  });
  /** The partnership's thread as last loaded: its questions from the floor are listed above it. Reset with the route. */
  protected readonly thread = linkedSignal<string, Comment[] | null>({ source: this.id, computation: () => null });
  /** Closed again when the route moves to another partnership. */
  protected readonly editing = linkedSignal({ source: this.id, computation: () => false });

  private readonly editButton = viewChild<ElementRef<HTMLButtonElement>>('editButton');
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');
  private readonly focus = focusAfterRender();

  protected startEditing(): void {
    this.editing.set(true);
    this.focus('#edit-partnership input');
  }

  protected stopEditing(saved?: PartnershipResponse): void {
    if (saved) this.partnership.set(saved);
    this.editing.set(false);
    this.focus(() => (saved ? this.heading() : this.editButton())?.nativeElement);
  }

  protected focusAreaAdded(focusArea: FocusAreaResponse): void {
    this.partnership.update((p) => ({ ...p, focusAreas: [...p.focusAreas, focusArea] }));
  }
}

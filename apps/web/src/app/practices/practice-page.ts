import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { Adoption, AdoptionKind, Practice } from '@samspill/contracts';
import { adoptionProblem, canWriteFor, canWritePractice } from '@samspill/domain';
import { injectActor } from '../core/auth/actor';
import { dataResource } from '../core/data/data-resource';
import { LoadStatus } from '../core/data/load-status';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { focusAfterRender } from '../core/layout/focus-after-render';
import { AdoptionForm } from './adoption-form';
import { LineageView } from './lineage-view';
import { PracticeForm } from './practice-form';
import { PracticesApi } from './practices-api';
import { CommentThread } from '../talk/comment-thread';
import { FollowButton } from '../talk/follow-button';

/** One practice: what it is, what it built on, its lineage both ways, who took it up, and (for those who may) edit, build on and adopt. */
@Component({
  selector: 'sp-practice-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [AdoptionForm, LineageView, LoadStatus, PracticeForm, RouterLink, TranslatePipe, CommentThread, FollowButton],
  templateUrl: './practice-page.html',
  styleUrl: './practice-page.css',
})
export class PracticePage {
  private readonly api = inject(PracticesApi);
  private readonly i18n = inject(I18n);
  private readonly actor = injectActor();
  private readonly focus = focusAfterRender();

  /** The practice's id, from the route. */
  readonly id = input.required<string>();

  protected readonly practice = dataResource(
    () => this.id(),
    (id) => this.api.get(id),
  );
  protected readonly lineage = dataResource(
    () => this.id(),
    (id) => this.api.lineage(id),
  );
  protected readonly editing = linkedSignal({ source: this.id, computation: () => false });
  protected readonly announcement = signal('');

  protected readonly owner = computed(() => {
    const p = this.practice.value();
    return p
      ? this.i18n.t('learning.practices.by', {
          organization: p.organization.name,
          country: this.i18n.t(`countries.${p.organization.country}`),
        })
      : '';
  });
  protected readonly canEdit = computed(() => {
    const p = this.practice.value();
    return p ? canWritePractice(this.actor(), { organizationId: p.organization.id }) : false;
  });
  /** Staff and leaders build on it for their own organisation (an admin for one they choose). */
  protected readonly canBuildOn = computed(() => canWriteFor(this.actor(), this.actor().organizationId) || this.actor().role === 'admin');
  /** Why the person's organisation cannot record an adoption, or null when it can (or 'none' when they may not write). */
  protected readonly adoptState = computed(() => {
    const p = this.practice.value();
    const own = this.actor().organizationId;
    if (!p || !own || !canWriteFor(this.actor(), own) || this.actor().role === 'admin') return 'none';
    return adoptionProblem({ organizationId: p.organization.id, adopterIds: p.adoptions.map((a) => a.organization.id) }, own) ?? 'open';
  });

  protected kindName(kind: AdoptionKind): string {
    return this.i18n.t(`learning.adoptionKinds.${kind}`);
  }

  protected date(value: string): string {
    return this.i18n.formatDate(value);
  }

  protected startEditing(): void {
    this.editing.set(true);
    this.focus('#edit-practice input');
  }

  protected stopEditing(saved?: Practice): void {
    this.editing.set(false);
    if (saved) {
      this.practice.set(saved);
      this.lineage.reload();
      this.announcement.set(this.i18n.t('learning.practices.saved'));
    }
    this.focus('#edit-practice-button');
  }

  protected reloadForEditing(): void {
    this.editing.set(false);
    this.practice.reload(() => {
      this.editing.set(true);
      this.announcement.set(this.i18n.t('learning.practices.reloaded'));
      this.focus('#edit-practice input');
    });
  }

  protected adopted(adoption: Adoption): void {
    this.practice.update((p) => ({ ...p, adoptions: [...p.adoptions, adoption], adoptionCount: p.adoptionCount + 1 }));
    this.lineage.reload();
    this.announcement.set(this.i18n.t('learning.practices.adopted', { organization: adoption.organization.name }));
    this.focus('#adoptions-heading');
  }
}

import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { ActivatedRoute, RouterLink } from '@angular/router';
import type { FocusAreaResponse, PartnershipResponse } from '@samspill/contracts';
import { canManagePartnership } from '@samspill/domain';
import { injectActor } from '../collaboration/actor';
import { type Load, Loader, loadedValue } from '../collaboration/load';
import { focusHeadingOnceLoaded } from '../collaboration/focus';
import { LoadStatus } from '../collaboration/load-status';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { FocusAreaForm } from './focus-area-form';
import { PartnershipForm } from './partnership-form';
import { PartnershipsApi } from './partnerships-api';

/** One partnership: what it is, who takes part, its focus areas, and the way to its questions and projects. */
@Component({
  selector: 'sp-partnership-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink, TranslatePipe, LoadStatus, PartnershipForm, FocusAreaForm],
  templateUrl: './partnership-page.html',
  styleUrl: './partnership-page.css',
})
export class PartnershipPage {
  private readonly api = inject(PartnershipsApi);
  private readonly i18n = inject(I18n);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef);
  private readonly actor = injectActor();

  protected readonly load = signal<Load<PartnershipResponse>>({ state: 'loading' });
  protected readonly loader = new Loader(this.load, (id: string) => this.api.get(id), inject(DestroyRef));
  protected readonly partnership = computed(() => loadedValue(this.load()));
  protected readonly visibility = computed(() => {
    const p = this.partnership();
    return p ? this.i18n.t(`partnerships.visibilities.${p.visibility}`) : '';
  });
  protected readonly canManage = computed(() => {
    const p = this.partnership();
    return p !== null && canManagePartnership(this.actor(), { visibility: p.visibility, memberIds: p.members.map((m) => m.id) });
  });
  protected readonly editing = signal(false);

  private readonly editButton = viewChild<ElementRef<HTMLButtonElement>>('editButton');
  private readonly heading = viewChild<ElementRef<HTMLElement>>('heading');

  constructor() {
    inject(ActivatedRoute)
      .paramMap.pipe(takeUntilDestroyed())
      .subscribe((params) => {
        this.editing.set(false);
        this.loader.fetch(params.get('id') ?? '', { then: () => focusHeadingOnceLoaded(this.host.nativeElement, this.injector) });
      });
  }

  protected startEditing(): void {
    this.editing.set(true);
    this.afterRender(() => this.host.nativeElement.querySelector<HTMLElement>('#edit-partnership input')?.focus());
  }

  protected stopEditing(saved?: PartnershipResponse): void {
    if (saved) this.load.set({ state: 'loaded', value: saved });
    this.editing.set(false);
    this.afterRender(() => (saved ? this.heading() : this.editButton())?.nativeElement.focus());
  }

  protected focusAreaAdded(focusArea: FocusAreaResponse): void {
    this.load.update((load) =>
      load.state === 'loaded' ? { state: 'loaded', value: { ...load.value, focusAreas: [...load.value.focusAreas, focusArea] } } : load,
    );
  }

  private afterRender(read: () => void): void {
    afterNextRender({ read }, { injector: this.injector });
  }
}

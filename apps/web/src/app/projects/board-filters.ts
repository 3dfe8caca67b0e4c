import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import type { PartnershipResponse } from '@samspill/contracts';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import type { BoardFilter } from './board-filter';

/** Partnership, focus area, organisation and free text. Choosing applies at once; the text applies on search. */
@Component({
  selector: 'sp-board-filters',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  templateUrl: './board-filters.html',
  styleUrl: './board-filters.css',
})
export class BoardFilters {
  private readonly i18n = inject(I18n);

  readonly partnerships = input.required<readonly PartnershipResponse[]>();
  readonly filter = input.required<BoardFilter>();
  readonly filterChange = output<BoardFilter>();

  protected readonly partnershipOptions = computed(() => [...this.partnerships()].sort((a, b) => this.i18n.compare(a.name, b.name)));

  /** The chosen partnership's focus areas, or every partnership's, grouped. */
  protected readonly focusAreaGroups = computed(() =>
    this.partnershipOptions()
      .filter((p) => !this.filter().partnershipId || p.id === this.filter().partnershipId)
      .filter((p) => p.focusAreas.length > 0)
      .map((p) => ({ label: p.name, focusAreas: p.focusAreas })),
  );

  /** Members of the partnerships in view: the organisations a project here can have. */
  protected readonly organizations = computed(() => {
    const seen = new Map<string, string>();
    for (const p of this.partnershipOptions()) {
      if (this.filter().partnershipId && p.id !== this.filter().partnershipId) continue;
      for (const m of p.members) seen.set(m.id, m.name);
    }
    return [...seen].map(([id, name]) => ({ id, name })).sort((a, b) => this.i18n.compare(a.name, b.name));
  });

  protected readonly active = computed(() => Object.values(this.filter()).some((value) => value !== ''));

  protected choose(field: keyof BoardFilter, value: string): void {
    const next = { ...this.filter(), [field]: value };
    // A focus area belongs to one partnership; a new partnership clears it.
    if (field === 'partnershipId') next.focusAreaId = '';
    this.filterChange.emit(next);
  }

  protected search(event: Event, q: string): void {
    event.preventDefault();
    this.filterChange.emit({ ...this.filter(), q: q.trim() });
  }

  protected clear(): void {
    this.filterChange.emit({ partnershipId: '', focusAreaId: '', organizationId: '', q: '' });
  }
}

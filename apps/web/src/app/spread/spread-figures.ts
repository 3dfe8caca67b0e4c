import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import { dataResource } from '../core/data/data-resource';
import { LoadStatus } from '../core/data/load-status';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { PracticesApi } from '../practices/practices-api';

/** Rows shown before "show all". */
const FIRST_ROWS = 8;

/** The overview's spread figures: practices shared, adoptions, reach, the most adopted practices and what each organisation gave and took. */
@Component({
  selector: 'sp-spread-figures',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LoadStatus, RouterLink, TranslatePipe],
  templateUrl: './spread-figures.html',
  styleUrl: './spread-figures.css',
})
export class SpreadFigures {
  private readonly api = inject(PracticesApi);
  private readonly i18n = inject(I18n);

  protected readonly spread = dataResource(() => this.api.spread());
  protected readonly showAll = signal(false);
  protected readonly firstRows = FIRST_ROWS;

  protected readonly figures = computed(() => {
    const s = this.spread.value();
    if (!s) return [];
    return (
      [
        ['learning.spread.practices', s.practices],
        ['learning.spread.adoptions', s.adoptions],
        ['learning.spread.organizationsReached', s.organizationsReached],
        ['learning.spread.countriesReached', s.countriesReached],
      ] as const
    ).map(([label, value]) => ({ label, value: this.i18n.formatNumber(value) }));
  });
  protected readonly organizations = computed(() => {
    const rows = [...(this.spread.value()?.byOrganization ?? [])].sort(
      (a, b) =>
        b.adoptionsGiven + b.practicesShared - (a.adoptionsGiven + a.practicesShared) ||
        this.i18n.compare(a.organization.name, b.organization.name),
    );
    return { count: rows.length, rows: this.showAll() ? rows : rows.slice(0, FIRST_ROWS) };
  });
}

import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder } from '@angular/forms';
import type { Adoption, AdoptionKind } from '@samspill/contracts';
import { ADOPTION_KINDS, CHANGES_MAX_LENGTH } from '@samspill/contracts/values';
import { ChoiceGroup, Field } from '@samspill/web-ui';
import { formFeedback } from '../core/forms/form-feedback';
import { FormShell } from '../core/forms/form-shell';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { PracticesApi } from './practices-api';

/** Records that the person's organisation has taken up a practice: as it is, or adapted (then what changed, and why). */
@Component({
  selector: 'sp-adoption-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ChoiceGroup, Field, FormShell, TranslatePipe],
  template: `
    <sp-form [feedback]="feedback" [submitLabel]="'learning.practices.adoptSubmit' | t" (submitted)="submit()">
      <sp-choice-group
        [control]="form.controls.kind"
        [feedback]="feedback.field('kind')"
        [legend]="'learning.practices.adoptKind' | t"
        [options]="kinds()"
      />
      <sp-field
        [control]="form.controls.changes"
        [feedback]="feedback.field('changes')"
        [label]="'learning.practices.adoptChanges' | t"
        [optional]="form.controls.kind.value === 'copy' ? ('form.optional' | t) : null"
        [rows]="3"
        [count]="count()"
      />
    </sp-form>
  `,
})
export class AdoptionForm {
  private readonly api = inject(PracticesApi);
  private readonly i18n = inject(I18n);

  readonly practiceId = input.required<string>();
  readonly adopted = output<Adoption>();

  protected readonly form = inject(NonNullableFormBuilder).group({ kind: ['adapted'], changes: [''] });
  protected readonly kinds = computed(() =>
    ADOPTION_KINDS.map((kind) => ({ id: kind, name: this.i18n.t(`learning.adoptionKinds.${kind}`) })),
  );
  protected readonly feedback = formFeedback(this.form, {
    name: 'adoption',
    errors: () => {
      const changes = this.form.controls.changes.value.trim();
      return {
        kind: null,
        changes:
          this.form.controls.kind.value === 'adapted' && changes === ''
            ? 'learning.practices.changesRequired'
            : changes.length > CHANGES_MAX_LENGTH
              ? 'learning.practices.changesTooLong'
              : null,
      };
    },
  });
  protected readonly count = this.feedback.count(this.form.controls.changes, CHANGES_MAX_LENGTH);

  protected submit(): void {
    const { kind, changes } = this.form.getRawValue();
    const text = changes.trim();
    this.feedback.submit(
      () => this.api.adopt(this.practiceId(), { kind: kind as AdoptionKind, ...(text ? { changes: text } : {}) }),
      (adoption) => this.adopted.emit(adoption),
    );
  }
}

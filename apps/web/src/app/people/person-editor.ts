import { ChangeDetectionStrategy, Component, OnInit, computed, inject, input, output } from '@angular/core';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import type { Role, UpdateUserDto, UserResponse } from '@samspill/contracts';
import { ROLES } from '@samspill/contracts/values';
import { ROLES_A_LEADER_GIVES } from '@samspill/domain';
import { Field } from '@samspill/web-ui';
import { Auth } from '../core/auth/auth';
import { formFeedback } from '../core/forms/form-feedback';
import { FormShell } from '../core/forms/form-shell';
import { notBlank } from '../core/forms/validators';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { PeopleApi } from './people-api';

/**
 * Name, role and whether the account is active. A leader gives every role but
 * admin; nobody changes their own role or deactivates themselves (the API
 * refuses, and the form does not offer it).
 */
@Component({
  selector: 'sp-person-editor',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, Field, FormShell, ReactiveFormsModule],
  styles: `
    .ds-field.check {
      display: grid;
      grid-template-columns: auto 1fr;
      align-items: center;
      column-gap: var(--ds-size-2);
    }
    .check [data-field='description'] {
      grid-column: 2;
    }
  `,
  template: `
    <sp-form
      [feedback]="feedback"
      [submitLabel]="'form.save' | t"
      [cancelLabel]="'form.cancel' | t"
      (submitted)="submit()"
      (cancelled)="cancelled.emit()"
    >
      <sp-field [control]="form.controls.name" [feedback]="feedback.field('name')" [label]="'people.name' | t" autocomplete="off" />
      @if (self()) {
        <p class="ds-paragraph">{{ 'people.role' | t }}: {{ roleName() }}. {{ 'people.ownRoleHint' | t }}</p>
      } @else {
        <sp-field [control]="form.controls.role" [feedback]="feedback.field('role')" [label]="'people.role' | t" [options]="roles()" />
        <div class="ds-field check">
          <input
            class="ds-input"
            type="checkbox"
            [id]="feedback.id('active')"
            [formControl]="form.controls.active"
            [attr.aria-describedby]="feedback.id('active') + '-hint'"
          />
          <label class="ds-label" [for]="feedback.id('active')">{{ 'people.activeLabel' | t }}</label>
          <p data-field="description" [id]="feedback.id('active') + '-hint'">{{ 'people.activeHint' | t }}</p>
        </div>
      }
    </sp-form>
  `,
})
export class PersonEditor implements OnInit {
  private readonly api = inject(PeopleApi);
  private readonly auth = inject(Auth);
  private readonly i18n = inject(I18n);

  readonly person = input.required<UserResponse>();
  readonly saved = output<UserResponse>();
  readonly cancelled = output();

  protected readonly self = computed(() => this.person().id === this.auth.user()?.id);
  protected readonly roleName = computed(() => this.i18n.t(`roles.${this.person().role}`));
  protected readonly roles = computed(() => {
    const given = this.auth.user()?.role === 'admin' ? ROLES : ROLES_A_LEADER_GIVES;
    return given.map((role) => ({ id: role, name: this.i18n.t(`roles.${role}`) }));
  });

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: ['', [notBlank, Validators.maxLength(200)]],
    role: ['' as Role | ''],
    active: [true],
  });
  protected readonly feedback = formFeedback(this.form, {
    name: 'person',
    errors: () => {
      const { name } = this.form.controls;
      return {
        name: name.hasError('required') ? 'people.nameRequired' : name.hasError('maxlength') ? 'people.nameTooLong' : null,
        role: null,
        active: null,
      };
    },
  });

  ngOnInit(): void {
    const { name, role, active } = this.person();
    this.form.setValue({ name, role, active });
  }

  protected submit(): void {
    const person = this.person();
    const { name, role, active } = this.form.getRawValue();
    const changes: UpdateUserDto = { version: person.version };
    if (name.trim() !== person.name) changes.name = name.trim();
    if (!this.self() && role !== '' && role !== person.role) changes.role = role;
    if (!this.self() && active !== person.active) changes.active = active;
    this.feedback.submit(
      () => this.api.update(person.id, changes),
      (updated) => this.saved.emit(updated),
    );
  }
}

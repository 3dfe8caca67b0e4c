import { DOCUMENT } from '@angular/common';
import { ChangeDetectionStrategy, Component, OnInit, effect, inject, input, signal } from '@angular/core';
import { ActivatedRoute } from '@angular/router';
import { NonNullableFormBuilder } from '@angular/forms';
import type { DigestFrequency, NotificationSettings } from '@samspill/contracts';
import { DIGEST_FREQUENCIES } from '@samspill/contracts/values';
import { ChoiceGroup } from '@samspill/web-ui';
import { dataResource } from '../core/data/data-resource';
import { LoadStatus } from '../core/data/load-status';
import { formFeedback } from '../core/forms/form-feedback';
import { FormShell } from '../core/forms/form-shell';
import { I18n } from '../core/i18n/i18n';
import { TranslatePipe } from '../core/i18n/translate-pipe';
import { focusAfterRender } from '../core/layout/focus-after-render';
import { TalkApi } from './talk-api';

type Immediate = 'emailOnMention' | 'emailOnReply';

/** The profile page's section around the panel, where the notifications page links to. */
const SECTION = 'notification-settings';

/** The form, opened on the settings as the API has them. */
@Component({
  selector: 'sp-notification-settings-form',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe, FormShell, ChoiceGroup],
  template: `
    <sp-form [feedback]="feedback" [submitLabel]="'talk.settings.save' | t" (submitted)="submit()">
      <sp-choice-group
        [control]="form.controls.digest"
        [feedback]="feedback.field('digest')"
        [legend]="'talk.settings.digest' | t"
        [hint]="'talk.settings.digestHint' | t"
        [options]="digestOptions()"
      />
      <sp-choice-group
        [feedback]="feedback.field('immediate')"
        [legend]="'talk.settings.immediate' | t"
        [options]="immediateOptions()"
        [chosen]="immediate()"
        (chosenChange)="immediate.set($event)"
      />
    </sp-form>
    <div role="status">
      @if (saved()) {
        <p class="ds-validation-message" data-color="success">{{ 'talk.settings.saved' | t }}</p>
      }
    </div>
  `,
})
export class NotificationSettingsForm implements OnInit {
  private readonly api = inject(TalkApi);
  private readonly i18n = inject(I18n);

  readonly settings = input.required<NotificationSettings>();

  protected readonly form = inject(NonNullableFormBuilder).group({ digest: ['weekly' as string] });
  protected readonly immediate = signal<ReadonlySet<string>>(new Set());
  protected readonly saved = signal(false);
  protected readonly feedback = formFeedback(this.form, {
    name: 'settings',
    errors: () => ({ digest: null, immediate: null }),
  });
  protected readonly digestOptions = () =>
    DIGEST_FREQUENCIES.map((digest) => ({ id: digest, name: this.i18n.t(`talk.settings.digestOptions.${digest}`) }));
  protected readonly immediateOptions = () =>
    (['emailOnMention', 'emailOnReply'] as const).map((id) => ({ id, name: this.i18n.t(`talk.settings.${id}`) }));

  ngOnInit(): void {
    const settings = this.settings();
    this.form.setValue({ digest: settings.digest });
    this.immediate.set(new Set((['emailOnMention', 'emailOnReply'] as Immediate[]).filter((key) => settings[key])));
  }

  protected submit(): void {
    this.saved.set(false);
    const chosen = this.immediate();
    this.feedback.submit(
      () =>
        this.api.updateSettings({
          digest: this.form.controls.digest.value as DigestFrequency,
          emailOnMention: chosen.has('emailOnMention'),
          emailOnReply: chosen.has('emailOnReply'),
        }),
      () => this.saved.set(true),
    );
  }
}

/** Notification and e-mail settings on the profile page. */
@Component({
  selector: 'sp-notification-settings',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [LoadStatus, NotificationSettingsForm],
  template: `
    @if (settings.value(); as settings) {
      <sp-notification-settings-form [settings]="settings" />
    } @else {
      <sp-load-status [data]="settings" loadingText="talk.settings.loading" />
    }
  `,
})
export class NotificationSettingsPanel {
  private readonly api = inject(TalkApi);
  protected readonly settings = dataResource(() => this.api.settings());

  constructor() {
    // Arriving from the notifications page's link (`/profile#notification-settings`): once the form is there, go to it.
    const document = inject(DOCUMENT);
    const focus = focusAfterRender();
    const asked = inject(ActivatedRoute).snapshot.fragment === SECTION;
    const arrived = effect(() => {
      if (!asked || this.settings.value() === undefined) return;
      arrived.destroy();
      focus(() => {
        const section = document.getElementById(SECTION);
        section?.scrollIntoView();
        return section;
      });
    });
  }
}

import { Pipe, PipeTransform, inject } from '@angular/core';
import { I18n } from './i18n';
import type { MessageKey, MessageParams } from './messages';

/**
 * `{{ 'shell.signOut' | t }}`. Impure on purpose: the result depends on the
 * locale signal, which the template then tracks, so OnPush views refresh
 * when the language changes.
 */
@Pipe({ name: 't', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(key: MessageKey, params?: MessageParams): string {
    return this.i18n.t(key, params);
  }
}

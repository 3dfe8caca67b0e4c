import { Injectable, effect, inject, signal } from '@angular/core';
import { Title } from '@angular/platform-browser';
import { RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { I18n } from './i18n';
import type { MessageKey } from './messages';

/** Route titles are message keys; the document title follows the language. */
@Injectable()
export class I18nTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly i18n = inject(I18n);
  private readonly key = signal<MessageKey | null>(null);

  constructor() {
    super();
    effect(() => {
      const appName = this.i18n.t('app.name');
      const key = this.key();
      this.title.setTitle(key ? `${this.i18n.t(key)} – ${appName}` : appName);
    });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.key.set((this.buildTitle(snapshot) as MessageKey | undefined) ?? null);
  }
}

/** Marks a route title as a message key, so a typo fails the type check. */
export function pageTitle(key: MessageKey): MessageKey {
  return key;
}

import { DestroyRef, Injectable, inject } from '@angular/core';
import { Meta, Title } from '@angular/platform-browser';
import { I18n } from '../i18n/i18n';

const TAGS = ['description', 'og:title', 'og:description', 'og:type', 'og:url', 'og:site_name', 'og:locale', 'twitter:card'] as const;

/**
 * Title, description and Open Graph tags for pages meant to be shared (the public pages, issue 13), set at
 * runtime. Link previews and search engines that run no JavaScript see only what index.html says; see README.
 * Provide it in the page's component, so its tags go when the page does.
 */
@Injectable()
export class PageMeta {
  private readonly meta = inject(Meta);
  private readonly title = inject(Title);
  private readonly i18n = inject(I18n);

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      for (const tag of TAGS) this.meta.removeTag(tag.startsWith('og:') ? `property="${tag}"` : `name="${tag}"`);
    });
  }

  set(page: { title: string; description: string }): void {
    const appName = this.i18n.t('app.name');
    const description = page.description.length > 300 ? `${page.description.slice(0, 297)}…` : page.description;
    this.title.setTitle(`${page.title} – ${appName}`);
    this.meta.updateTag({ name: 'description', content: description });
    this.meta.updateTag({ name: 'twitter:card', content: 'summary' });
    this.meta.updateTag({ property: 'og:title', content: page.title });
    this.meta.updateTag({ property: 'og:description', content: description });
    this.meta.updateTag({ property: 'og:type', content: 'website' });
    this.meta.updateTag({ property: 'og:site_name', content: appName });
    this.meta.updateTag({ property: 'og:locale', content: this.i18n.locale() === 'en' ? 'en_GB' : 'nb_NO' });
    this.meta.updateTag({ property: 'og:url', content: location.href });
  }
}

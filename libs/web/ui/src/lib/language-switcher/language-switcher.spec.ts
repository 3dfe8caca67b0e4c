import { TestBed } from '@angular/core/testing';
import { LanguageSwitcher } from './language-switcher';

describe('LanguageSwitcher', () => {
  it('marks the current language pressed, names each in itself, and emits a new choice only', async () => {
    const fixture = TestBed.createComponent(LanguageSwitcher);
    fixture.componentRef.setInput('options', [
      { locale: 'nb', name: 'Norsk (bokmål)' },
      { locale: 'en', name: 'English' },
    ]);
    fixture.componentRef.setInput('current', 'nb');
    fixture.componentRef.setInput('label', 'Språk');
    const chosen: string[] = [];
    fixture.componentInstance.localeChange.subscribe((locale) => chosen.push(locale));
    await fixture.whenStable();
    const [nb, en] = Array.from((fixture.nativeElement as HTMLElement).querySelectorAll('button'));

    nb?.click();
    en?.click();

    expect(nb?.getAttribute('aria-pressed')).toBe('true');
    expect(en?.getAttribute('aria-pressed')).toBe('false');
    expect(en?.getAttribute('lang')).toBe('en');
    expect(chosen).toEqual(['en']);
  });
});

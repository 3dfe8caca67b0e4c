import { setupZonelessTestEnv } from 'jest-preset-angular/setup-env/zoneless';
// The dictionaries are chunks the app fetches when a language is read; loaded here, outside any test's
// time, the I18n service's fetch is then only a lookup, so a busy machine does not time a first render out.
import './app/core/i18n/en';
import './app/core/i18n/nb';

setupZonelessTestEnv({
  errorOnUnknownElements: true,
  errorOnUnknownProperties: true,
});

// The language of `diagnose`, `checklist` and `monitor` output: --lang, else the system locale.
import { describe, expect, it } from 'vitest';
import { chooseLanguage, systemLanguage } from '../../../electron/cli/language';

describe('the terminal language', () => {
  it.each([
    [{ LANG: 'de_DE.UTF-8' }, 'de'],
    [{ LANG: 'de_AT.UTF-8' }, 'de'],
    [{ LANG: 'en_GB.UTF-8' }, 'en'],
    [{ LANG: 'C.UTF-8' }, 'en'],
    [{}, 'en'],
    [{ LANG: 'en_US.UTF-8', LC_MESSAGES: 'de_DE.UTF-8' }, 'de'],
    [{ LANG: 'de_DE.UTF-8', LC_ALL: 'C' }, 'en'],          // LC_ALL overrides everything (POSIX)
    [{ LANG: 'de_DE.UTF-8', LC_ALL: '' }, 'de'],           // an empty one does not count
    [{ LC_ALL: 'DE_de' }, 'de'],
  ])('reads %j as %s', (env, language) => {
    expect(systemLanguage(env)).toBe(language);
  });

  it('takes --lang over the system locale, and refuses a language it does not speak', () => {
    expect(chooseLanguage('en', { LANG: 'de_DE.UTF-8' })).toEqual({ ok: true, language: 'en' });
    expect(chooseLanguage(undefined, { LANG: 'de_DE.UTF-8' })).toEqual({ ok: true, language: 'de' });
    expect(chooseLanguage('fr', {})).toEqual({ ok: false, message: '--lang takes en or de, not "fr".' });
  });
});

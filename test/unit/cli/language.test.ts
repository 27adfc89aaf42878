// The language of every command's output: --lang anywhere on the line, else the system locale.
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

  it('takes --lang over the system locale, wherever it stands on the line', () => {
    const german = { LANG: 'de_DE.UTF-8' };
    expect(chooseLanguage(['--stun', 'a', '--lang', 'en'], german)).toEqual({ language: 'en', refused: null });
    expect(chooseLanguage(['--lang=en', '--bogus'], german)).toEqual({ language: 'en', refused: null });
    expect(chooseLanguage(['--bogus', '--lang', 'de'], {})).toEqual({ language: 'de', refused: null });
    expect(chooseLanguage(['--stun', 'a'], german)).toEqual({ language: 'de', refused: null });
    // After "--" everything is an argument; a --lang without a value is the parser's to refuse.
    expect(chooseLanguage(['--', '--lang', 'de'], {})).toEqual({ language: 'en', refused: null });
    expect(chooseLanguage(['--lang'], german)).toEqual({ language: 'de', refused: null });
    expect(chooseLanguage(['--lang', '--json'], {})).toEqual({ language: 'en', refused: null });
  });

  it('refuses a language it does not speak, in the system language', () => {
    expect(chooseLanguage(['--lang', 'fr'], {})).toEqual({ language: 'en', refused: { code: 'cli/bad-language', value: 'fr' } });
    expect(chooseLanguage(['--lang', 'fr'], { LANG: 'de_DE.UTF-8' })).toEqual({ language: 'de', refused: { code: 'cli/bad-language', value: 'fr' } });
  });
});

import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import type { Language } from '../../domain/languages.ts';
import { createI18n } from '../../i18n/i18n.ts';
import { Button } from './Button.tsx';

/** The button as a page in `language` draws it. */
const drawn = (language: Language, props: { busy: boolean; busyLabel?: string }) =>
  renderToStaticMarkup(
    createElement(I18nextProvider, { i18n: createI18n(language) }, createElement(Button, props, 'Send')),
  );

describe('the shared button', () => {
  it("says to wait in the page's language while busy", () => {
    expect(drawn('en-US', { busy: true })).toContain('>Please wait…</button>');
    expect(drawn('es-US', { busy: true })).toContain('>Espere un momento…</button>');
    expect(drawn('es-US', { busy: false })).toContain('>Send</button>');
  });

  it("says a page's own busy words as given", () => {
    expect(drawn('es-US', { busy: true, busyLabel: 'Enviando…' })).toContain('>Enviando…</button>');
  });
});

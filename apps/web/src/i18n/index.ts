/**
 * The one i18n layer of the web app: `t(key, params)` looks a string up in the active
 * catalogue (English first) and fills `{name}` placeholders; `tn` picks a plural form;
 * `setLocale` switches catalogue and sets `lang`/`dir` on <html> so the layout (written with
 * logical CSS properties) mirrors for right-to-left languages.
 */
import { en, type MessageKey } from './en';

export type { MessageKey } from './en';

type Catalogue = Partial<Record<MessageKey, string>>;

const catalogues: Record<string, Catalogue> = { en };
let locale = 'en';
const RTL = new Set(['ar', 'he', 'fa', 'ur']);

/** Parameters filled into a message's `{name}` placeholders. */
export type Params = Readonly<Record<string, string | number>>;

/** The message `key` in the active language, with `{name}` placeholders filled from `params`. */
export const t = (key: MessageKey, params: Params = {}): string => {
  const template = catalogues[locale]?.[key] ?? en[key];
  return template.replace(/\{(\w+)\}/g, (m, name: string) => {
    const v = params[name];
    return v === undefined ? m : typeof v === 'number' ? formatNumber(v) : v;
  });
};

/** The plural form of `base` for `count` (`base.zero` when defined, `.one`, `.other`). */
export const tn = (base: string, count: number, params: Params = {}): string => {
  const rules = new Intl.PluralRules(locale);
  const zero = `${base}.zero` as MessageKey;
  if (count === 0 && zero in en) return t(zero, { count, ...params });
  const form = rules.select(count) === 'one' ? 'one' : 'other';
  return t(`${base}.${form}` as MessageKey, { count, ...params });
};

/** A number in the active locale. */
export const formatNumber = (n: number): string => new Intl.NumberFormat(locale).format(n);

/** A date (ISO 8601) in the active locale. */
export const formatDate = (iso: string): string => {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
};

/** A byte count for people: `12 KB`. */
export const formatBytes = (n: number): string =>
  n < 1024
    ? `${formatNumber(n)} B`
    : n < 1024 * 1024
      ? `${formatNumber(Math.round(n / 1024))} KB`
      : `${formatNumber(Math.round(n / 104857.6) / 10)} MB`;

/** Adds a catalogue for a language (other languages are another issue; the layer is ready). */
export const addCatalogue = (lang: string, messages: Catalogue): void => {
  catalogues[lang] = messages;
};

/** Switches the language and the text direction of the page. */
export const setLocale = (lang: string): void => {
  locale = lang;
  if (typeof document !== 'undefined') {
    document.documentElement.lang = lang;
    document.documentElement.dir = RTL.has(lang.split('-')[0] ?? '') ? 'rtl' : 'ltr';
  }
};

/** The active language. */
export const currentLocale = (): string => locale;

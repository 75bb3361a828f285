/**
 * i18next with zh-CN complete; an en-US bundle can be added beside it. Each feature keeps its strings
 * in its own namespace file under zh-CN/.
 */
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import common from './zh-CN/common.json';

export const resources = { 'zh-CN': { common } } as const;

void i18n.use(initReactI18next).init({
  lng: 'zh-CN',
  fallbackLng: 'zh-CN',
  defaultNS: 'common',
  resources,
  interpolation: { escapeValue: false },
});

/** Adds a feature's namespace (features call this at import time with their own JSON). */
export function addNamespace(ns: string, strings: Record<string, unknown>): void {
  i18n.addResourceBundle('zh-CN', ns, strings, true, true);
}

export default i18n;

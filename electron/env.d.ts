/** Replaced at build time (electron.vite.config.ts `define`) and in tests (vitest.config.mts). */
declare const __APP_VERSION__: string;

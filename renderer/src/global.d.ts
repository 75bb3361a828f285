import type { DesktopApi } from '../../shared/api/appInfo';

declare global {
  interface Window {
    /** Exposed by electron/preload. Absent when the page is opened without the desktop shell. */
    readonly api?: DesktopApi;
  }
}

export {};

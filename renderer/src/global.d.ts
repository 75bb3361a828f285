import type { DesktopApi } from '../../shared/api/contract';

declare global {
  interface Window {
    /** The contract: exposed by electron/preload, or by the HTTP host's client script in a browser. */
    readonly api?: DesktopApi;
  }
}

export {};

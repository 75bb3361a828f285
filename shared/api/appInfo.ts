/**
 * The first channel of the renderer ↔ services contract. Issue 3 grows this folder into the full typed
 * contract (one module of channel names with their input and output types); until then `app:info` is the
 * only call, so the preload, the main process and the renderer already agree on one name and one shape.
 */

export const APP_INFO_CHANNEL = 'app:info';

/** What the desktop shell says about itself: the product name (长护助手) and the package version. */
export interface AppInfo {
  name: string;
  version: string;
}

/** What the preload exposes as `window.api`. */
export interface DesktopApi {
  appInfo(): Promise<AppInfo>;
}

/** 应用与设置: what the app says about itself and its data file. */
import { method, noInput } from './define';

export interface AppInfo {
  name: string;
  version: string;
  /** the database file in use (shown in 设置) */
  databaseFile: string;
  /** 'desktop' in Electron, 'browser' in the preview host */
  shell: 'desktop' | 'browser';
  /** the schema version of the database */
  schemaVersion: number;
}

export const appApi = {
  'app.info': method(noInput).returns<AppInfo>(),
  /** Shows the database folder in the file manager; false where the shell cannot (browser preview). */
  'app.openDataFolder': method(noInput).returns<{ opened: boolean }>(),
};

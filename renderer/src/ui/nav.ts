/**
 * Which side-navigation entry a screen belongs to. Every route declares it as its `handle`
 * (`{ path: 'visits/import', handle: navOf('/visits') }`), and the frame highlights the entry of the
 * deepest route that names one, so a screen reached from another still shows where the user is. A
 * screen shared by two entries (the roster import: residents and staff) names the others it may
 * belong to, and a link from one of them says so with `?from=residents`.
 */
export type NavKey =
  | '/'
  | '/residents'
  | '/beds'
  | '/visits'
  | '/staff'
  | '/rota'
  | '/plans'
  | '/claims'
  | '/reports'
  | '/inspection'
  | '/settings/institution'
  | '/settings/shifts'
  | '/settings/audit'
  | '/settings/system'
  | '/settings/users';

export interface NavHandle {
  nav: NavKey;
  /** other entries this screen is opened from, chosen by the address's `from` parameter */
  from?: readonly NavKey[];
}

export const navOf = (nav: NavKey, from?: readonly NavKey[]): NavHandle => (from ? { nav, from } : { nav });

/** The entry of the deepest matched route that names one; 首页 when none does. */
export function navKeyOf(handles: readonly unknown[], search = ''): NavKey {
  const from = new URLSearchParams(search).get('from');
  for (let i = handles.length - 1; i >= 0; i--) {
    const h = handles[i] as Partial<NavHandle> | undefined;
    if (!h || typeof h.nav !== 'string') continue;
    const other = h.from?.find((k) => k === `/${from}`);
    return other ?? h.nav;
  }
  return '/';
}

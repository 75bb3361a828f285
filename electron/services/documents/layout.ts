/**
 * Which layout of the documents a package was made with. 校验 rebuilds a submitted package and compares
 * bytes (docs/decisions.md D15), so a package submitted before a change of layout must be rebuilt with
 * the layout it was made with, not the newest one: the builder takes the layout, and the stored
 * manifest.json says which one (a manifest without `layout` is layout 1).
 *   1: until issue 11 (claim.xlsx with sheets 汇总 and 明细 only)
 *   2: issue 11 (claim.xlsx printable, with 服务记录 and 床日 sheets; manifest.json says `"layout": 2`)
 */
export type PackageLayout = 1 | 2;

/** The layout new packages are made with. */
export const CURRENT_LAYOUT: PackageLayout = 2;

/** The layout a stored manifest.json was written for: 1 when it does not say (made before layouts were numbered). */
export function layoutOfManifest(bytes: Uint8Array | undefined): PackageLayout {
  if (!bytes) return CURRENT_LAYOUT;
  try {
    const doc = JSON.parse(Buffer.from(bytes).toString('utf8')) as { layout?: unknown };
    return doc.layout === 2 ? 2 : 1;
  } catch {
    return CURRENT_LAYOUT;
  }
}

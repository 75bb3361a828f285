/**
 * Files of a claim package that are the institution's own, never uploaded to the agency: the manifest
 * marks them `upload: false` (electron/services/documents/manifest.ts) and the files panel says so.
 */
export const ISSUES_FILE_TITLE = '问题清单';

export const INTERNAL_PACKAGE_FILES: readonly string[] = [`${ISSUES_FILE_TITLE}.pdf`];

export const isInternalPackageFile = (name: string): boolean => INTERNAL_PACKAGE_FILES.includes(name);

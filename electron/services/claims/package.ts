/**
 * The package builder the claim lifecycle uses (submit, 补报, verify), and the MIME type each package
 * file is served with. The documents themselves are made in ../documents.
 */
import { claimPackageBuilder } from '../documents/buildPackage';
import type { PackageBuilder } from './packageTypes';
import { XLSX_MIME } from '../spreadsheet/mime';

export const buildPackage: PackageBuilder = claimPackageBuilder;

const MIME_BY_EXTENSION: Record<string, string> = {
  json: 'application/json',
  pdf: 'application/pdf',
  xlsx: XLSX_MIME,
};

/** The MIME type of a package file, by its extension. */
export function PACKAGE_MIME(name: string): string {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  return MIME_BY_EXTENSION[ext] ?? 'application/octet-stream';
}

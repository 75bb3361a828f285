/** Offers a file from the services to the user (a browser download; Electron shows its save dialog). */
import type { FileDownload } from '../../../shared/api/define';

function blobUrl(file: FileDownload): string {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  return URL.createObjectURL(new Blob([bytes], { type: file.mime }));
}

/** Opens a file (a PDF) in a new browser tab, whose viewer can print it: the browser preview only. */
export function openInNewTab(file: FileDownload): void {
  const url = blobUrl(file);
  window.open(url, '_blank', 'noopener');
  setTimeout(() => URL.revokeObjectURL(url), 5 * 60_000);
}

export function offerDownload(file: FileDownload): void {
  const url = blobUrl(file);
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Reads a chosen file as base64 for an upload call. */
export async function readUpload(file: File): Promise<{ name: string; base64: string }> {
  const buf = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
  return { name: file.name, base64: btoa(bin) };
}

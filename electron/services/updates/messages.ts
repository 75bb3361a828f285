/**
 * electron-updater's failures, said in Chinese for the people who see them: what happened and what to do.
 * Matched on electron-updater's error codes (builder-util-runtime `newError`) and Node's and Chromium's
 * network error names; anything else keeps its first line so support can tell what it was.
 */
const NETWORK = /ECONNREFUSED|ENOTFOUND|EHOSTUNREACH|ENETUNREACH|ETIMEDOUT|ECONNRESET|EAI_AGAIN|timed out|net::ERR_/;

export function updateErrorMessage(e: unknown, during: 'check' | 'download'): string {
  const code = typeof e === 'object' && e !== null && 'code' in e ? String((e as { code: unknown }).code) : '';
  const text = e instanceof Error ? e.message : String(e);
  if (code === 'ERR_CHECKSUM_MISMATCH' || /checksum mismatch/i.test(text)) {
    return '下载的安装包校验不符（与更新服务器公布的 sha512 不一致），已丢弃，不会安装。请稍后重试；如果反复出现，请联系供应商检查更新服务器上的文件。';
  }
  if (code === 'ERR_UPDATER_INVALID_SIGNATURE') return '下载的安装包未通过数字签名验证，已丢弃，不会安装。请联系供应商。';
  if (NETWORK.test(code) || NETWORK.test(text)) return '无法连接更新服务器，请检查网络和更新服务器地址，稍后再试。';
  if (code === 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND' || /\b404\b/.test(text)) {
    return during === 'check'
      ? '更新服务器上找不到版本信息（latest.yml），请检查更新服务器地址是否正确。'
      : '更新服务器上找不到安装包文件，请联系供应商检查更新服务器上的文件。';
  }
  if (code === 'ERR_UPDATER_INVALID_UPDATE_INFO' || code === 'ERR_UPDATER_INVALID_VERSION' || code === 'ERR_UPDATER_NO_FILES_PROVIDED') {
    return '更新服务器上的版本信息（latest.yml）不完整或格式不对，请联系供应商。';
  }
  const first = text.split('\n')[0]?.slice(0, 200) ?? '';
  return `${during === 'check' ? '检查更新失败' : '下载更新失败'}：${first}`;
}

/** Release notes as plain text: electron-updater gives a string, or a list per version (some feeds send HTML). */
export function releaseNotesText(notes: unknown): string {
  const text =
    typeof notes === 'string'
      ? notes
      : Array.isArray(notes)
        ? notes.map((n: { version?: string; note?: string | null }) => `${n.version ?? ''}\n${n.note ?? ''}`.trim()).join('\n\n')
        : '';
  return text
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|li|h\d)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

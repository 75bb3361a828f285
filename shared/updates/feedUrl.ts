/**
 * 更新服务器地址: where the desktop app looks for new versions (`latest.yml` and the installer), the
 * institution's or the vendor's server on the local network. Empty means updates are off. Checked the
 * same way in the contract's schema, in the service that saves it, and in the form that edits it.
 */

export const FEED_URL_MAX_LENGTH = 500;
export const FEED_URL_EXAMPLE = 'http://192.168.1.10/ltc/';

/** null when `url` may be saved as the update feed ('' included: updates off), else why not, in Chinese. */
export function feedUrlProblem(url: string): string | null {
  const value = url.trim();
  if (value === '') return null;
  if (value.length > FEED_URL_MAX_LENGTH) return `更新服务器地址太长（最多 ${FEED_URL_MAX_LENGTH} 个字符）`;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return `更新服务器地址不是有效的网址，应以 http:// 或 https:// 开头，例如 ${FEED_URL_EXAMPLE}`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    return `更新服务器地址只支持 http:// 或 https://（不支持 ${parsed.protocol}//），例如 ${FEED_URL_EXAMPLE}`;
  }
  if (parsed.hostname === '') return `更新服务器地址缺少服务器名或 IP，例如 ${FEED_URL_EXAMPLE}`;
  // Saved in the database and shown on screen: a password in it would be readable by anyone at the PC.
  if (parsed.username !== '' || parsed.password !== '') return '更新服务器地址中不能包含用户名或密码';
  return null;
}

/** The value as stored: trimmed (a pasted address often carries a space or a line break). */
export const normalizeFeedUrl = (url: string): string => url.trim();

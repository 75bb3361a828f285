/**
 * Serving the built renderer (out/renderer) to a browser: only files inside that folder, with the
 * contract's client script injected before the app's bundle so `window.api` exists when it starts.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { METHOD_NAMES } from '../../shared/api/methodNames';

export const CLIENT_SCRIPT_PATH = '/__ltc/api.js';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/** `window.api` over fetch: one function per contract call, resolving to the same result values as IPC. */
export function clientScript(): string {
  return `"use strict";(function(){var names=${JSON.stringify(METHOD_NAMES)};var api={};names.forEach(function(m){api[m]=function(input){return fetch("/rpc/"+encodeURIComponent(m),{method:"POST",headers:{"content-type":"application/json"},body:JSON.stringify({input:input})}).then(function(r){return r.json()}).catch(function(e){return{ok:false,error:{code:"INTERNAL",message:"无法连接本地服务："+e.message}}})}});Object.freeze(api);window.api=api;})();`;
}

export interface StaticFile {
  body: Buffer;
  type: string;
}

export function readStatic(root: string, urlPath: string): StaticFile | null {
  const rootDir = resolve(root);
  const rel = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const wanted = rel === '/' || rel === '' ? '/index.html' : rel;
  const file = normalize(join(rootDir, wanted));
  if (file !== rootDir && !file.startsWith(rootDir + sep)) return null;
  if (!existsSync(file) || !statSync(file).isFile()) return null;
  let body = readFileSync(file);
  const type = MIME[extname(file)] ?? 'application/octet-stream';
  if (file.endsWith(`${sep}index.html`)) {
    const html = body.toString('utf8').replace('<script type="module"', `<script src="${CLIENT_SCRIPT_PATH}"></script>\n    <script type="module"`);
    body = Buffer.from(html, 'utf8');
  }
  return { body, type };
}

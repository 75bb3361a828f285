/**
 * electron-updater's HTTP in plain Node (http/https), for the updater outside Electron: the unit tests
 * drive the real NsisUpdater with it against a feed on 127.0.0.1. In the desktop app electron-updater
 * uses its own executor on Electron's `net` (which follows the system's proxy settings).
 *
 * `builder-util-runtime` must be the copy electron-updater loads (9.7.0 today; electron-builder brings
 * 9.7.1 nested under itself): the base class is what electron-updater calls into. A unit test checks
 * that both resolve to the same file.
 */
import http, { type ClientRequest, type IncomingMessage, type RequestOptions } from 'node:http';
import https from 'node:https';
import type { URL } from 'node:url';
import { configureRequestOptions, configureRequestUrl, HttpExecutor, type DownloadOptions } from 'builder-util-runtime';

export class NodeHttpExecutor extends HttpExecutor<ClientRequest> {
  override createRequest(options: RequestOptions, callback: (response: IncomingMessage) => void): ClientRequest {
    return (options.protocol === 'https:' ? https : http).request(options, callback);
  }

  /** A file to disk, checked against `options.sha512` by the base class while it streams (as ElectronHttpExecutor does). */
  download(url: URL, destination: string, options: DownloadOptions): Promise<string> {
    return options.cancellationToken.createPromise<string>((resolve, reject, onCancel) => {
      const requestOptions: RequestOptions = { headers: options.headers ?? undefined };
      configureRequestUrl(url, requestOptions);
      configureRequestOptions(requestOptions);
      this.doDownload(
        requestOptions,
        { destination, options, onCancel, callback: (error) => (error == null ? resolve(destination) : reject(error)), responseHandler: null },
        0,
      );
    });
  }
}

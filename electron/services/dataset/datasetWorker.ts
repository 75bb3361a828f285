/**
 * The dataset worker (issue 17): reads and checks a dataset file for `ltc import` while the thread that
 * owns the database stores the checked visits (importReader.ts). One file per worker; it ends with it.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import { serveReader, type DatasetWorkerData } from './importReader';

const data = workerData as DatasetWorkerData & { port: MessagePort };
serveReader(data, (m, transfer) => data.port.postMessage(m, transfer));

/**
 * The PDF worker's code, as a string run with `new Worker(code, { eval: true })`.
 *
 * Why a string: the same worker must start from the TypeScript sources (vitest, the CLI in
 * development) and from the bundled out/main (Electron, the CLI as built). A separate worker
 * entry file would need a bundler-specific import that vitest does not understand; this code needs
 * nothing but pdfmake, which it loads relative to `workerData.base` (a file of the app).
 *
 * Protocol: the parent posts `{ id, dd, footer }` (pdfmake) or `{ id, form }` (formSpec.ts as a JSON
 * string, drawn with pdfkit by formWorkerSource.ts); the worker answers `{ id, bytes, pages }` (bytes
 * transferred) or `{ id, error }`. Functions cannot cross threads, so the page footer is sent as
 * data and built here, and table layouts are registered here by name (see pdfBase.ts).
 */
import { FORM_WORKER_SOURCE } from './formWorkerSource';

export const PDF_WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const { readFileSync } = require('node:fs');
const { createRequire } = require('node:module');
const appRequire = createRequire(workerData.base);
const pdfmake = appRequire('pdfmake');
// pdfkit as pdfmake resolves it (its dependency): the form documents are drawn with it directly.
const PDFKit = createRequire(appRequire.resolve('pdfmake'))('pdfkit');

// Fonts are read once per worker and served from pdfmake's virtual file system, so no document can
// read a local file or fetch a URL; form documents get the same bytes.
const regularBytes = readFileSync(workerData.fonts.regular.file);
const boldBytes = readFileSync(workerData.fonts.bold.file);
pdfmake.virtualfs.writeFileSync('ltc-regular', regularBytes);
pdfmake.virtualfs.writeFileSync('ltc-bold', boldBytes);
const fontData = {
  r: { src: regularBytes, family: workerData.fonts.regular.postscriptName },
  b: { src: boldBytes, family: workerData.fonts.bold.postscriptName },
};
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy(() => false);

const face = (name, f) => (f.postscriptName ? [name, f.postscriptName] : name);
const rule = '#444444';
pdfmake.setTableLayouts({
  ltcGrid: {
    hLineWidth: () => 0.5, vLineWidth: () => 0.5, hLineColor: () => rule, vLineColor: () => rule,
    paddingLeft: () => 3, paddingRight: () => 3, paddingTop: () => 2, paddingBottom: () => 2,
    fillColor: (row, node) => (row < (node.table.headerRows || 0) ? '#eeeeee' : null),
  },
  ltcForm: {
    hLineWidth: () => 0.8, vLineWidth: () => 0.8, hLineColor: () => '#000000', vLineColor: () => '#000000',
    paddingLeft: () => 5, paddingRight: () => 5, paddingTop: () => 4, paddingBottom: () => 4,
  },
  // Signature boxes: a label row, blank space, a date row, with no rules between them.
  ltcBoxes: {
    hLineWidth: (i, node) => (i === 0 || i === node.table.body.length ? 0.8 : 0), vLineWidth: () => 0.8,
    hLineColor: () => '#000000', vLineColor: () => '#000000',
    paddingLeft: () => 5, paddingRight: () => 5, paddingTop: () => 4, paddingBottom: () => 4,
  },
  ltcCalendar: {
    hLineWidth: () => 0.4, vLineWidth: () => 0.4, hLineColor: () => '#777777', vLineColor: () => '#777777',
    paddingLeft: () => 1, paddingRight: () => 1, paddingTop: () => 1, paddingBottom: () => 1,
  },
});

async function render(msg) {
  // pdfmake writes the font file contents back into the descriptors it is given: fresh ones each time.
  pdfmake.setFonts({ NotoSansSC: { normal: face('ltc-regular', workerData.fonts.regular), bold: face('ltc-bold', workerData.fonts.bold) } });
  let pages = 0;
  const dd = msg.dd;
  const f = msg.footer;
  dd.footer = (page, count) => {
    pages = count;
    return {
      margin: f.margin, fontSize: 7.5, color: '#444444',
      columns: [{ text: f.left }, { text: f.right.replace('{page}', String(page)).replace('{pages}', String(count)), alignment: 'right', width: 'auto' }],
    };
  };
  const buffer = await pdfmake.createPdf(dd).getBuffer();
  return transferable({ bytes: buffer, pages });
}

// Transfer the bytes; copy first when the Buffer is a view into a larger (pooled) allocation.
function transferable({ bytes: buffer, pages }) {
  const whole = buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength;
  return { bytes: whole ? new Uint8Array(buffer.buffer) : new Uint8Array(buffer), pages };
}

${FORM_WORKER_SOURCE}

// A form arrives as JSON (renderPool.ts); its dates as ISO strings.
function parseForm(json) {
  const form = JSON.parse(json);
  form.info.CreationDate = new Date(form.info.CreationDate);
  form.info.ModDate = new Date(form.info.ModDate);
  return form;
}

parentPort.on('message', (msg) => {
  (msg.form ? Promise.resolve(msg.form).then(parseForm).then(renderForm).then(transferable) : render(msg)).then(
    (r) => parentPort.postMessage({ id: msg.id, bytes: r.bytes, pages: r.pages }, [r.bytes.buffer]),
    (e) => parentPort.postMessage({ id: msg.id, error: String((e && e.stack) || e) }),
  );
});
`;

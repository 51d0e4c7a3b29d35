// pdf.js's worker code, loaded on this thread (see pdf-pages.ts); it only registers itself on
// globalThis.pdfjsWorker, nothing is imported from it.
declare module 'pdfjs-dist/build/pdf.worker.mjs';

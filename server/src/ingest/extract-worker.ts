/**
 * A thread of the extraction pool (extract-pool.ts): extracts the files of each message it gets, in their order, and
 * answers with the results (records or the reasons files could not be read), which the pool puts in their places.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { extractFilesInOrder } from './extract-file.js';

const synthetic = (workerData as { synthetic?: boolean }).synthetic;
parentPort!.on('message', (m: { from: number; files: string[] }) => {
  // The records as objects (structured clone): sending them as one JSON string was slower (24.2 against 22.7 s for
  // the national corpus on two threads).
  void extractFilesInOrder(m.files, synthetic).then((results) => parentPort!.postMessage({ from: m.from, results }));
});

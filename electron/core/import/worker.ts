// Worker-thread entry of the extraction pool (pool.ts): extracts one input per
// message with the same code as in-thread import, so results are identical.
import { parentPort, workerData } from 'node:worker_threads';
import { extractWithReport } from './registry.js';
import { ImportError } from './types.js';
import { type ExtractReply, type ExtractRequest, WORKER_ROLE } from './worker-protocol.js';

const port = (workerData as { role?: unknown } | null)?.role === WORKER_ROLE ? parentPort : null;
if (port) {
  port.on('message', (req: ExtractRequest) => {
    extractWithReport(req.input).then(
      (extraction) => port.postMessage({ id: req.id, ok: true, extraction } satisfies ExtractReply),
      (err: unknown) => {
        const e = err instanceof Error ? err : new Error(String(err));
        const code = err instanceof ImportError ? err.code : undefined;
        port.postMessage({ id: req.id, ok: false, name: e.name, message: e.message, code } satisfies ExtractReply);
      },
    );
  });
  // Modules are loaded (Readability, DOMPurify, linkedom): the pool may send work.
  port.postMessage('ready');
}

import type { EventEmitter } from 'node:events';

/**
 * A reader that stops early (`action-plan check plan.xlsx | head`) closes the pipe: the report is no longer wanted,
 * and whatever was written (apply's file) is already on disk, so `stop` is called quietly instead of a stack trace
 * being printed. Any other stream error is thrown as before.
 */
export function quietOnClosedPipe(streams: readonly EventEmitter[], stop: () => void): void {
  for (const stream of streams) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      stop();
    });
  }
}

import { Presets, SingleBar } from 'cli-progress';
import type { Progress } from '@clamp-viz/projection';

/** A writable text stream: `process.stderr`, or a test double with `write` (and optionally `isTTY`). */
export interface TextSink {
  write(chunk: string): unknown;
  readonly isTTY?: boolean;
}

/** Reports `{phase, done, total}` events of one run; `stop()` ends the display. */
export interface ProgressReporter {
  onProgress(progress: Progress): void;
  stop(): void;
}

/** Plain mode prints a line at each phase start, each further 25 %, and the end of the phase. */
const PLAIN_STEP = 0.25;

/**
 * Progress on `sink` for the run labelled `label` (e.g. the method name): a `cli-progress` bar per phase
 * when `sink.isTTY`, otherwise plain lines (`clamp-viz: pca: covariance 50% (5000/10000)`), so logs and
 * CI output stay readable. O(1) per event.
 */
export function createProgress(sink: TextSink, label: string): ProgressReporter {
  return sink.isTTY === true ? barProgress(sink, label) : plainProgress(sink, label);
}

function plainProgress(sink: TextSink, label: string): ProgressReporter {
  let phase = '';
  let nextShare = 0;
  return {
    onProgress({ phase: p, done, total }) {
      if (p !== phase) {
        phase = p;
        nextShare = 0;
      }
      const share = total > 0 ? done / total : 1;
      if (share + 1e-12 < nextShare && done < total) return;
      sink.write(`clamp-viz: ${label}: ${p} ${Math.round(share * 100)}% (${done}/${total})\n`);
      nextShare = share >= 1 ? Infinity : (Math.floor(share / PLAIN_STEP) + 1) * PLAIN_STEP;
    },
    stop() {},
  };
}

function barProgress(sink: TextSink, label: string): ProgressReporter {
  let bar: SingleBar | undefined;
  let phase = '';
  const stop = () => {
    bar?.stop();
    bar = undefined;
  };
  return {
    onProgress({ phase: p, done, total }) {
      if (!bar || p !== phase) {
        stop();
        phase = p;
        bar = new SingleBar(
          {
            stream: sink as unknown as NodeJS.WritableStream,
            format: `${label}: {phase} [{bar}] {percentage}% | {value}/{total} | {duration_formatted}`,
            hideCursor: true,
            clearOnComplete: false,
          },
          Presets.shades_classic,
        );
        bar.start(Math.max(total, 1), done, { phase: p });
        return;
      }
      bar.setTotal(Math.max(total, 1));
      bar.update(done);
    },
    stop,
  };
}

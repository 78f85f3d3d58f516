/**
 * Runs `run` while recording every Worker constructed (its URL, plus `'load error'` if its script fails to
 * load); the real Worker still runs, so a test can prove the worker path ran and count the workers started.
 */
export async function observingWorkers<T>(run: (created: string[]) => Promise<T>): Promise<T> {
  const created: string[] = [];
  const NativeWorker = globalThis.Worker;
  globalThis.Worker = class extends NativeWorker {
    constructor(url: string | URL, options?: WorkerOptions) {
      super(url, options);
      created.push(String(url));
      this.addEventListener('error', () => created.push('load error'));
    }
  };
  try {
    return await run(created);
  } finally {
    globalThis.Worker = NativeWorker;
  }
}

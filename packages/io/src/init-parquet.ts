/**
 * Loading the parquet-wasm WebAssembly module, once per realm.
 *
 * The readers and writers call {@link initParquet} themselves, so most callers never need to. Call
 * it explicitly to choose where the `.wasm` comes from, or to pay the load cost early:
 *
 * ```ts
 * await initParquet();                         // Node: reads parquet-wasm's esm/parquet_wasm_bg.wasm from disk
 *                                              // Vite/browser: fetches it next to parquet-wasm's module
 * await initParquet(new URL('/assets/parquet_wasm_bg.wasm', location.href)); // a URL you serve
 * await initParquet(wasmBytes);                // the .wasm bytes (a Uint8Array/ArrayBuffer)
 * ```
 *
 * In Vite, list `parquet-wasm` in `optimizeDeps.exclude` so that the module's
 * `new URL('parquet_wasm_bg.wasm', import.meta.url)` resolves. In Node no `node:` import is used:
 * the file is located with `process.getBuiltinModule` (Node ≥ 20.16).
 *
 * State: the module keeps one promise (the wasm instance is a per-realm singleton inside
 * parquet-wasm anyway). The first call wins; later calls with another source return the same
 * promise. A failed load is not cached, so the caller can retry with an explicit source.
 */
import initWasm, * as wasm from 'parquet-wasm/esm';

export type ParquetWasm = typeof wasm;

/** Where to load the wasm from: its bytes, a compiled module, a URL/path string, or a `Response`. */
export type ParquetWasmSource = BufferSource | WebAssembly.Module | URL | string | Response;

let ready: Promise<ParquetWasm> | undefined;

export function initParquet(source?: ParquetWasmSource): Promise<ParquetWasm> {
  if (ready === undefined) {
    ready = load(source).then(
      () => wasm,
      (error: unknown) => {
        ready = undefined;
        throw new Error(
          `Could not load the parquet-wasm WebAssembly module (${error instanceof Error ? error.message : String(error)}); ` +
            'pass its bytes or URL to initParquet(source)',
          { cause: error },
        );
      },
    );
  }
  return ready;
}

async function load(source: ParquetWasmSource | undefined): Promise<void> {
  if (source !== undefined) {
    await initWasm({ module_or_path: source });
    return;
  }
  const bytes = readWasmFromNodeModules();
  await initWasm(bytes === undefined ? undefined : { module_or_path: bytes });
}

interface NodeProcess {
  versions?: { node?: string };
  getBuiltinModule?: (id: string) => unknown;
}

/** In Node, the wasm file's bytes (fetch() cannot read file: URLs there); elsewhere undefined. */
function readWasmFromNodeModules(): Uint8Array | undefined {
  const proc = (globalThis as { process?: NodeProcess }).process;
  if (proc?.versions?.node === undefined || typeof proc.getBuiltinModule !== 'function') return undefined;
  const { createRequire } = proc.getBuiltinModule('node:module') as {
    createRequire: (from: string) => { resolve: (id: string) => string };
  };
  const { readFileSync } = proc.getBuiltinModule('node:fs') as { readFileSync: (path: string) => Uint8Array };
  const path = createRequire(import.meta.url).resolve('parquet-wasm/esm/parquet_wasm_bg.wasm');
  return readFileSync(path);
}

import { tableFromIPC, type Table } from 'apache-arrow';
import { DataError, causeMessage } from './data-error.js';
import { initParquet } from './init-parquet.js';

/**
 * Decode a Parquet file into an Arrow JS table with parquet-wasm (initialised on first use).
 * parquet-wasm materialises the table in wasm memory and hands it over as an IPC stream, so the
 * values are copied once into JS memory. `bytes` is not modified.
 *
 * @throws DataError `corrupt-file` wrapping parquet-wasm's error (as `cause`).
 */
export async function readParquetTable(bytes: Uint8Array, fileName: string): Promise<Table> {
  const pw = await initParquet();
  let ipc: Uint8Array;
  try {
    ipc = pw.readParquet(bytes).intoIPCStream();
  } catch (error) {
    throw new DataError({ code: 'corrupt-file', file: fileName, rule: `not a readable Parquet file (truncated or corrupt: ${causeMessage(error)})`, cause: error });
  }
  return decodeIpc(ipc, fileName, 'Parquet file');
}

/**
 * Decode an Arrow IPC file or stream into an Arrow JS table (apache-arrow's `tableFromIPC`).
 *
 * @throws DataError `corrupt-file` wrapping apache-arrow's error (as `cause`).
 */
export function readIpcTable(bytes: Uint8Array, fileName: string, what: 'file' | 'stream' = 'file'): Table {
  return decodeIpc(bytes, fileName, `Arrow IPC ${what}`);
}

function decodeIpc(bytes: Uint8Array, fileName: string, what: string): Table {
  let table: Table;
  try {
    table = tableFromIPC(bytes);
  } catch (error) {
    throw new DataError({ code: 'corrupt-file', file: fileName, rule: `not a readable ${what} (truncated or corrupt: ${causeMessage(error)})`, cause: error });
  }
  if (table.schema.fields.length === 0) {
    throw new DataError({ code: 'corrupt-file', file: fileName, rule: `not a readable ${what} (truncated or corrupt: no schema)` });
  }
  return table;
}

import { tableToIPC, type Table } from 'apache-arrow';
import { initParquet } from './init-parquet.js';

/**
 * Encode an Arrow JS table as a Parquet file with parquet-wasm (Snappy-compressed, readable by
 * polars, pandas/pyarrow, DuckDB and R arrow). The table is copied through an IPC stream into wasm
 * memory; the input is not modified.
 */
export async function writeParquet(table: Table): Promise<Uint8Array> {
  const pw = await initParquet();
  const wasmTable = pw.Table.fromIPCStream(tableToIPC(table, 'stream'));
  const properties = new pw.WriterPropertiesBuilder().setCompression(pw.Compression.SNAPPY).build();
  return pw.writeParquet(wasmTable, properties);
}

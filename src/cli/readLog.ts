/** A transaction log file read as a stream: its text is never held whole, whatever its size. */
import { createReadStream } from 'node:fs';
import { type ColumnChoice, type ParseResult, TransactionReader } from '../analysis/clv/transactions.ts';

export async function readLogFile(path: string, choice: ColumnChoice = {}): Promise<ParseResult> {
  const reader = new TransactionReader(choice);
  for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 }))
    reader.push(chunk as string);
  return reader.end();
}

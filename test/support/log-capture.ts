import { Writable } from 'node:stream';

/** A pino destination that keeps every JSON line written to it, parsed. */
export class LogCapture extends Writable {
  readonly lines: Record<string, unknown>[] = [];
  readonly raw: string[] = [];

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: () => void): void {
    for (const text of chunk.toString('utf8').split('\n')) {
      if (!text.trim()) continue;
      this.raw.push(text);
      this.lines.push(JSON.parse(text) as Record<string, unknown>);
    }
    callback();
  }

  /** Lines whose fields include every given field. */
  matching(fields: Record<string, unknown>): Record<string, unknown>[] {
    return this.lines.filter((line) => Object.entries(fields).every(([key, value]) => line[key] === value));
  }
}

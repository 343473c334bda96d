// A streaming reader of Pacer export files (README: "Export format"). A 100 MB
// export must not become one 100 MB string plus its parsed copy in the options
// page, so the file is read in chunks and each `events[]` / `deals[]` row is
// handed over as its own small JSON text the moment it is complete. Pure: no
// browser API, so it runs on a File's stream, in Node and in tests alike.
import { EXPORT_FORMAT, EXPORT_VERSION } from './export-format';

/** One row of the file's `events` or `deals` list, as JSON text (null when it was too large to keep). */
export interface ScannedRow {
  list: 'events' | 'deals';
  index: number;
  text: string | null;
}

/** The file itself is unusable (not JSON, not a Pacer export, another version, cut off): nothing is imported. */
export class ExportFileError extends Error {
  override name = 'ExportFileError';
}

/** A row larger than this is reported invalid rather than parsed: no event needs 256 KB. */
export const MAX_ROW_CHARS = 256 * 1024;
/** Top-level fields other than the two lists (format, rep …) are small; a huge one is not an export. */
const MAX_HEADER_CHARS = 64 * 1024;
const LISTS = new Set(['events', 'deals']);

type State =
  | 'start' | 'key-or-end' | 'key' | 'colon' | 'value-start' | 'value'
  | 'comma-or-end' | 'elem-or-end' | 'elem-start' | 'elem' | 'done';

const WS = new Set([0x20, 0x09, 0x0a, 0x0d]);
const QUOTE = 0x22, BACKSLASH = 0x5c, COMMA = 0x2c, COLON = 0x3a;
const OPEN_OBJ = 0x7b, CLOSE_OBJ = 0x7d, OPEN_ARR = 0x5b, CLOSE_ARR = 0x5d;

/**
 * Feeds chunks of an export through `push`, which returns the rows completed by that
 * chunk; `finish` checks the file ended where an export ends and returns its top-level
 * fields. Only the structure down to the rows is tracked here; each row's own JSON is
 * left to `JSON.parse`, so a malformed row is one invalid row, not a broken file.
 */
export class ExportScanner {
  private state: State = 'start';
  private key = '';
  private list: 'events' | 'deals' | undefined;
  private index = 0;
  /** Inside a captured value: nesting depth, and whether inside a string (and after a backslash). */
  private depth = 0;
  private inString = false;
  private escaped = false;
  private parts: string[] = [];
  private captured = 0;
  private oversized = false;
  private readonly seenKeys = new Set<string>();
  readonly header: Record<string, unknown> = {};
  /** Characters read so far, for progress. */
  consumed = 0;

  push(chunk: string): ScannedRow[] {
    const rows: ScannedRow[] = [];
    let start = 0; // where the value being captured starts in this chunk
    const n = chunk.length;
    for (let i = 0; i < n; i++) {
      const c = chunk.charCodeAt(i);
      switch (this.state) {
        case 'start':
          if (c === 0xfeff || WS.has(c)) continue; // a byte-order mark or whitespace
          if (c !== OPEN_OBJ) throw new ExportFileError('This file is not JSON, so it is not a Pacer export.');
          this.state = 'key-or-end';
          continue;
        case 'key-or-end':
          if (WS.has(c)) continue;
          if (c === CLOSE_OBJ && this.seenKeys.size === 0) { this.state = 'done'; continue; }
          if (c !== QUOTE) throw this.broken();
          this.state = 'key';
          this.beginCapture();
          start = i;
          continue;
        case 'key': {
          // Keys are short strings: capture up to the closing quote.
          if (this.escaped) { this.escaped = false; continue; }
          if (c === BACKSLASH) { this.escaped = true; continue; }
          if (c !== QUOTE) continue;
          this.key = JSON.parse(this.endCapture(chunk, start, i + 1)) as string;
          this.state = 'colon';
          continue;
        }
        case 'colon':
          if (WS.has(c)) continue;
          if (c !== COLON) throw this.broken();
          this.state = 'value-start';
          continue;
        case 'value-start':
          if (WS.has(c)) continue;
          this.seenKeys.add(this.key);
          if (LISTS.has(this.key)) {
            if (c !== OPEN_ARR) throw new ExportFileError('The export needs "events" and "deals" lists.');
            this.list = this.key as 'events' | 'deals';
            this.index = 0;
            this.state = 'elem-or-end';
            continue;
          }
          this.beginCapture();
          start = i;
          this.state = 'value';
          i--; // the first character belongs to the value
          continue;
        case 'value':
        case 'elem': {
          // The hot loop: scan to the end of this value, tracking strings and nesting.
          let j = i;
          let ended = false;
          for (; j < n; j++) {
            const d = chunk.charCodeAt(j);
            if (this.inString) {
              if (this.escaped) this.escaped = false;
              else if (d === BACKSLASH) this.escaped = true;
              else if (d === QUOTE) this.inString = false;
              continue;
            }
            if (d === QUOTE) this.inString = true;
            else if (d === OPEN_OBJ || d === OPEN_ARR) this.depth++;
            else if (d === CLOSE_OBJ || d === CLOSE_ARR) {
              if (this.depth === 0) { ended = true; break; } // the container around this value closes
              this.depth--;
            } else if (d === COMMA && this.depth === 0) { ended = true; break; }
          }
          this.captured += j - i;
          if (this.captured > (this.state === 'elem' ? MAX_ROW_CHARS : MAX_HEADER_CHARS)) {
            if (this.state === 'value') throw new ExportFileError(`The export's "${this.key}" field is far too large for a Pacer export.`);
            this.oversized = true;
            this.parts = [];
          }
          if (!ended) { i = n; break; }
          const text = this.oversized ? null : this.endCapture(chunk, start, j).trim();
          const d = chunk.charCodeAt(j);
          if (this.state === 'value') {
            if (d === CLOSE_ARR) throw this.broken();
            this.acceptHeader(text!);
            this.state = d === COMMA ? 'key-or-end' : 'done';
          } else {
            if (d === CLOSE_OBJ) throw this.broken();
            if (text === '') throw this.broken(); // `[1,,2]`
            rows.push({ list: this.list!, index: this.index++, text });
            this.state = d === COMMA ? 'elem-start' : 'comma-or-end';
          }
          i = j;
          continue;
        }
        case 'elem-or-end':
        case 'elem-start':
          if (WS.has(c)) continue;
          if (c === CLOSE_ARR && this.state === 'elem-or-end') { this.state = 'comma-or-end'; continue; }
          if (c === CLOSE_ARR || c === COMMA) throw this.broken();
          this.beginCapture();
          start = i;
          this.state = 'elem';
          i--;
          continue;
        case 'comma-or-end':
          if (WS.has(c)) continue;
          if (c === COMMA) { this.state = 'key-or-end'; continue; }
          if (c === CLOSE_OBJ) { this.state = 'done'; continue; }
          throw this.broken();
        case 'done':
          if (WS.has(c)) continue;
          throw new ExportFileError('This file has more after the end of the export, so it is not a Pacer export.');
      }
    }
    // A value still open at the chunk's end continues in the next chunk.
    if ((this.state === 'value' || this.state === 'elem' || this.state === 'key') && !this.oversized) {
      this.parts.push(chunk.slice(start));
    }
    this.consumed += n;
    return rows;
  }

  /** The file's top-level fields, once the whole file was read; throws when it ended early or is not an export. */
  finish(): Record<string, unknown> {
    if (this.state === 'start') throw new ExportFileError('This file is empty.');
    if (this.state !== 'done') {
      const where = this.list && (this.state === 'elem' || this.state === 'elem-start' || this.state === 'elem-or-end')
        ? ` while reading ${this.list}[${this.index}]` : '';
      throw new ExportFileError(`The file ends before the export does${where}: it looks truncated. Nothing was imported.`);
    }
    this.checkHeader('format', this.header.format);
    this.checkHeader('version', this.header.version);
    if (!this.seenKeys.has('events') || !this.seenKeys.has('deals')) throw new ExportFileError('The export needs "events" and "deals" lists.');
    return this.header;
  }

  private beginCapture() {
    this.parts = [];
    this.captured = 0;
    this.oversized = false;
    this.depth = 0;
    this.inString = false;
    this.escaped = false;
  }

  private endCapture(chunk: string, start: number, end: number): string {
    const tail = chunk.slice(start, end);
    const text = this.parts.length ? this.parts.join('') + tail : tail;
    this.parts = [];
    return text;
  }

  private acceptHeader(text: string) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw this.broken();
    }
    this.header[this.key] = value;
    // A wrong format or version is known at once: stop before reading 100 MB of rows.
    if (this.key === 'format' || this.key === 'version') this.checkHeader(this.key, value);
  }

  private checkHeader(key: 'format' | 'version', value: unknown) {
    if (key === 'format' && value !== EXPORT_FORMAT) {
      throw new ExportFileError('This file is not a Pacer export (its "format" is not "pacer-export").');
    }
    if (key === 'version' && value !== EXPORT_VERSION) {
      throw new ExportFileError(`This export is version ${JSON.stringify(value ?? null)}; this Pacer reads version ${EXPORT_VERSION}.`);
    }
  }

  private broken() {
    const where = this.list ? ` near ${this.list}[${this.index}]` : '';
    return new ExportFileError(`This file is not valid JSON${where}, so nothing was imported.`);
  }
}

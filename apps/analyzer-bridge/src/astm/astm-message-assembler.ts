import { AstmDelimiters, DEFAULT_ASTM_DELIMITERS, delimitersOfHeader } from './astm-delimiters';
import { ReadFrame } from './astm-frame-reader';
import { AstmRecord, parseAstmRecord } from './astm-record';

/** A complete E1394 message: its records and the text they came in (what is stored before the ACK). */
export interface AstmRawMessage {
  records: AstmRecord[];
  text: string;
  /** Records the parser did not recognise, kept for the logs (never silently dropped). */
  unparsed: string[];
}

/**
 * Joins frame texts into records (a record continues across ETB frames and ends with CR; an ETX frame
 * ends the record in hand) and records into messages, from H to L. Delimiters come from each H record.
 */
export class AstmMessageAssembler {
  private partial = '';
  private lines: string[] = [];
  private records: AstmRecord[] = [];
  private unparsed: string[] = [];
  private delimiters: AstmDelimiters = DEFAULT_ASTM_DELIMITERS;

  /** Adds an accepted frame; returns the messages its text completes (an L record, or a new H after an unterminated one). */
  push(frame: ReadFrame): AstmRawMessage[] {
    this.partial += frame.text;
    if (!frame.final) return [];
    const texts = this.partial.split(/\r\n?|\n/).filter((t) => t.length > 0);
    this.partial = '';
    return texts.flatMap((text) => this.addRecord(text));
  }

  /** Would this frame complete a message? (So the session can store it before the frame's ACK.) */
  completes(frame: ReadFrame): boolean {
    if (!frame.final) return false;
    const texts = `${this.partial}${frame.text}`.split(/\r\n?|\n/).filter((t) => t.length > 0);
    return texts.some((t) => t[0]?.toUpperCase() === 'L' || (delimitersOfHeader(t) !== null && this.records.length > 0));
  }

  /** A copy of the state, to go back to when a frame's message could not be stored (the frame is NAKed). */
  clone(): AstmMessageAssembler {
    const copy = new AstmMessageAssembler();
    copy.partial = this.partial;
    copy.lines = [...this.lines];
    copy.records = [...this.records];
    copy.unparsed = [...this.unparsed];
    copy.delimiters = this.delimiters;
    return copy;
  }

  /** The transmission ended (EOT or timeout): what was received without an L record, or null. */
  flush(): AstmRawMessage | null {
    if (this.partial) this.addRecord(this.partial);
    this.partial = '';
    return this.records.length > 0 ? this.take() : null;
  }

  private addRecord(text: string): AstmRawMessage[] {
    const completed: AstmRawMessage[] = [];
    const header = delimitersOfHeader(text);
    if (header) {
      if (this.records.length > 0) completed.push(this.take()); // a new header ends a message sent without L
      this.delimiters = header;
    }
    this.lines.push(text);
    const record = parseAstmRecord(text, this.delimiters);
    if (!record) this.unparsed.push(text);
    else this.records.push(record);
    if (record?.type === 'L') completed.push(this.take());
    return completed;
  }

  private take(): AstmRawMessage {
    const message = { records: this.records, text: this.lines.map((l) => `${l}\r`).join(''), unparsed: this.unparsed };
    this.records = [];
    this.lines = [];
    this.unparsed = [];
    return message;
  }
}

/**
 * What an instrument said, protocol-neutral: the ASTM and HL7 readers produce it, the upload mapping
 * consumes it. Every text is as the instrument sent it (unescaped).
 */
export interface InstrumentResult {
  /** The instrument's test code (the profile says which component holds it). */
  code: string;
  value: string;
  units: string;
  range: string;
  /** Abnormal flags (every repeat) and a flag component of the value, when the profile names one. */
  flags: string[];
  /** E1394 R.9 / HL7 OBX-11: F final, C correction, P preliminary, … */
  status: string;
  comments: string[];
}

export interface SampleReport {
  sampleId: string;
  results: InstrumentResult[];
  /** Report-level messages (e.g. suspect-cell messages, OBX of type IS): the upload's test_flags. */
  reportFlags: string[];
  /** A quality-control run: stored apart, never uploaded as a patient result. */
  qc: boolean;
  comments: string[];
}

/** A host query: which sample the instrument asks its work order for. */
export interface HostQuery {
  sampleIds: string[];
  /** The test asked for, as sent (ASTM Q.5 components, e.g. `^^^ALL`): echoed when there is nothing to do. */
  requestedTest: string[];
}

export interface InstrumentMessage {
  protocol: 'astm' | 'hl7';
  /** HL7 MSH-10 (echoed in the ACK); ASTM H.3 message control id when sent. */
  controlId: string;
  /** HL7 MSH-9 (e.g. ORU^R01); ASTM: 'ASTM'. */
  messageType: string;
  samples: SampleReport[];
  queries: HostQuery[];
}

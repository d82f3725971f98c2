import { CalloutWrite } from './callout.repository';

/** activity.logged carries at most this much text (its contract); the callout record keeps the whole comment. */
export const ACTIVITY_TEXT_MAX = 2000;

const VERB = { draft: 'Callout Draft Saved', attempted: 'Callout Attempted', done: 'Callout Done' } as const;

/** seed 001 timeline text: `Callout Attempted by - <user>, …`. */
export function activityText(w: CalloutWrite): string {
  const parts = [`${VERB[w.kind]} by - ${w.performedByName}`];
  if (w.communicationMethods.length > 0) parts.push(`Method: ${w.communicationMethods.join(', ')}`);
  if (w.recipients.length > 0) parts.push(`Recipients: ${w.recipients.join(', ')}`);
  if (w.contactedPerson) parts.push(`Informed: ${w.contactedPerson}`);
  if (w.readBack !== null) parts.push(`Read back: ${w.readBack ? 'Yes' : 'No'}`);
  if (w.comment) parts.push(`Comment: ${w.comment}`);
  const text = parts.join(', ');
  // A long comment (the callout allows more than a timeline line) is shortened, never refused: the
  // callout is recorded in full, and the timeline links to it.
  return text.length <= ACTIVITY_TEXT_MAX ? text : `${text.slice(0, ACTIVITY_TEXT_MAX - 1)}…`;
}

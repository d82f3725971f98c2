import { CalloutWrite } from './callout.repository';

const VERB = { draft: 'Callout Draft Saved', attempted: 'Callout Attempted', done: 'Callout Done' } as const;

/** seed 001 timeline text: `Callout Attempted by - <user>, …`. */
export function activityText(w: CalloutWrite): string {
  const parts = [`${VERB[w.kind]} by - ${w.performedByName}`];
  if (w.communicationMethods.length > 0) parts.push(`Method: ${w.communicationMethods.join(', ')}`);
  if (w.recipients.length > 0) parts.push(`Recipients: ${w.recipients.join(', ')}`);
  if (w.contactedPerson) parts.push(`Informed: ${w.contactedPerson}`);
  if (w.readBack !== null) parts.push(`Read back: ${w.readBack ? 'Yes' : 'No'}`);
  if (w.comment) parts.push(`Comment: ${w.comment}`);
  return parts.join(', ');
}

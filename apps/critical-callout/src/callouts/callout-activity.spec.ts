import { ACTIVITY_TEXT_MAX, activityText } from './callout-activity';
import { CalloutWrite } from './callout.repository';

const write = (comment: string): CalloutWrite => ({
  kind: 'attempted', performedByName: 'Dr. Ada', communicationMethods: ['email'], recipients: ['Organization'],
  contactedPerson: null, readBack: null, comment,
} as unknown as CalloutWrite);

describe('activityText', () => {
  it('writes the seed 001 timeline line in full when it fits', () => {
    expect(activityText(write('called twice'))).toBe('Callout Attempted by - Dr. Ada, Method: email, Recipients: Organization, Comment: called twice');
  });

  it('shortens a line a long comment makes longer than activity.logged carries, instead of failing the callout', () => {
    const text = activityText(write('x'.repeat(5000)));
    expect(text).toHaveLength(ACTIVITY_TEXT_MAX);
    expect(text.endsWith('…')).toBe(true);
    expect(text.startsWith('Callout Attempted by - Dr. Ada, Method: email')).toBe(true);
  });
});

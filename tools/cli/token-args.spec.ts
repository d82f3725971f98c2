import { UsageError } from './cli-args';
import { TOKEN_USAGE, tokenRequestFrom } from './token-args';

describe('npm run token: its command line', () => {
  it('answers help (no token) for --help and -h', () => {
    expect(tokenRequestFrom(['--help'])).toBeNull();
    expect(tokenRequestFrom(['--lab', '7', '-h'])).toBeNull();
    expect(TOKEN_USAGE).toMatch(/^Usage: npm run token -- \[options\]/);
  });

  it('reads every claim, with the defaults for what is not given', () => {
    expect(tokenRequestFrom([])).toEqual({
      claims: { sub: '1', lab_id: 100, login_type: 'lab_user', department_ids: [], scope: '' },
      expiresIn: '12h',
    });
    const sut = tokenRequestFrom(['--lab', '42', '--sub', 'clerk', '--type', 'doctor', '--departments', '1, 2', '--doc-type', '2',
      '--department-data-type', '0', '--scope', 'specimen:process specimen:read', '--party', 'p-1', '--client', 'portal',
      '--name', 'Dr. Smith', '--expires', '30m']);
    expect(sut).toEqual({
      claims: {
        sub: 'clerk', lab_id: 42, login_type: 'doctor', department_ids: [1, 2], doc_type: 2, department_data_type: 0,
        scope: 'specimen:process specimen:read', party_id: 'p-1', client_id: 'portal', name: 'Dr. Smith',
      },
      expiresIn: '30m',
    });
  });

  it.each([
    [['--lab', 'abc'], "--lab must be an integer of at least 1 (got 'abc')"],
    [['--lab', '0'], "--lab must be an integer of at least 1 (got '0')"],
    [['--departments', '1,x'], "--departments must be an integer of at least 0 (got 'x')"],
    [['--type', 'admin'], "--type must be one of lab_user, doctor, support (got 'admin')"],
    [['--expires', 'soon'], "--expires must be a number with s, m, h or d (got 'soon')"],
    [['--labs', '100'], "Unknown option '--labs'"],
    [['--lab'], "Option '--lab <value>' argument missing"],
    [['100'], "Unexpected argument '100'"],
  ])('refuses %j: %s', (argv, message) => {
    expect(() => tokenRequestFrom(argv)).toThrow(UsageError);
    expect(() => tokenRequestFrom(argv)).toThrow(message);
  });
});

import { MaskingLogger } from './masking-logger';

function captured(write: (logger: MaskingLogger) => void): string {
  const chunks: string[] = [];
  const capture = (chunk: string | Uint8Array): boolean => {
    chunks.push(String(chunk));
    return true;
  };
  const stdout = jest.spyOn(process.stdout, 'write').mockImplementation(capture);
  const stderr = jest.spyOn(process.stderr, 'write').mockImplementation(capture);
  try {
    write(new MaskingLogger(['error', 'warn', 'log']));
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
  return chunks.join('');
}

describe('MaskingLogger', () => {
  it('given a line with a phone and an ID number, when logged, then both are masked', () => {
    const output = captured((logger) => logger.log('callback to 13812345678 about 430111197503149314', 'Test'));
    expect(output).toContain('callback to 138****5678 about 43*************314');
    expect(output).not.toContain('13812345678');
    expect(output).toContain('[Test]');
  });

  it('given an error with a stack that quotes a phone, when logged, then message and stack are masked', () => {
    const error = new Error('insert failed for 0731-84561234');
    const output = captured((logger) => logger.error(error.message, error.stack, 'Test'));
    expect(output).toContain('0731-****1234');
    expect(output).not.toContain('84561234');
  });

  it('given a level it was not given, when logged, then nothing is printed', () => {
    expect(captured((logger) => logger.debug('13812345678'))).toBe('');
  });
});

import { randomBytes } from 'node:crypto';
import { parsePiiKeyring, PiiCipher } from '../reporters/pii-cipher';
import { sealedRepliesCodec } from './sealed-replies.codec';

const KEYS = JSON.stringify({ current: 'k1', keys: { k1: randomBytes(32).toString('base64') } });
const cipher = new PiiCipher(parsePiiKeyring(KEYS));
const codec = sealedRepliesCodec(cipher);
const REPLY = JSON.stringify({ recipient: 'wxid_secret_handle', text: '已收到您的诉求' });

describe('sealedRepliesCodec', () => {
  it('given a reply, then it is stored sealed, without the recipient, and opens to the same JSON', () => {
    const stored = codec.seal('channel.reply-requested', REPLY);
    expect(stored).toMatch(/^v1:k1:/);
    expect(stored).not.toContain('wxid_secret_handle');
    expect(codec.open('channel.reply-requested', stored)).toBe(REPLY);
  });

  it('given any other event, then it is stored and published as its JSON', () => {
    const json = JSON.stringify({ petitionId: 'p', satisfied: true });
    expect(codec.seal('petition.feedback-received', json)).toBe(json);
    expect(codec.open('petition.feedback-received', json)).toBe(json);
  });
});

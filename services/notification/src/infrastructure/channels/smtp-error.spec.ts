import { classifySmtpError } from './smtp-email.channel';

describe('SMTP error classification', () => {
  it('treats a 5xx reply as permanent, a 4xx or 503 reply and a lost connection as transient', () => {
    // Given the errors nodemailer reports, Then only a rejection the server will repeat stops the retries
    const reply = (responseCode: number) =>
      Object.assign(new Error('rejected'), { responseCode, response: `${responseCode} no` });
    expect(classifySmtpError(reply(550)).transient).toBe(false);
    expect(classifySmtpError(reply(451)).transient).toBe(true);
    expect(classifySmtpError(reply(503)).transient).toBe(true);
    expect(classifySmtpError(Object.assign(new Error('refused'), { code: 'ESOCKET' })).transient).toBe(true);
    expect(classifySmtpError(reply(550)).message).toBe('smtp 550 no');
  });
});

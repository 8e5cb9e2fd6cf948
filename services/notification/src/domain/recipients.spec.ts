import { routeToCustomer, StaffRecipient, staffRecipientsFor } from './recipients';

describe('recipients', () => {
  it('reaches the customer on the channel they chose, in their language, or records why not', () => {
    // Given each kind of customer profile, Then the route says how to reach them or why nobody is contacted
    expect(
      routeToCustomer({ contactPreference: 'sms', preferredLanguage: 'zh-CN', maskedPhone: '138****5678' }),
    ).toEqual({ kind: 'send', channel: 'sms', language: 'zh-CN', maskedAddress: '138****5678' });
    expect(routeToCustomer({ contactPreference: 'none', preferredLanguage: 'en' })).toMatchObject({
      kind: 'suppressed',
      reason: 'the customer asked not to be contacted',
    });
    expect(
      routeToCustomer({ contactPreference: 'email', preferredLanguage: 'en', maskedPhone: '1' }),
    ).toMatchObject({
      kind: 'unreachable',
      channel: 'email',
    });
    expect(routeToCustomer(null)).toMatchObject({ kind: 'suppressed' });
  });

  it("picks enabled staff of the audience for the complaint's team and for every team", () => {
    const directory: StaffRecipient[] = [
      {
        id: 'all-leads',
        audience: 'team-lead',
        team: '*',
        channel: 'email',
        address: 'a@x.example',
        language: 'en',
        enabled: true,
      },
      {
        id: 'fraud-leads',
        audience: 'team-lead',
        team: 'fraud',
        channel: 'webhook',
        address: 'https://h.example',
        language: 'en',
        secretRef: 's',
        enabled: true,
      },
      {
        id: 'old-leads',
        audience: 'team-lead',
        team: 'fraud',
        channel: 'email',
        address: 'o@x.example',
        language: 'en',
        enabled: false,
      },
      {
        id: 'ops',
        audience: 'ops',
        team: '*',
        channel: 'email',
        address: 'ops@x.example',
        language: 'zh-CN',
        enabled: true,
      },
    ];
    expect(staffRecipientsFor(directory, 'team-lead', 'fraud').map((r) => r.id)).toEqual([
      'all-leads',
      'fraud-leads',
    ]);
    expect(staffRecipientsFor(directory, 'team-lead', null).map((r) => r.id)).toEqual(['all-leads']);
    expect(staffRecipientsFor(directory, 'management', 'fraud')).toEqual([]);
  });
});

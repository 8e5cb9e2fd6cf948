import request from 'supertest';
import { bearer, deliver } from '@complaints/testing';
import {
  envelopeOf,
  eventuallyRecords,
  generalAppComplaint,
  useClassificationService,
} from './complaint-events';

interface RuleSetBody {
  version: string;
  basedOn?: string;
  comment?: string;
  taxonomy: unknown[];
  rules: Record<string, unknown>[];
  priority: unknown;
  settings: unknown;
}

describe('rule sets as versioned data: GET and PUT /v1/rule-sets', () => {
  const harness = useClassificationService();
  const http = () => request(harness.service.app.getHttpServer());

  /** The rule set in force, as a PUT body under a new version name. */
  async function editableCopy(version: string): Promise<RuleSetBody> {
    const res = await http()
      .get('/v1/rule-sets')
      .set('authorization', await bearer(['ops:read']))
      .expect(200);
    const { taxonomy, rules, priority, settings } = res.body;
    return { version, basedOn: res.body.version, taxonomy, rules, priority, settings };
  }

  async function put(body: object): Promise<request.Response> {
    return http()
      .put('/v1/rule-sets')
      .set('authorization', await bearer(['admin'], 'ops-console', 'rules-admin'))
      .send(body);
  }

  it('serves the default version seeded by the migration, in force', async () => {
    const res = await http()
      .get('/v1/rule-sets')
      .set('authorization', await bearer(['ops:read']))
      .expect(200);
    expect(res.body).toMatchObject({ version: '2026.11-2', createdBy: 'system:migration' });
    expect(res.body.taxonomy.map((c: { id: string }) => c.id)).toEqual([
      'account-and-transaction',
      'system-and-technical',
      'service-attitude',
      'service-efficiency',
      'product-problem',
      'information-security',
      'process-and-operation',
      'business-enquiry',
      'other',
    ]);
    expect(res.body.versions).toEqual([expect.objectContaining({ version: '2026.11-2' })]);
  });

  it('rejects a rule set with a bad regex, an unknown category and a duplicate id whole, with every reason', async () => {
    // Given the rule set in force with three broken rules added
    const body = await editableCopy('broken-1');
    body.rules.push(
      { id: 'x.bomb', description: 'backreference', when: { patterns: ['(a+)\\1'] }, then: { signal: 'x' } },
      {
        id: 'x.loans',
        description: 'unknown',
        when: { keywords: ['loan'] },
        then: { category: 'loans', weight: 3 },
      },
      { id: 'x.bomb', description: 'duplicate', when: { keywords: ['y'] }, then: { signal: 'y' } },
    );
    const n = body.rules.length;

    // When it is PUT
    const res = await put(body);
    expect(res.status).toBe(400);

    // Then every reason is listed, and nothing changed
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.body).toMatchObject({ activeVersion: '2026.11-2' });
    expect(res.body.type).toContain('rule-set-rejected');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { field: `rules.${n - 3}.when.patterns.0`, messages: [expect.stringContaining('backreferences')] },
        {
          field: `rules.${n - 2}.then.category`,
          messages: [expect.stringContaining('unknown category loans')],
        },
        { field: `rules.${n - 1}.id`, messages: ['duplicate rule id x.bomb'] },
      ]),
    );
    const after = await http()
      .get('/v1/rule-sets')
      .set('authorization', await bearer(['ops:read']))
      .expect(200);
    expect(after.body.version).toBe('2026.11-2');
    expect(after.body.versions.map((v: { version: string }) => v.version)).toEqual(['2026.11-2']);
    await http()
      .get('/v1/rule-sets/broken-1')
      .set('authorization', await bearer(['ops:read']))
      .expect(404);
  });

  it('answers 400 listing every field error for a body of the wrong shape', async () => {
    const res = await put({
      version: '',
      taxonomy: [{ id: 'other' }],
      rules: 'all of them',
      priority: {},
      extra: 1,
    });
    expect(res.status).toBe(400);
    const fields = (res.body.errors as { field: string }[]).map((e) => e.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'version',
        'taxonomy.0.name',
        'taxonomy.0.subcategories',
        'rules',
        'priority.urgent',
        'priority.general',
        'settings',
        'extra',
      ]),
    );
  });

  it('activates a valid version: the next complaint is classified by it, and old results keep their version', async () => {
    // Given a complaint classified under the default version
    const before = generalAppComplaint();
    await deliver(harness.probe, before);
    await eventuallyRecords(harness, before.subject, 'complaint.classified');

    // When an admin adds a rule and PUTs a new version
    const body = await editableCopy('2026.12-1');
    body.comment = 'coffee machines are a branch facility';
    body.rules.unshift({
      id: 'other.coffee-machine',
      description: 'The branch coffee machine',
      when: { keywords: ['coffee machine', '咖啡机'] },
      then: { category: 'other', subcategory: 'facilities-and-environment', weight: 9 },
    });
    const res = await put(body);
    expect({ status: res.status, body: res.body }).toEqual({
      status: 200,
      body: { version: '2026.12-1', outcome: 'created' },
    });

    // Then a new complaint is classified by the new version, and says so
    const after = generalAppComplaint({
      subject: 'Coffee',
      description: 'The 咖啡機 in the branch lobby is broken.',
    });
    await deliver(harness.probe, after);
    const [classified] = await eventuallyRecords(harness, after.subject, 'complaint.classified');
    expect(envelopeOf(classified).data).toMatchObject({
      category: 'other',
      ruleSetVersion: '2026.12-1',
      matchedRules: expect.arrayContaining([{ ruleId: 'other.coffee-machine', matched: '咖啡機' }]),
    });

    // And the earlier result still names, and is explained by, the version that made it
    const old = await http()
      .get(`/v1/classifications/${before.subject}`)
      .set('authorization', await bearer(['ops:read']))
      .expect(200);
    expect(old.body.ruleSetVersion).toBe('2026.11-2');
    expect(old.body.matchedRules[0]).toHaveProperty('description');

    // And both versions are kept, with who made the new one
    const listing = await http()
      .get('/v1/rule-sets')
      .set('authorization', await bearer(['ops:read']))
      .expect(200);
    expect(listing.body).toMatchObject({ version: '2026.12-1', createdBy: 'rules-admin' });
    expect(listing.body.versions.map((v: { version: string }) => v.version).sort()).toEqual([
      '2026.11-2',
      '2026.12-1',
    ]);
  });

  it('refuses a changed document under an existing version and a stale base, and rolls back to an earlier version', async () => {
    // Given the default version's document, fetched by version
    const res = await http()
      .get('/v1/rule-sets/2026.11-2')
      .set('authorization', await bearer(['ops:read']))
      .expect(200);
    const { taxonomy, rules, priority, settings } = res.body;
    const active = (
      await http()
        .get('/v1/rule-sets')
        .set('authorization', await bearer(['ops:read']))
    ).body.version;

    // When it is PUT again with other content under its version: refused
    const changed = await put({ version: '2026.11-2', taxonomy, rules: rules.slice(1), priority, settings });
    expect(changed.status).toBe(409);
    expect(changed.body.type).toContain('rule-set-version-exists');

    // When it is PUT from a base that is no longer in force: refused
    const stale = await put({
      version: 'from-stale-base',
      basedOn: '2026.11-2',
      taxonomy,
      rules,
      priority,
      settings,
    });
    expect(active).not.toBe('2026.11-2');
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ activeVersion: active });

    // When it is PUT again unchanged: it is back in force (a roll-back), and a second PUT changes nothing
    const unchanged = { version: '2026.11-2', taxonomy, rules, priority, settings };
    expect((await put(unchanged)).body).toEqual({ version: '2026.11-2', outcome: 'reactivated' });
    expect((await put(unchanged)).body).toEqual({ version: '2026.11-2', outcome: 'unchanged' });
    const now = await http()
      .get('/v1/rule-sets')
      .set('authorization', await bearer(['ops:read']))
      .expect(200);
    expect(now.body.version).toBe('2026.11-2');
  });

  it('lets only admins change rule sets, and only readers see them', async () => {
    const body = await editableCopy('not-allowed');
    const forbidden = await http()
      .put('/v1/rule-sets')
      .set('authorization', await bearer(['ops:read', 'lifecycle:write']))
      .send(body)
      .expect(403);
    expect(forbidden.headers['content-type']).toContain('application/problem+json');
    await http().get('/v1/rule-sets').expect(401);
    await http()
      .get('/v1/rule-sets')
      .set('authorization', await bearer(['complaints:write']))
      .expect(403);
  });
});

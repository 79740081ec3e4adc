import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createPartner } from '../../../test/builders.js';
import { expectStatus } from '../../../test/client.js';
import { useTestAppAsRoot } from '../../../test/test-suite.js';
import { developmentSecretKey, isSealed, openSecret } from '../../lib/secret-box.js';
import { sealStoredSecrets } from './partner-settings.service.js';

/*
 * A partner's secrets (the SMTP password, the SMS key, the bot token) are sealed at rest: the database
 * holds them encrypted with FLEETDESK_SECRET_KEY, the server opens them with it, and rows written
 * before sealing are sealed at start. The test app uses the development key.
 */
const { context, root } = useTestAppAsRoot();
const SMTP_PASSWORD = 'Smtp-Secret-Pa55word';
const smtp = {
  host: 'smtp.example.com',
  port: 587,
  username: 'mailer',
  password: SMTP_PASSWORD,
  fromAddress: 'noreply@example.com',
  security: 'starttls',
};

async function storedPassword(partnerId: number): Promise<string | null> {
  const rows = await sql<{ password: string | null }>`
    select value ->> 'password' as password from partner_settings
     where partner_id = ${partnerId} and key = 'smtp'`.execute(context.database.db);
  return rows.rows[0]!.password;
}

describe('secrets of partner settings at rest', () => {
  it('are stored sealed, open to the typed text with the key, and kept sealed when a change omits them', async () => {
    const partner = await createPartner(root);
    expectStatus(
      await root.request('PUT', `/api/v1/partners/${partner.id}/settings/smtp`, { value: smtp }),
      201,
    );
    const sealed = await storedPassword(partner.id);
    expect(sealed).not.toContain(SMTP_PASSWORD);
    expect(isSealed(sealed!)).toBe(true);
    expect(openSecret(sealed!, developmentSecretKey)).toBe(SMTP_PASSWORD);

    expectStatus(
      await root.request('PUT', `/api/v1/partners/${partner.id}/settings/smtp`, {
        version: 1,
        value: { ...smtp, password: null, port: 465 },
      }),
      200,
    );
    expect(await storedPassword(partner.id)).toBe(sealed);
    const history = await root.get(`/api/v1/partners/${partner.id}/history`);
    expect(history.body).not.toContain(SMTP_PASSWORD);
    expect(history.body).not.toContain(sealed!);
  });

  it('written in clear by an older version are sealed once at start, nothing else changed', async () => {
    const partner = await createPartner(root);
    await sql`insert into partner_settings (partner_id, key, value)
              values (${partner.id}, 'smtp', ${JSON.stringify(smtp)}::jsonb)`.execute(context.database.db);
    expect(await sealStoredSecrets(context.database.db, developmentSecretKey)).toBeGreaterThanOrEqual(1);
    const sealed = await storedPassword(partner.id);
    expect(isSealed(sealed!)).toBe(true);
    expect(openSecret(sealed!, developmentSecretKey)).toBe(SMTP_PASSWORD);
    const rows = await sql<{ value: Record<string, unknown>; version: number }>`
      select value, version from partner_settings where partner_id = ${partner.id} and key = 'smtp'`.execute(
      context.database.db,
    );
    expect(rows.rows[0]).toEqual({ value: { ...smtp, password: sealed }, version: 1 });
    expect(await sealStoredSecrets(context.database.db, developmentSecretKey)).toBe(0);
  });
});

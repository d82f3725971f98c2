import { LegalEntityView, PartyView, UpsertLegalEntityInput, UpsertPartyInput } from '@labflow/contracts';
import { Queryable } from '@labflow/platform/kafka';
import { SCHEMA } from '../migrations';

export interface PartyRecord {
  verificationStatus: string;
  updatedAt: Date;
  deathVerificationStatus: string | null;
  deathVerificationReason: string | null;
}

/**
 * Parties (the people behind user accounts) with their verification record, and legal entities
 * (the token's client_id), as this lab knows them, in one session. Scoped by lab like every other table.
 */
export class PartyRepository {
  constructor(private readonly db: Queryable) {}

  async findParty(labId: number, partyId: string): Promise<PartyRecord | null> {
    const rows: { verification_status: string; updated_at: Date; s: string | null; r: string | null }[] = await this.db.query(
      `SELECT p.verification_status, p.updated_at, v.dracs_death_verification_status AS s, v.dracs_death_verification_reason AS r
       FROM "${SCHEMA}".parties p
       LEFT JOIN "${SCHEMA}".party_verifications v ON v.lab_id = p.lab_id AND v.party_id = p.id
       WHERE p.lab_id = $1 AND p.id = $2`,
      [labId, partyId],
    );
    const row = rows[0];
    return row ? { verificationStatus: row.verification_status, updatedAt: row.updated_at, deathVerificationStatus: row.s, deathVerificationReason: row.r } : null;
  }

  async upsertParty(labId: number, input: UpsertPartyInput): Promise<PartyView> {
    const [party]: { id: string; verification_status: string; updated_at: Date }[] = await this.db.query(
      `INSERT INTO "${SCHEMA}".parties (lab_id, id, verification_status, updated_at) VALUES ($1, $2, $3, COALESCE($4::timestamptz, now()))
       ON CONFLICT (lab_id, id) DO UPDATE SET verification_status = EXCLUDED.verification_status, updated_at = EXCLUDED.updated_at
       RETURNING id, verification_status, updated_at`,
      [labId, input.partyId, input.verification_status, input.updated_at ?? null],
    );
    const [verification]: { s: string | null; r: string | null }[] = await this.db.query(
      `INSERT INTO "${SCHEMA}".party_verifications (lab_id, party_id, dracs_death_verification_status, dracs_death_verification_reason)
       VALUES ($1, $2, $3, $4)
       ON CONFLICT (lab_id, party_id) DO UPDATE SET dracs_death_verification_status = EXCLUDED.dracs_death_verification_status,
         dracs_death_verification_reason = EXCLUDED.dracs_death_verification_reason, updated_at = now()
       RETURNING dracs_death_verification_status AS s, dracs_death_verification_reason AS r`,
      [labId, input.partyId, input.dracs_death_verification_status ?? null, input.dracs_death_verification_reason ?? null],
    );
    return {
      id: party.id, verification_status: party.verification_status, updated_at: party.updated_at.toISOString(),
      dracs_death_verification_status: verification.s, dracs_death_verification_reason: verification.r,
    };
  }

  async findLegalEntityStatus(labId: number, clientId: string): Promise<string | null> {
    const rows: { status: string }[] = await this.db.query(
      `SELECT status FROM "${SCHEMA}".legal_entities WHERE lab_id = $1 AND id = $2`, [labId, clientId],
    );
    return rows[0]?.status ?? null;
  }

  async upsertLegalEntity(labId: number, input: UpsertLegalEntityInput): Promise<LegalEntityView> {
    const [row]: { id: string; status: string; updated_at: Date }[] = await this.db.query(
      `INSERT INTO "${SCHEMA}".legal_entities (lab_id, id, status) VALUES ($1, $2, $3)
       ON CONFLICT (lab_id, id) DO UPDATE SET status = EXCLUDED.status, updated_at = now()
       RETURNING id, status, updated_at`,
      [labId, input.clientId, input.status],
    );
    return { id: row.id, status: row.status, updated_at: row.updated_at.toISOString() };
  }
}

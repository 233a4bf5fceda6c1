import type { PiiCipher } from './pii-cipher';
import type { ReporterDto } from './reporter.dto';

/** The reporter's contact as stored on the petition: each field sealed by PiiCipher, null when not given. */
export interface SealedReporterContact {
  reporterName: string | null;
  reporterPhone: string | null;
  reporterIdNumber: string | null;
  reporterHandle: string | null;
}

export type ReporterContactField = keyof SealedReporterContact;

/** The entity's properties for the reporter and their columns in intake.petitions. */
export const REPORTER_CONTACT_COLUMNS: Readonly<Record<ReporterContactField, string>> = {
  reporterName: 'reporter_name',
  reporterPhone: 'reporter_phone',
  reporterIdNumber: 'reporter_id_number',
  reporterHandle: 'reporter_handle',
};

export const REPORTER_CONTACT_FIELDS = Object.keys(REPORTER_CONTACT_COLUMNS) as ReporterContactField[];

// A channel may send a field as null (IsOptional lets it through): absent, like undefined.
function seal(cipher: PiiCipher, value: string | null | undefined): string | null {
  return value === undefined || value === null ? null : cipher.encrypt(value);
}

function open(cipher: PiiCipher, value: string | null): string | undefined {
  return value === null ? undefined : cipher.decrypt(value);
}

export function sealReporterContact(
  cipher: PiiCipher,
  reporter: ReporterDto | null | undefined,
): SealedReporterContact {
  return {
    reporterName: seal(cipher, reporter?.name),
    reporterPhone: seal(cipher, reporter?.phone),
    reporterIdNumber: seal(cipher, reporter?.idNumber),
    reporterHandle: seal(cipher, reporter?.handle),
  };
}

/** The plain contact, for the few places that must reach the reporter (replies on channel.outbound). */
export function openReporterContact(cipher: PiiCipher, sealed: SealedReporterContact): ReporterDto {
  const name = open(cipher, sealed.reporterName);
  const phone = open(cipher, sealed.reporterPhone);
  const idNumber = open(cipher, sealed.reporterIdNumber);
  const handle = open(cipher, sealed.reporterHandle);
  return {
    ...(name !== undefined ? { name } : {}),
    ...(phone !== undefined ? { phone } : {}),
    ...(idNumber !== undefined ? { idNumber } : {}),
    ...(handle !== undefined ? { handle } : {}),
  };
}

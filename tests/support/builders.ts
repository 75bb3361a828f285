/**
 * Small builders for claim tests: a valid institution, people with valid ID numbers, visits.
 * Everything not given takes the sample institution's values (ningbo-2022, fees 80/90/100 yuan a day,
 * 60 yuan an hour).
 */
import { idNumberCheckChar } from '../../shared/domain/ids';
import type { Assessment, Certificate, Dataset, Institution, Resident, Staff, StayEvent, Visit } from '../../shared/domain/model';

export function idNumber(birth: string, serial = 1, male = false): string {
  const seq = String(serial * 2 + (male ? 1 : 0))
    .padStart(3, '0')
    .slice(-3);
  const first17 = `330205${birth.replace(/-/g, '')}${seq}`;
  return first17 + idNumberCheckChar(first17);
}

export function institution(over: Partial<Institution> = {}): Institution {
  return {
    name: '测试护理院',
    uscc: '91350100M000100Y43',
    agencyCode: 'H33020500001',
    region: '330205',
    policy: 'ningbo-2022',
    prices: { dailyFeeFen: { '3': 8000, '4': 9000, '5': 10000 }, hourlyFeeFen: 6000, visitFeeFen: 5000 },
    ...over,
  };
}

let serial = 0;
export function resident(ref: string, assessments: Assessment[], events: StayEvent[], over: Partial<Resident> = {}): Resident {
  serial++;
  return { ref, name: `对象${ref}`, idNumber: idNumber('1940-01-01', serial), assessments, events, ...over };
}

export const assessed = (level: Assessment['level'], concludedOn: string): Assessment => ({ level, concludedOn });
export const admit = (date: string, mode: 'institutional' | 'home' = 'institutional'): StayEvent => ({ type: 'admit', date, mode });
export const ev = (type: StayEvent['type'], date: string): StayEvent => ({ type, date });

export function staff(ref: string, certificates: Certificate[], over: Partial<Staff> = {}): Staff {
  serial++;
  return { ref, name: `员工${ref}`, idNumber: idNumber('1990-05-05', serial), certificates, ...over };
}

export const caregiverCert = (issuedOn = '2024-01-01'): Certificate => ({ type: 'ltc-caregiver', number: 'CZ-1', issuedOn });
export const nurseLicence = (issuedOn = '2022-07-01', expiresOn = '2027-06-30'): Certificate => ({ type: 'nurse-licence', number: 'N-1', issuedOn, expiresOn });

export function visit(ref: string, resident: string, staffRef: string, start: string, end: string, over: Partial<Visit> = {}): Visit {
  return { ref, resident, staff: staffRef, start, end, items: ['LC01'], confirmed: true, ...over };
}

export function dataset(parts: { institution?: Institution; residents?: Resident[]; staff?: Staff[]; visits?: Visit[] }): Dataset {
  return {
    format: 'ltc-dataset',
    version: 1,
    institution: parts.institution ?? institution(),
    residents: parts.residents ?? [],
    staff: parts.staff ?? [],
    visits: parts.visits ?? [],
  };
}

/** Valid 18-digit resident ID numbers (GB 11643 check character), for the generated people. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idNumber(region, birth, seq) {
  const body = `${region}${birth.replaceAll('-', '')}${String(seq % 1000).padStart(3, '0')}`;
  const sum = [...body].reduce((s, d, i) => s + Number(d) * WEIGHTS[i], 0);
  return body + CHECK[sum % 11];
}

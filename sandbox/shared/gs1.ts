/** GS1 mod-10 check digit (GTIN, GLN): weights 3,1,3,… from the rightmost data digit. */
export function gs1CheckDigit(data: string): number {
  if (!/^\d+$/.test(data)) throw new Error(`not digits: ${data}`);
  let sum = 0;
  for (let i = 0; i < data.length; i++) {
    const digit = data.charCodeAt(data.length - 1 - i) - 48;
    sum += digit * (i % 2 === 0 ? 3 : 1);
  }
  return (10 - (sum % 10)) % 10;
}

export const withGs1CheckDigit = (data: string): string => `${data}${gs1CheckDigit(data)}`;

export function isValidGs1(code: string): boolean {
  return /^\d{8,18}$/.test(code) && gs1CheckDigit(code.slice(0, -1)) === Number(code.slice(-1));
}

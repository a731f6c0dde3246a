import { InvalidArgumentError } from 'commander';

/** Commander parser for a whole number ≥ 1. */
export function parsePositiveInteger(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(number) || number < 1)
    throw new InvalidArgumentError('Expected a whole number of 1 or more.');
  return number;
}

/** Commander parser for a TCP port, 0 to 65535. */
export function parsePort(value: string): number {
  const number = Number(value);
  if (!/^\d+$/.test(value) || number > 65_535) throw new InvalidArgumentError('Expected a port number from 0 to 65535.');
  return number;
}

/**
 * `work`, or a rejection with `message` once `ms` have passed. The work itself is not cancelled: it may
 * still complete later, and its outcome is then ignored.
 */
export function withTimeout<T>(
  work: Promise<T>,
  ms: number,
  message = `no answer within ${ms} ms`,
): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

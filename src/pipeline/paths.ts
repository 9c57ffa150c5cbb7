import path from 'node:path';

/** Whether `inner` is `outer` or lies below it (both absolute, links already resolved where that matters). */
export function isWithin(inner: string, outer: string): boolean {
  const relative = path.relative(outer, inner);
  return relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
}

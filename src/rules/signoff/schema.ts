import { z } from 'zod';
import { Id, Text } from '../../config/atoms.ts';

/** S3 验收签字: every check of these kinds needs a sign-off (`signed_by`). */
export const Signoff = z.strictObject({
  id: Id,
  label: Text,
  kind: z.literal('signoff'),
  checks: z.array(Id).min(1).optional(),
});
export type Signoff = z.infer<typeof Signoff>;

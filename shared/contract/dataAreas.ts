import { z } from 'zod';

/**
 * The areas of data the window reads, each refreshed on its own. The core announces the areas a
 * committed write touched (`changed`), whoever wrote: a handler, a job on its own connection, or
 * records arriving from another machine. Query keys in the window start with one of them.
 */
export const dataAreas = ['clinics', 'inquiries', 'quotes', 'documentOutputs', 'staff', 'settings', 'content', 'backups', 'sync'] as const;
export type DataArea = (typeof dataAreas)[number];
export const dataAreaSchema = z.enum(dataAreas);

/** Work the core does on its own after opening, while writes wait (search columns rebuilt, ...). */
export const maintenanceStateSchema = z
  .object({
    task: z.enum(['searchIndex']),
    done: z.number().int().nonnegative(),
    total: z.number().int().nonnegative(),
  })
  .nullable();
export type MaintenanceState = z.infer<typeof maintenanceStateSchema>;

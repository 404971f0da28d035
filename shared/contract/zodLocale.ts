import { z } from 'zod';

// Schema messages are shown to counter staff, so zod's generic messages must be Japanese too.
z.config(z.locales.ja());

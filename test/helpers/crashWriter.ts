/**
 * Child process of the crash test: registers clinics one transaction each on the database given
 * as argv[2], and prints each clinic's name on stdout only after its commit returned.
 */
import { openDatabase } from '../../electron/core/db/connection.ts';
import { migrate } from '../../electron/core/db/migrate.ts';
import { migrations } from '../../electron/core/db/migrations/index.ts';
import { createClinic } from '../../electron/core/db/repos/clinicRecords.ts';
import { clinicInputSchema } from '../../shared/domain/clinic.ts';

const [dbPath = '', run = '0', count = '1000'] = process.argv.slice(2);
const db = openDatabase(dbPath);
migrate(db, migrations);
const insert = db.transaction((name: string) => createClinic(db, clinicInputSchema.parse({ name, address: `鹿児島市中央町${name.length}-1` }), { machineId: 'crash-test' }));
for (let i = 0; i < Number(count); i++) {
  const name = `試験医院${run}-${i}`;
  insert(name);
  process.stdout.write(`${name}\n`);
}
db.close();

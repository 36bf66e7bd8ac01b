import { readFileSync } from 'node:fs';
import { txtFormat } from './electron/core/import/txt-format.js';
for (const f of ['moscow-times-blinken-iranian-drones.txt','rferl-blinken-iranian-drones.txt']) {
  const bytes = readFileSync('tests/fixtures/'+f);
  const { articles: [a] } = await txtFormat.extract({ name: f, bytes });
  console.log(JSON.stringify({ ...a, original: undefined }, null, 1));
}

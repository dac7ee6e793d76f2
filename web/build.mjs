// Builds the dashboard (web/) into dist/web with esbuild: one ES module bundle, its CSS and page.
/* global URL, process */
import { copyFile, mkdir, rm } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const here = (p) => fileURLToPath(new URL(p, import.meta.url));
const out = here('../dist/web/');

await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await build({
  entryPoints: [here('./src/main.ts')],
  bundle: true,
  minify: true,
  format: 'esm',
  target: 'es2022',
  outfile: `${out}app.js`,
  sourcemap: 'linked',
  legalComments: 'linked',
  logLevel: 'warning',
});
await copyFile(here('./index.html'), `${out}index.html`);
await copyFile(here('./src/style.css'), `${out}style.css`);
process.stdout.write(`dashboard -> ${out}\n`);

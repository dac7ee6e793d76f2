#!/usr/bin/env node
import('../dist/src/cli/main.js').catch((err) => {
  if (err && err.code === 'ERR_MODULE_NOT_FOUND' && String(err.message).includes('dist/src/cli')) {
    console.error('parley: not built yet: run `npm run build` first');
  } else console.error(err);
  process.exit(2);
});

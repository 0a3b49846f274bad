import { defineConfig } from 'vite';

// The console is served by the `console` function at <api>/console/ (a stage prefix in AWS, none in
// local mode): relative asset URLs, hash routing, content-hashed file names (cached for a year).
export default defineConfig({
  base: './',
  oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  build: {
    outDir: 'target/dist',
    emptyOutDir: true,
    assetsDir: 'assets',
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    // `npm run dev`: the API of a running ./run-local
    proxy: { '/staff': 'http://127.0.0.1:3000', '/_local': 'http://127.0.0.1:3000', '/stock': 'http://127.0.0.1:3000' },
  },
});

// The CDN build: one ES module, `dist/cdn/wt-onboarding.js`, with everything inside (Lit, the SDK, the contract,
// zod/mini) that registers <wt-onboarding> when loaded. Production mode, so Lit's dev-mode code is left out, and
// fully minified: vite's library mode keeps whitespace, so the chunk gets a second pass through the oxc minifier
// that vite itself ships. Nothing is fetched at run time: no code splitting, no CSS or font files.
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig, minify, type Plugin } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * Drops the indentation of the element's own sources before they are compiled. JavaScript does not care, and
 * inside Lit's `html` and `css` templates a newline is as good as the indentation after it (HTML and CSS
 * collapse white space), so the templates ship without it. No source has a `<pre>` or a multi-line string.
 */
function dedentTemplates(): Plugin {
  const sources = `${here}src/`;
  return {
    name: 'wt-dedent-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!id.startsWith(sources) || !id.endsWith('.ts')) return undefined;
      return { code: code.replace(/\n[ \t]+/gu, '\n'), map: null };
    },
  };
}

/** Minifies the finished chunk completely (whitespace included), keeping it an ES module. */
function minifyChunk(): Plugin {
  return {
    name: 'wt-minify-chunk',
    enforce: 'post',
    async generateBundle(_options, bundle) {
      for (const chunk of Object.values(bundle)) {
        if (chunk.type !== 'chunk') continue;
        const result = await minify(chunk.fileName, chunk.code, {
          compress: { target: 'es2022' },
          mangle: { toplevel: true },
        });
        chunk.code = result.code;
      }
    },
  };
}

export default defineConfig({
  root: here,
  plugins: [dedentTemplates(), minifyChunk()],
  mode: 'production',
  logLevel: 'warn',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
  // The workspace packages are built from source, so the CDN build does not wait for `tsc -b`.
  resolve: { conditions: ['source', ...defaultClientConditions.filter((condition) => condition !== 'development')] },
  build: {
    target: 'es2022',
    outDir: 'dist/cdn',
    emptyOutDir: true,
    sourcemap: false,
    minify: true,
    copyPublicDir: false,
    lib: { entry: 'src/define.ts', formats: ['es'], fileName: () => 'wt-onboarding.js' },
    rolldownOptions: { output: { codeSplitting: false } },
  },
});

// The CDN build: one ES module per element, `dist/cdn/wt-onboarding.js` (src/define.ts bundled) and
// `dist/cdn/wt-organisation-members.js` (src/define-organisation-members.ts bundled), each with everything inside
// (Lit, the SDK, the contract, zod/mini) that registers its tag when loaded, so a page with only the onboarding
// does not load the members element. Two builds (vite environments), because one file per tag rules out shared
// chunks. Production mode, so Lit's dev-mode code is left out, and
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

/** One self-contained CDN file: `entry` bundled, no code splitting. */
function cdnFile(entry: string, fileName: string, emptyOutDir: boolean) {
  return {
    consumer: 'client' as const,
    build: {
      target: 'es2022',
      outDir: 'dist/cdn',
      emptyOutDir,
      sourcemap: false,
      minify: true,
      copyPublicDir: false,
      lib: { entry, formats: ['es' as const], fileName: () => fileName },
      rolldownOptions: { output: { codeSplitting: false } },
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
  // `vite build` builds the two environments below, in this order: the first empties dist/cdn, the second adds to
  // it. (Vite's default `client` environment, an app with an index.html, is not built.)
  builder: {
    async buildApp(builder) {
      await builder.build(builder.environments.onboarding!);
      await builder.build(builder.environments.members!);
    },
  },
  environments: {
    onboarding: cdnFile('src/define.ts', 'wt-onboarding.js', true),
    members: cdnFile('src/define-organisation-members.ts', 'wt-organisation-members.js', false),
  },
});

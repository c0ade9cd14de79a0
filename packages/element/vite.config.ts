// The CDN build: one ES module per element, `dist/cdn/wt-onboarding.js` (src/define.ts bundled) and
// `dist/cdn/wt-organisation-members.js` (src/define-organisation-members.ts bundled), each with everything inside
// (Lit, the SDK, the contract's zod-free lite entry) that registers its tag when loaded, so a page with only the onboarding
// does not load the members element. Two builds (vite environments), because one file per tag rules out shared
// chunks. Production mode, so Lit's dev-mode code is left out, and
// fully minified: vite's library mode keeps whitespace, so the chunk gets a second pass through the oxc minifier
// that vite itself ships. Nothing is fetched at run time: no code splitting, no CSS or font files.
import { fileURLToPath } from 'node:url';
import { defaultClientConditions, defineConfig, minify, type Plugin } from 'vite';

const here = fileURLToPath(new URL('.', import.meta.url));

/**
 * Minifies the CSS of a `css` template with no expressions: no comments, no white space around punctuation, no
 * last `;` of a block, no leading zero. The element's styles are plain CSS with no strings that hold white space
 * next to punctuation, so text replacements are enough and no CSS parser has to ship with the build.
 */
export function minifyCss(css: string): string {
  return css
    .replace(/\/\*[^]*?\*\//gu, '')
    .replace(/\s+/gu, ' ')
    .replace(/ ?([{};,>!]) ?/gu, '$1')
    .replace(/: /gu, ':')
    .replace(/;\}/gu, '}')
    .replace(/([:,( ])0\.(\d)/gu, '$1.$2')
    .trim();
}

/**
 * Shrinks the element's own sources before they are compiled. JavaScript does not care about indentation, and
 * inside Lit's `html` templates a newline is as good as the indentation after it (HTML collapses white space), so
 * the templates ship without it; `css` templates are minified ({@link minifyCss}). No source has a `<pre>` or a
 * multi-line string.
 */
function minifyTemplates(): Plugin {
  const sources = `${here}src/`;
  return {
    name: 'wt-minify-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!id.startsWith(sources) || !id.endsWith('.ts')) return undefined;
      const css = code.replace(/\bcss`([^`$]*)`/gu, (_whole, text: string) => `css\`${minifyCss(text)}\``);
      return { code: css.replace(/\n[ \t]+/gu, '\n'), map: null };
    },
  };
}

/**
 * Minifies the finished chunk completely (whitespace included), keeping it an ES module.
 */
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

/** Lit's and the workspace packages' production sources: no `development` condition. */
const conditions = ['source', ...defaultClientConditions.filter((condition) => condition !== 'development')];

/** One self-contained CDN file: `entry` bundled, no code splitting. */
function cdnFile(entry: string, fileName: string, emptyOutDir: boolean) {
  return {
    consumer: 'client' as const,
    // The workspace packages are built from source, so the CDN build does not wait for `tsc -b` and never ships a
    // stale dist/. Per environment: Vite does not pass the top-level `resolve.conditions` on to these.
    resolve: { conditions },
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
  plugins: [minifyTemplates(), minifyChunk()],
  mode: 'production',
  logLevel: 'warn',
  define: { 'process.env.NODE_ENV': JSON.stringify('production') },
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

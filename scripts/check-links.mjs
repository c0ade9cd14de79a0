// Checks that every relative link in README.md and docs/*.md points at a file that exists, and that every
// `#anchor` names a heading (GitHub's slugs) or an explicit id in the target. External links are not fetched:
// the network is closed here, and a link checker that depends on other people's sites would fail at random.
//
//   node scripts/check-links.mjs            checks the repository, prints each broken link, exits 1 if any
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A link that does not resolve.
 * @typedef {object} BrokenLink
 * @property {string} file the Markdown file, relative to the root
 * @property {number} line 1-based
 * @property {string} target the link as written
 * @property {string} reason what is missing
 */

/**
 * Removes fenced code blocks (and inline code unless `keepInline`), keeping line numbers, so links in examples
 * are not checked.
 */
function withoutCode(text, keepInline = false) {
  let inFence = false;
  return text
    .split('\n')
    .map((line) => {
      if (/^\s*(```|~~~)/.test(line)) {
        inFence = !inFence;
        return '';
      }
      if (inFence) return '';
      return keepInline ? line : line.replace(/`[^`]*`/g, '');
    })
    .join('\n');
}

/**
 * GitHub's heading anchor: lower case, punctuation dropped, spaces to hyphens (as github-slugger does).
 * @param {string} heading the heading's Markdown text
 */
export function slug(heading) {
  const text = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/\*/g, '')
    .trim()
    .toLowerCase();
  return text.replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '').replace(/ /g, '-');
}

/**
 * Every anchor a Markdown file offers: its headings' slugs (with -1, -2 … for repeats) and explicit ids.
 * @param {string} text
 * @returns {Set<string>}
 */
export function anchorsOf(text) {
  const anchors = new Set();
  const seen = new Map();
  for (const line of withoutCode(text, true).split('\n')) {
    const heading = /^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (heading) {
      const base = slug(heading[1] ?? '');
      const count = seen.get(base) ?? 0;
      seen.set(base, count + 1);
      anchors.add(count === 0 ? base : `${base}-${count}`);
    }
    for (const match of line.matchAll(/<a\s+(?:id|name)="([^"]+)"/g)) anchors.add(match[1]);
  }
  return anchors;
}

/** Links of a Markdown text with their line numbers: inline `[x](target)`, `![x](target)`, and `[id]: target`. */
function linksOf(text) {
  const links = [];
  withoutCode(text)
    .split('\n')
    .forEach((line, index) => {
      for (const match of line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
        links.push({ target: match[1], line: index + 1 });
      }
      const definition = /^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s+"[^"]*")?\s*$/.exec(line);
      if (definition) links.push({ target: definition[1], line: index + 1 });
      for (const match of line.matchAll(/<(?:img|a)\s[^>]*(?:src|href)="([^"]+)"/g)) {
        links.push({ target: match[1], line: index + 1 });
      }
    });
  return links;
}

/**
 * Checks the relative links of `files` (paths relative to `root`).
 * @param {string} root
 * @param {readonly string[]} files
 * @returns {BrokenLink[]}
 */
export function checkLinks(root, files) {
  const broken = [];
  const anchorCache = new Map();
  const anchorsAt = (path) => {
    if (!anchorCache.has(path)) anchorCache.set(path, anchorsOf(readFileSync(path, 'utf8')));
    return anchorCache.get(path);
  };
  for (const file of files) {
    const path = resolve(root, file);
    for (const { target, line } of linksOf(readFileSync(path, 'utf8'))) {
      // Other schemes (https:, mailto:, …) and protocol-relative URLs are outside this repository.
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) continue;
      const [pathPart = '', anchor] = target.split('#');
      const destination = pathPart === '' ? path : resolve(dirname(path), decodeURIComponent(pathPart));
      const report = (reason) => broken.push({ file: relative(root, path), line, target, reason });
      if (!destination.startsWith(resolve(root))) {
        report('points outside the repository');
        continue;
      }
      if (!existsSync(destination)) {
        report(`${relative(root, destination)} does not exist`);
        continue;
      }
      if (anchor && destination.endsWith('.md') && statSync(destination).isFile()) {
        if (!anchorsAt(destination).has(decodeURIComponent(anchor))) {
          report(`${relative(root, destination)} has no heading or id "${anchor}"`);
        }
      }
    }
  }
  return broken;
}

/**
 * The Markdown files whose links must resolve: README.md and docs/*.md (not the generated docs/api).
 * @param {string} root
 */
export function documentationFiles(root) {
  const docs = existsSync(join(root, 'docs'))
    ? readdirSync(join(root, 'docs'))
        .filter((name) => name.endsWith('.md'))
        .map((name) => `docs/${name}`)
    : [];
  return ['README.md', ...docs.sort()].filter((file) => existsSync(join(root, file)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const files = documentationFiles(root);
  const broken = checkLinks(root, files);
  for (const link of broken) console.error(`${link.file}:${link.line}: ${link.target} — ${link.reason}`);
  console.log(`check-links: ${files.length} files, ${broken.length} broken links`);
  process.exitCode = broken.length === 0 ? 0 : 1;
}

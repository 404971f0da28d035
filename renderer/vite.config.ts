import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { contentSecurityPolicy } from '../shared/security/csp.ts';

const rendererDir = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Writes the shared policy into index.html's CSP meta tag, so the file:// window of the desktop
 * app is as strict as the preview host's header. frame-ancestors is dropped because browsers
 * ignore it (with a console warning) when it comes from a meta tag. The dev server gets no meta:
 * React's Fast Refresh needs an inline script there.
 */
function contentSecurityPolicyMeta(): Plugin {
  const placeholder = 'content="%APP_CSP%"';
  let serving = false;
  return {
    name: 'cyber-counter:csp-meta',
    configResolved(config) {
      serving = config.command === 'serve';
    },
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        if (!html.includes(placeholder)) throw new Error('renderer/index.html lost its CSP meta tag placeholder');
        if (serving) return html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
        const policy = contentSecurityPolicy
          .split(';')
          .map((directive) => directive.trim())
          .filter((directive) => directive && !directive.startsWith('frame-ancestors'))
          .join('; ');
        return html.replace(placeholder, `content="${policy}"`);
      },
    },
  };
}

export default defineConfig({
  root: rendererDir,
  // Relative asset URLs so the same build loads from file:// in Electron and from the preview host.
  base: './',
  plugins: [react(), contentSecurityPolicyMeta()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // The fonts are several megabytes; they must stay files, never data: URLs inside the CSS.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1024,
  },
  server: {
    // shared/ and resources/fonts live beside renderer/, outside Vite's root.
    fs: { allow: [repoRoot] },
  },
});
